using System.Globalization;
using System.Text.RegularExpressions;
using Superpower;
using Superpower.Model;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

/// <summary>
/// Turns the text of a <c>.zpol</c> file into tokens. It is permissive: a lexical mistake is recorded
/// as a <see cref="LexicalError"/> and produces no token, and scanning goes on, so one pass finds
/// every bad character, string, number and date in the file.
/// </summary>
internal sealed partial class RuleTokenizer : Tokenizer<RuleToken>
{
    private static readonly Dictionary<string, RuleToken> Keywords = new(StringComparer.Ordinal)
    {
        ["pack"] = RuleToken.Pack,
        ["version"] = RuleToken.Version,
        ["title"] = RuleToken.Title,
        ["import"] = RuleToken.Import,
        ["param"] = RuleToken.Param,
        ["let"] = RuleToken.Let,
        ["rule"] = RuleToken.Rule,
        ["severity"] = RuleToken.Severity,
        ["category"] = RuleToken.Category,
        ["refs"] = RuleToken.Refs,
        ["help"] = RuleToken.Help,
        ["sameAs"] = RuleToken.SameAs,
        ["for"] = RuleToken.For,
        ["in"] = RuleToken.In,
        ["where"] = RuleToken.Where,
        ["require"] = RuleToken.Require,
        ["forbid"] = RuleToken.Forbid,
        ["at"] = RuleToken.At,
        ["message"] = RuleToken.Message,
        ["and"] = RuleToken.And,
        ["or"] = RuleToken.Or,
        ["not"] = RuleToken.Not,
        ["true"] = RuleToken.True,
        ["false"] = RuleToken.False,
        ["null"] = RuleToken.Null,
        ["any"] = RuleToken.Any,
        ["all"] = RuleToken.All,
        ["none"] = RuleToken.None,
        ["count"] = RuleToken.Count,
        ["sum"] = RuleToken.Sum,
        ["min"] = RuleToken.Min,
        ["max"] = RuleToken.Max,
        ["path"] = RuleToken.Path,
        ["reachable"] = RuleToken.Reachable,
        ["permittedPath"] = RuleToken.PermittedPath,
        ["permittedReachable"] = RuleToken.PermittedReachable,
        ["avoid"] = RuleToken.Avoid,
        ["select"] = RuleToken.Select,
        ["today"] = RuleToken.Today,
        ["error"] = RuleToken.Error,
        ["warning"] = RuleToken.Warning,
        ["info"] = RuleToken.Info,
    };

    private readonly List<LexicalError> errors = [];

    // The comments seen, when the caller keeps them (the formatter); the parser never sees them.
    private readonly List<Comment>? comments;

    private RuleTokenizer(List<Comment>? comments)
    {
        this.comments = comments;
    }

    /// <summary>Tokenizes <paramref name="text"/>; never fails, the mistakes come back beside the tokens.</summary>
    public static (Token<RuleToken>[] Tokens, IReadOnlyList<LexicalError> Errors) Scan(string text)
    {
        var tokenizer = new RuleTokenizer(null);
        var tokens = tokenizer.TryTokenize(text).Value.ToArray();
        return (tokens, tokenizer.errors);
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/> as <see cref="Scan"/> does, the same tokens, and also returns the
    /// comments between them, in order, for tools that must keep them.
    /// </summary>
    public static (Token<RuleToken>[] Tokens, IReadOnlyList<Comment> Comments, IReadOnlyList<LexicalError> Errors) ScanWithComments(string text)
    {
        var comments = new List<Comment>();
        var tokenizer = new RuleTokenizer(comments);
        var tokens = tokenizer.TryTokenize(text).Value.ToArray();
        return (tokens, comments, tokenizer.errors);
    }

    protected override IEnumerable<Result<RuleToken>> Tokenize(TextSpan span)
    {
        RuleToken? previous = null;
        var rest = SkipTrivia(span);
        while (!rest.IsAtEnd)
        {
            var (kind, next) = NextToken(rest, previous);
            if (kind is { } token)
            {
                yield return Result.Value(token, rest, next);
                previous = token;
            }

            rest = SkipTrivia(next);
        }
    }

    private (RuleToken? Kind, TextSpan Next) NextToken(TextSpan rest, RuleToken? previous)
    {
        var c = rest[0];
        if (previous == RuleToken.Rule && char.IsAsciiLetter(c))
            return (RuleToken.RuleId, rest.Skip(RuleIdLength(rest)));

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var length = 1;
            while (length < rest.Length && IsIdentifierChar(rest[length]))
                length++;

            // After `.` every word is a member name, so `d.category` reads the attribute `category`.
            var kind = previous != RuleToken.Dot && Keywords.TryGetValue(rest.First(length).ToStringValue(), out var keyword)
                ? keyword
                : RuleToken.Identifier;
            return (kind, rest.Skip(length));
        }

        if (char.IsAsciiDigit(c))
            return ScanNumber(rest);

        return c switch
        {
            '"' => ScanString(rest),
            '@' => ScanDate(rest),
            _ => ScanOperator(rest),
        };
    }

