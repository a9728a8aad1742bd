using Superpower.Model;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

/// <summary>Locations of tokens and of nodes made of several tokens.</summary>
internal static class SourceSpans
{
    /// <summary>The location of a span on one line (every token is on one line).</summary>
    public static SourceLocation Locate(TextSpan span) =>
        new(ParseScope.CurrentFile, span.Position.Line, span.Position.Column, span.Position.Line, span.Position.Column + span.Length);

    public static SourceLocation Locate(Token<RuleToken> token) => Locate(token.Span);

    /// <summary>From the start of <paramref name="start"/> to the end of <paramref name="end"/>.</summary>
    public static SourceLocation Through(this SourceLocation start, SourceLocation end) =>
        new(start.File, start.Line, start.Column, end.EndLine, end.EndColumn);

    public static SourceLocation Through(this SourceLocation start, Token<RuleToken> end) => start.Through(Locate(end));

    public static SourceLocation Through(this Token<RuleToken> start, SourceLocation end) => Locate(start).Through(end);

    public static SourceLocation Through(this Token<RuleToken> start, Token<RuleToken> end) => Locate(start).Through(Locate(end));

    /// <summary>The position just after the last character of <paramref name="text"/>.</summary>
    public static (int Line, int Column) EndOf(string text)
    {
        var lastNewLine = text.LastIndexOf('\n');
        var line = 1 + text.AsSpan().Count('\n');
        return (line, text.Length - lastNewLine);
    }
}
