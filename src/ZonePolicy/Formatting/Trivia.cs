using Superpower.Model;
using ZonePolicy.Syntax;

namespace ZonePolicy.Formatting;

/// <summary>
/// A comment as the formatter places it. <see cref="BlankLineBefore"/>: an empty line separates it from what
/// comes before; <see cref="NewLineAfter"/>: what follows it starts on a later line.
/// </summary>
internal sealed record FormatComment(string Text, bool IsBlock, bool BlankLineBefore, bool NewLineAfter);

/// <summary>The comments around one token: those before it on lines of their own or inline, and those after it on its line.</summary>
internal sealed class TokenTrivia
{
    public List<FormatComment> Leading { get; } = [];

    public List<FormatComment> Trailing { get; } = [];

    /// <summary>An empty line separates the token from the comment or token before it.</summary>
    public bool BlankLineBefore { get; set; }
}

/// <summary>
/// Attaches every comment of a file to a token, the way formatters keep comments through a rewrite: a comment
/// that starts on the line where a token ends trails that token; any other leads the next token. Comments after
/// the last token lead the end of the file.
/// </summary>
internal static class Trivia
{
    /// <summary>One entry per token, plus one for the end of the file.</summary>
    public static TokenTrivia[] Attach(string text, Token<RuleToken>[] tokens, IReadOnlyList<Comment> comments)
    {
        var trivia = new TokenTrivia[tokens.Length + 1];
        for (var i = 0; i < trivia.Length; i++)
            trivia[i] = new TokenTrivia();

        var next = 0;
        var previousEnd = 0;
        var previousIsTokenLine = false;
        for (var t = 0; t <= tokens.Length; t++)
        {
            var tokenStart = t < tokens.Length ? tokens[t].Position.Absolute : text.Length;
            while (next < comments.Count && comments[next].Span.Position.Absolute < tokenStart)
            {
                var comment = comments[next++];
                var start = comment.Span.Position.Absolute;
                var end = start + comment.Span.Length;
                var linesBefore = NewLines(text, previousEnd, start);
                var followingStart = next < comments.Count && comments[next].Span.Position.Absolute < tokenStart
                    ? comments[next].Span.Position.Absolute
                    : tokenStart;
                var newLineAfter = !comment.IsBlock || followingStart == text.Length || NewLines(text, end, followingStart) > 0;
                var formatted = new FormatComment(CommentText(comment), comment.IsBlock, linesBefore > 1, newLineAfter);
                if (previousIsTokenLine && linesBefore == 0 && t > 0)
                {
                    trivia[t - 1].Trailing.Add(formatted);
                }
                else
                {
                    trivia[t].Leading.Add(formatted);
                    previousIsTokenLine = false;
                }

                previousEnd = end;
            }

            if (t == tokens.Length)
                break;

            trivia[t].BlankLineBefore = t > 0 || trivia[t].Leading.Count > 0 ? NewLines(text, previousEnd, tokenStart) > 1 : false;
            previousEnd = tokenStart + tokens[t].Span.Length;
            previousIsTokenLine = true;
        }

        return trivia;
    }

    /// <summary>A comment's text: a line comment without trailing white space, a block comment with its lines ending in <c>\n</c>.</summary>
    private static string CommentText(Comment comment)
    {
        var text = comment.Span.ToStringValue();
        return comment.IsBlock ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text.TrimEnd();
    }

    private static int NewLines(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n');
}
