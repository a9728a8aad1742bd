using ZonePolicy.Syntax;

namespace ZonePolicy.Tests.Formatting;

/// <summary>The tokenizer keeps comments as trivia for the formatter without changing the tokens the parser sees.</summary>
public sealed class CommentTriviaTests
{
    private const string Text = "// head\nrule /* a */ R-1 \"t // not a comment\" { // trail\r\n  require a. /* gap */ b /* x\n y */ }\n// tail";

    [Fact]
    public void Keeping_comments_gives_the_same_tokens_and_errors_as_the_parser_sees()
    {
        var (tokens, errors) = RuleTokenizer.Scan(Text + " 12x");
        var (withComments, _, commentErrors) = RuleTokenizer.ScanWithComments(Text + " 12x");

        Assert.Equal(tokens.Select(t => (t.Kind, t.Span.Position.Absolute, t.Span.Length)), withComments.Select(t => (t.Kind, t.Span.Position.Absolute, t.Span.Length)));
        Assert.Equal(errors.Select(Describe), commentErrors.Select(Describe));
    }

    [Fact]
    public void Every_comment_is_kept_in_order_with_its_span_and_kind()
    {
        var (_, comments, _) = RuleTokenizer.ScanWithComments(Text);

        Assert.Equal(
            [("// head", false, 1, 1), ("/* a */", true, 2, 6), ("// trail\r", false, 2, 41), ("/* gap */", true, 3, 14), ("/* x\n y */", true, 3, 26), ("// tail", false, 5, 1)],
            comments.Select(c => (c.Span.ToStringValue(), c.IsBlock, c.Span.Position.Line, c.Span.Position.Column)));
    }

    [Fact]
    public void An_unclosed_block_comment_is_an_error_not_a_comment()
    {
        var (_, comments, errors) = RuleTokenizer.ScanWithComments("rule /* open");

        Assert.Empty(comments);
        Assert.Equal("ZP0009", Assert.Single(errors).Descriptor.Id);
    }

    private static string Describe(LexicalError error) => $"{error.Span.Position.Absolute}: {error.At(default)}";
}
