using ZonePolicy.Formatting;
using ZonePolicy.Syntax;
using ZonePolicy.Tests.Syntax;

namespace ZonePolicy.Tests.Formatting;

/// <summary>What formatting must keep: the tree, every token as written, every comment; and formatting is idempotent.</summary>
internal static class FormatterInvariants
{
    public static string AssertFormatsSafely(string text)
    {
        var before = RuleParser.Parse(text, "input.zpol");
        Assert.True(before.Succeeded, "the input has syntax errors: " + string.Join("; ", before.Diagnostics));

        var result = RuleFormatter.Format(text, "input.zpol");
        Assert.True(result.Succeeded, "formatting failed: " + string.Join("; ", result.Diagnostics));
        var formatted = result.Text!;

        var after = RuleParser.Parse(formatted, "input.zpol");
        Assert.True(after.Succeeded, "the formatted text has syntax errors: " + string.Join("; ", after.Diagnostics) + "\n" + formatted);
        Assert.Equal(SyntaxPrinter.Print(before.Unit!), SyntaxPrinter.Print(after.Unit!));
        AssertSameTokensAndComments(text, formatted);
        Assert.Equal(formatted, RuleFormatter.Format(formatted, "input.zpol").Text);
        AssertCanonicalText(formatted);
        return formatted;
    }

    public static void AssertSameTokensAndComments(string text, string formatted)
    {
        var (tokens, comments, _) = RuleTokenizer.ScanWithComments(WithoutByteOrderMark(text));
        var (formattedTokens, formattedComments, _) = RuleTokenizer.ScanWithComments(formatted);
        Assert.Equal(tokens.Select(t => (t.Kind, t.ToStringValue())), formattedTokens.Select(t => (t.Kind, t.ToStringValue())));
        Assert.Equal(comments.Select(Normalized), formattedComments.Select(Normalized));
    }

    /// <summary>Lines end in <c>\n</c> without trailing white space; a non-empty text ends with exactly one.</summary>
    public static void AssertCanonicalText(string formatted)
    {
        Assert.DoesNotContain('\r', formatted);
        Assert.DoesNotContain(" \n", formatted);
        Assert.DoesNotContain("\n\n\n", formatted);
        Assert.True(formatted.Length == 0 || (formatted.EndsWith('\n') && !formatted.EndsWith("\n\n", StringComparison.Ordinal)), "the text does not end with one new line");
        Assert.False(formatted.StartsWith('\n'), "the text starts with an empty line");
    }

    private static string Normalized(Comment comment)
    {
        var text = comment.Span.ToStringValue();
        return comment.IsBlock ? text.ReplaceLineEndings("\n") : text.TrimEnd();
    }

    private static string WithoutByteOrderMark(string text) => text.StartsWith('\uFEFF') ? text[1..] : text;
}
