using ZonePolicy.Diagnostics;
namespace ZonePolicy.Syntax;
internal sealed record ParseResult(CompilationUnit? Unit, IReadOnlyList<Diagnostic> Diagnostics);
internal static class RuleParser
{
    public static ParseResult Parse(string text, string file) => throw new NotImplementedException();
    public static bool TryParseLiteral(string text, out object? value) => throw new NotImplementedException();
}