    private static int RuleIdLength(TextSpan rest)
    {
        var length = 1;
        while (length < rest.Length && char.IsAsciiLetterOrDigit(rest[length]))
            length++;

        while (length + 1 < rest.Length && rest[length] == '-' && char.IsAsciiLetterOrDigit(rest[length + 1]))
        {
            length += 2;
            while (length < rest.Length && char.IsAsciiLetterOrDigit(rest[length]))
                length++;
        }

        return length;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private (RuleToken?, TextSpan) ScanNumber(TextSpan rest)
    {
        var length = DigitsFrom(rest, 0);
        var isDecimal = false;
        if (length + 1 < rest.Length && rest[length] == '.' && char.IsAsciiDigit(rest[length + 1]))
        {
            isDecimal = true;
            length = DigitsFrom(rest, length + 1);
        }

        var glued = length < rest.Length
            && (IsIdentifierChar(rest[length]) || (rest[length] == '.' && length + 1 < rest.Length && char.IsAsciiDigit(rest[length + 1])));
        if (glued)
        {
            while (length < rest.Length && (IsIdentifierChar(rest[length]) || rest[length] == '.'))
                length++;

            var text = rest.First(length);
            errors.Add(new(text, DiagnosticDescriptors.InvalidNumber, text.ToStringValue()));
            return (null, rest.Skip(length));
        }

        var number = rest.First(length);
        var fits = isDecimal
            ? decimal.TryParse(number.ToStringValue(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            : long.TryParse(number.ToStringValue(), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        if (!fits)
        {
            errors.Add(new(number, DiagnosticDescriptors.NumberTooLarge, number.ToStringValue()));
            return (null, rest.Skip(length));
        }

        return (RuleToken.Number, rest.Skip(length));
    }

    private static int DigitsFrom(TextSpan rest, int start)
    {
        var end = start;
        while (end < rest.Length && char.IsAsciiDigit(rest[end]))
            end++;
        return end;
    }

    private (RuleToken?, TextSpan) ScanString(TextSpan rest)
    {
        // Strings end on their line, so a missing quote costs one line, not the rest of the file.
        List<LexicalError>? invalidEscapes = null;
        var length = 1;
        while (length < rest.Length && rest[length] is not ('"' or '\n' or '\r'))
        {
            if (rest[length] == '\\' && length + 1 < rest.Length && rest[length + 1] is not ('\n' or '\r'))
            {
                if (!StringLiterals.IsEscapable(rest[length + 1]))
                {
                    var escape = rest.Skip(length).First(2);
                    (invalidEscapes ??= []).Add(new(escape, DiagnosticDescriptors.InvalidEscape, escape.ToStringValue()));
                }

                length++;
            }

            length++;
        }

        if (length >= rest.Length || rest[length] != '"')
        {
            errors.Add(new(rest.First(length), DiagnosticDescriptors.UnterminatedString));
            return (null, rest.Skip(length));
        }

        if (invalidEscapes is null)
            return (RuleToken.String, rest.Skip(length + 1));

        errors.AddRange(invalidEscapes);
        return (null, rest.Skip(length + 1));
    }

    private (RuleToken?, TextSpan) ScanDate(TextSpan rest)
    {
        var length = 1;
        while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] == '-'))
            length++;

        var text = rest.First(length);
        if (DateProblem(text) is { } problem)
        {
            errors.Add(problem);
            return (null, rest.Skip(length));
        }

        return (RuleToken.Date, rest.Skip(length));
    }

    /// <summary>Why <paramref name="span"/> (with its <c>@</c>) is not a calendar date, or null when it is one.</summary>
    private static LexicalError? DateProblem(TextSpan span)
    {
        var text = span.ToStringValue();
        var shape = DateShape().Match(text);
        if (!shape.Success)
            return new(span, DiagnosticDescriptors.InvalidDate, text);

        var year = int.Parse(shape.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(shape.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(shape.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        if (year == 0)
            return new(span, DiagnosticDescriptors.NoYearZero, text);
        if (month is < 1 or > 12)
            return new(span, DiagnosticDescriptors.NoSuchMonth, text, shape.Groups[2].Value);

        var days = DateTime.DaysInMonth(year, month);
        return day >= 1 && day <= days ? null : new(span, DiagnosticDescriptors.NoSuchDay, text, $"{shape.Groups[1].Value}-{shape.Groups[2].Value}", days);
    }

    [GeneratedRegex(@"^@([0-9]{4})-([0-9]{2})-([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();

    private (RuleToken?, TextSpan) ScanOperator(TextSpan rest)
    {
        var next = rest.Length > 1 ? rest[1] : '\0';
        RuleToken? two = (rest[0], next) switch
        {
            ('=', '=') => RuleToken.EqualEqual,
            ('!', '=') => RuleToken.NotEqual,
            ('<', '=') => RuleToken.LessOrEqual,
            ('>', '=') => RuleToken.GreaterOrEqual,
            _ => null,
        };
        if (two is not null)
            return (two, rest.Skip(2));

        RuleToken? one = rest[0] switch
        {
            '<' => RuleToken.Less,
            '>' => RuleToken.Greater,
            '=' => RuleToken.Assign,
            '+' => RuleToken.Plus,
            '-' => RuleToken.Minus,
            '*' => RuleToken.Asterisk,
            '/' => RuleToken.Slash,
            '%' => RuleToken.Percent,
            '.' => RuleToken.Dot,
            ',' => RuleToken.Comma,
            '(' => RuleToken.LParen,
            ')' => RuleToken.RParen,
            '[' => RuleToken.LBracket,
            ']' => RuleToken.RBracket,
            '{' => RuleToken.LBrace,
            '}' => RuleToken.RBrace,
            _ => null,
        };
        if (one is not null)
            return (one, rest.Skip(1));

        return (null, SkipInvalidCharacters(rest));
    }

    private TextSpan SkipInvalidCharacters(TextSpan rest)
    {
        // One error for a run such as `&&`, not one per character.
        var length = char.IsSurrogatePair(rest[0], rest.Length > 1 ? rest[1] : '\0') ? 2 : 1;
        if (rest[0] == '\'')
        {
            // A single-quoted string is one mistake, not two quotes around a word.
            while (length < rest.Length && rest[length] is not ('\'' or '\n' or '\r'))
                length++;
            length = Math.Min(length + 1, rest.Length);
        }

        while (length < rest.Length && !char.IsWhiteSpace(rest[length]) && !CanStartToken(rest[length]))
            length++;

        var first = rest.First(char.IsHighSurrogate(rest[0]) && length > 1 ? 2 : 1).ToStringValue();
        errors.Add(new(rest.First(length), DiagnosticDescriptors.InvalidCharacter, ShowCharacter(first), InvalidCharacterHint(first[0])));
        return rest.Skip(length);
    }

    private static bool CanStartToken(char c) =>
        IsIdentifierChar(c) || "\"@=!<>+-*/%.,()[]{}".Contains(c);

    private static string ShowCharacter(string character) =>
        character.Length == 1 && (char.IsControl(character[0]) || char.GetUnicodeCategory(character[0]) is UnicodeCategory.Format or UnicodeCategory.SpaceSeparator)
            ? $"U+{(int)character[0]:X4}"
            : $"`{character}`";

    private static string InvalidCharacterHint(char c) => c switch
    {
        '&' => "; use `and`",
        '|' => "; use `or`",
        '!' => "; use `not`, or `!=` to compare",
        '\'' => "; strings are written in double quotes",
        _ when char.IsLetter(c) || char.IsSurrogate(c) => "; identifiers use ASCII letters, digits and `_`",
        _ => "",
    };

    private TextSpan SkipTrivia(TextSpan span)
    {
        var rest = span;
        while (!rest.IsAtEnd)
        {
            var c = rest[0];
            var next = rest.Length > 1 ? rest[1] : '\0';
            if (char.IsWhiteSpace(c))
            {
                rest = rest.Skip(1);
            }
            else if (c == '/' && next == '/')
            {
                var length = 2;
                while (length < rest.Length && rest[length] != '\n')
                    length++;
                comments?.Add(new Comment(rest.First(length), IsBlock: false));
                rest = rest.Skip(length);
            }
            else if (c == '/' && next == '*')
            {
                var length = 2;
                while (length < rest.Length && !(rest[length] == '*' && length + 1 < rest.Length && rest[length + 1] == '/'))
                    length++;

                if (length >= rest.Length)
                {
                    errors.Add(new(rest.First(2), DiagnosticDescriptors.UnterminatedComment));
                    return rest.Skip(rest.Length);
                }

                comments?.Add(new Comment(rest.First(length + 2), IsBlock: true));
                rest = rest.Skip(length + 2);
            }
            else
            {
                break;
            }
        }

        return rest;
    }
}
