using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

/// <summary>
/// The outcome of parsing one rule file: its syntax tree and its errors. When there are errors the tree
/// holds only the declarations that parsed, and is null when the file is not text at all.
/// </summary>
internal sealed record ParseResult(CompilationUnit? Unit, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Diagnostics.Count == 0;
}
