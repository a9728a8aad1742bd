using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;

namespace ZonePolicy.Tests.Syntax;

/// <summary>Helpers that parse text and reduce the result to what a test compares.</summary>
internal static class Parsing
{
    public const string FileName = "rules.zpol";

    public static CompilationUnit Valid(string text)
    {
        var result = RuleParser.Parse(text, FileName);
        Assert.True(result.Succeeded, "unexpected diagnostics:\n" + string.Join("\n", result.Diagnostics.Select(Format)));
        return result.Unit!;
    }

    /// <summary>The printed tree of <paramref name="expression"/>, parsed as a rule's condition.</summary>
    public static string Expression(string expression) => SyntaxPrinter.Print(Condition(expression));

    public static Expression Condition(string expression)
    {
        var rule = Valid($"rule T \"t\" {{ require {expression} }}").Rules.Single();
        return ((ConditionClause)rule.Clauses.Single()).Condition;
    }

    public static string Rule(string body) => SyntaxPrinter.Print(Valid($"rule T \"t\" {{ {body} }}").Rules.Single());

    /// <summary>Every diagnostic as <c>(line,col): ID: message</c>.</summary>
    public static string[] Errors(string text) => [.. RuleParser.Parse(text, FileName).Diagnostics.Select(Format)];

    public static string Error(string text) => Assert.Single(Errors(text));

    public static IReadOnlyList<Diagnostic> DiagnosticsOf(string text) => RuleParser.Parse(text, FileName).Diagnostics;

    /// <summary>A diagnostic as <c>(line,col): ID</c>, for tests about which errors are reported rather than their wording.</summary>
    public static string Where(Diagnostic diagnostic) => $"({diagnostic.Location.Line},{diagnostic.Location.Column}): {diagnostic.Id}";

    public static string Format(Diagnostic diagnostic) =>
        $"({diagnostic.Location.Line},{diagnostic.Location.Column}): {diagnostic.Id}: {diagnostic.Message}";

    /// <summary>A location as <c>(line,col)-(endLine,endCol)</c>.</summary>
    public static string Span(SourceLocation location) =>
        $"({location.Line},{location.Column})-({location.EndLine},{location.EndColumn})";
}
