using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;

namespace ZonePolicy.Formatting;

/// <summary>The outcome of formatting one rule file: its canonical text, or the syntax errors that prevent it.</summary>
public sealed record FormatResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the file parsed and <see cref="Text"/> holds its canonical layout.</summary>
    public bool Succeeded => Text is not null;
}

/// <summary>
/// The canonical layout of <c>.zpol</c> files, shared by <c>zpol fmt</c>, the language server and the tests. One
/// answer for every input, no options: two-space indentation, lines broken at <see cref="DocPrinter.Width"/>
/// columns where the grammar allows, every comment kept, every token written as it was. Formatting formatted
/// text changes nothing, and the formatted text parses to the same tree.
/// </summary>
public static class RuleFormatter
{
    /// <summary>
    /// Formats the text of a rule file. A file with syntax errors is not formatted: the result holds the same
    /// diagnostics <c>zpol check</c> reports for it, located in <paramref name="file"/>, in the order
    /// <c>zpol check</c> prints them. Never throws.
    /// </summary>
    public static FormatResult Format(string text, string file)
    {
        var parsed = RuleParser.Parse(text, file);
        if (!parsed.Succeeded || parsed.Unit is not { } unit)
            return new FormatResult(null, DiagnosticOrder.Sort(parsed.Diagnostics));

        try
        {
            return new FormatResult(Layout(text, unit), []);
        }
        catch (Exception e)
        {
            // A failure of the formatter itself is a bug: a ZP0901 diagnostic, never a crash.
            var error = Diagnostic.Create(DiagnosticDescriptors.FormattingFailed, SourceLocation.InFile(file), e.GetType().Name, e.Message);
            return new FormatResult(null, [error]);
        }
    }

    private static string Layout(string text, CompilationUnit unit)
    {
        if (text.StartsWith('\uFEFF'))
            text = text[1..];

        var (tokens, comments, _) = RuleTokenizer.ScanWithComments(text);
        var trivia = Trivia.Attach(text, tokens, comments);
        return DocPrinter.Print(RuleLayout.Layout(unit, tokens, trivia));
    }
}
