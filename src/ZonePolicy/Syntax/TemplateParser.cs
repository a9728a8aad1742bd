using System.Text;
using Superpower;
using Superpower.Model;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

/// <summary>
/// Splits the string after <c>message</c> into text and <c>{expr}</c> holes. Each hole is tokenized and
/// parsed as an expression whose locations point into the rule file, even when the string's escapes
/// (<c>{a.props[\"owner\"]}</c>) make the decoded text shorter than what is written.
/// </summary>
internal sealed class TemplateParser
{
    private readonly Token<RuleToken> message;
    private readonly string decoded;

    // offsets[i] is where the decoded character i is written in the file; the last entry is the closing quote.
    private readonly int[] offsets;

    private TemplateParser(Token<RuleToken> message)
    {
        this.message = message;
        var source = message.Span.Source!;
        var text = new StringBuilder();
        var offsets = new List<int>();
        var end = message.Position.Absolute + message.Span.Length - 1;
        for (var i = message.Position.Absolute + 1; i < end; i++)
        {
            offsets.Add(i);
            if (source[i] == '\\')
            {
                i++;
                text.Append(StringLiterals.Unescaped(source[i]));
            }
            else
            {
                text.Append(source[i]);
            }
        }

        offsets.Add(end);
        decoded = text.ToString();
        this.offsets = [.. offsets];
    }

    /// <summary>A parser that consumes nothing and yields the template of <paramref name="message"/>, or fails with its first error.</summary>
    public static TokenListParser<RuleToken, MessageTemplate> Parse(Token<RuleToken> message) => input =>
    {
        var template = new TemplateParser(message).Read(out var error);
        return template is not null
            ? TokenListParserResult.Value(template, input, input)
            : TokenListParserResult.Empty<RuleToken, MessageTemplate>(input, ParseScope.ReportNested(error!));
    };

    private MessageTemplate? Read(out Diagnostic? error)
    {
        var parts = new List<TemplatePart>();
        var text = new StringBuilder();
        var textStart = 0;
        var i = 0;
        while (i < decoded.Length)
        {
            var c = decoded[i];
            if (c is '{' or '}' && i + 1 < decoded.Length && decoded[i + 1] == c)
            {
                if (text.Length == 0)
                    textStart = i;
                text.Append(c);
                i += 2;
            }
            else if (c == '}')
            {
                error = TemplateError(i, i + 1, DiagnosticDescriptors.InvalidMessageTemplate);
                return null;
            }
            else if (c == '{')
            {
                AddText(parts, text, textStart, i);
                var close = HoleEnd(i + 1);
                if (close < 0)
                {
                    error = TemplateError(i, i + 1, DiagnosticDescriptors.UnclosedTemplateHole);
                    return null;
                }

                if (ReadHole(i, close, out error) is not { } hole)
                    return null;

                parts.Add(hole);
                i = close + 1;
            }
            else
            {
                if (text.Length == 0)
                    textStart = i;
                text.Append(c);
                i++;
            }
        }

        AddText(parts, text, textStart, decoded.Length);
        error = null;
        return new MessageTemplate(parts, SourceSpans.Locate(message));
    }

    private void AddText(List<TemplatePart> parts, StringBuilder text, int start, int end)
    {
        if (text.Length == 0)
            return;

        parts.Add(new TemplateText(text.ToString(), Locate(start, end)));
        text.Clear();
    }

    /// <summary>The index of the <c>}</c> closing a hole that starts at <paramref name="from"/>, skipping strings inside it; -1 when there is none.</summary>
    private int HoleEnd(int from)
    {
        for (var i = from; i < decoded.Length; i++)
        {
            if (decoded[i] == '}')
                return i;

            if (decoded[i] != '"')
                continue;

            for (i++; i < decoded.Length && decoded[i] != '"'; i++)
            {
                if (decoded[i] == '\\')
                    i++;
            }
        }

        return -1;
    }

    private TemplateHole? ReadHole(int open, int close, out Diagnostic? error)
    {
        var location = Locate(open, close + 1);
        var text = decoded[(open + 1)..close];
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Diagnostic.Create(DiagnosticDescriptors.EmptyTemplateHole, location);
            return null;
        }

        var (tokens, lexicalErrors) = RuleTokenizer.Scan(text);
        if (lexicalErrors.Count > 0)
        {
            var first = lexicalErrors[0];
            var start = open + 1 + first.Span.Position.Absolute;
            error = first.At(Locate(start, start + first.Span.Length));
            return null;
        }

        var inFile = tokens.Select(t => InFile(t, open + 1)).ToArray();
        error = NestingLimit.Check(inFile);
        if (error is not null)
            return null;

        var result = RuleTokenParsers.Expr(new TokenList<RuleToken>(inFile));
        var end = new InputEnd("\"}\"", Locate(close, close + 1));
        if (!result.HasValue)
        {
            error = SyntaxErrors.From(result, end);
            return null;
        }

        if (!result.Remainder.IsAtEnd)
        {
            var extra = result.Remainder.ConsumeToken().Value;
            error = SyntaxErrors.Unexpected(SourceSpans.Locate(extra), SyntaxErrors.Describe(extra), [SyntaxErrors.Expectation(RuleToken.RBrace)], extra);
            return null;
        }

        return new TemplateHole(result.Value, location);
    }

    /// <summary>A token of a hole, moved to where its text is written in the file.</summary>
    private Token<RuleToken> InFile(Token<RuleToken> token, int holeStart)
    {
        var start = offsets[holeStart + token.Position.Absolute];
        var end = offsets[holeStart + token.Position.Absolute + token.Span.Length];
        var position = new Position(start, message.Position.Line, ColumnOf(start));
        return new Token<RuleToken>(token.Kind, new TextSpan(message.Span.Source!, position, end - start));
    }

    private Diagnostic TemplateError(int start, int end, DiagnosticDescriptor descriptor) => Diagnostic.Create(descriptor, Locate(start, end));

    /// <summary>The location of decoded characters <paramref name="start"/> to <paramref name="end"/> (exclusive); a string is on one line.</summary>
    private SourceLocation Locate(int start, int end) =>
        new(ParseScope.CurrentFile, message.Position.Line, ColumnOf(offsets[start]), message.Position.Line, ColumnOf(offsets[end]));

    private int ColumnOf(int absolute) => message.Position.Column + (absolute - message.Position.Absolute);
}
