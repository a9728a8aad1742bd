using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Topology;

/// <summary>What the scanner knew when the JSON reader stopped: the innermost open container and the character found.</summary>
/// <param name="InObject">True inside an object, false inside an array, null at the top level.</param>
/// <param name="ContainerLine">The line where the innermost open container starts (0 at the top level).</param>
/// <param name="AfterPropertyName">The last token read was a property name.</param>
/// <param name="Found">The character at the error position, when there is one.</param>
internal readonly record struct JsonSyntaxContext(bool? InObject, int ContainerLine, bool AfterPropertyName, string? Found);

/// <summary>
/// Rewrites System.Text.Json's reader errors as the project's messages: plain words, names in
/// backticks, no reader settings or line/byte tails.
/// </summary>
internal static partial class JsonSyntaxMessages
{
    public static string Rephrase(string readerMessage, JsonSyntaxContext context)
    {
        var message = StripTail(readerMessage);
        foreach (var (pattern, rewrite) in Rewrites)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return MessageText.OneLine(rewrite(match, context));
            }
        }

        return MessageText.OneLine(Fallback(message));
    }

    // The reader quotes text that may span lines (the rest of a bad literal).
    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly (Regex Pattern, Func<Match, JsonSyntaxContext, string> Rewrite)[] Rewrites =
    [
        (Pattern(@"^'(.+)' is invalid after a value\. Expected either"), (m, c) => AfterValue(Found(m, c), c)),
        (Pattern(@"^'(.+)' is invalid after a single JSON value\."), (m, c) => AfterEnd(Found(m, c))),
        (Pattern(@"^'(.+)' is invalid after a property name\."), (m, c) => $"expected `:` after a property name, found {Show(Found(m, c))}"),
        (Pattern(@"^'(.+)' is an invalid start of a property name"), (m, c) => StartOfName(Found(m, c))),
        (Pattern(@"^'(.+)' is an invalid start of a value\."), (m, c) => StartOfValue(Found(m, c))),
        (Pattern(@"^'(.+)' is an invalid JSON literal\. Expected the literal '(.+)'\."), (m, _) => $"`{Word(m.Groups[1].Value)}` is not a JSON literal{NameSuggestions.DidYouMean(m.Groups[2].Value)}"),
        (Pattern(@"^'(.+)' is invalid within a JSON string\."), (m, _) => $"a string contains the control character {m.Groups[1].Value}; write it as an escape such as `\\n` or `\\t`"),
        (Pattern(@"^'(.+)' is an invalid escapable character within a JSON string\."), (m, _) => $"`\\{m.Groups[1].Value}` is not a valid escape in a string; write a backslash as `\\\\`"),
        (Pattern(@"^'(.+)' is not a hex digit following '\\u' within a JSON string\."), (m, c) => $"`\\u` must be followed by four hex digits, found {Show(Found(m, c))}"),
        (Pattern(@"^The JSON object contains a trailing comma"), (_, _) => "trailing comma before `}`; remove it"),
        (Pattern(@"^The JSON array contains a trailing comma"), (_, _) => "trailing comma before `]`; remove it"),
        (Pattern(@"^Expected depth to be zero at the end of the JSON payload\."), (_, c) => Unclosed(c)),
        (Pattern(@"^The maximum configured depth of (\d+) has been exceeded\."), (m, _) => $"nesting is deeper than {m.Groups[1].Value} levels"),
        (Pattern(@"^Expected end of string, but instead reached end of data\."), (_, _) => "unexpected end of the file inside a string; a closing `\"` is missing"),
        (Pattern(@"^Expected a value, but instead reached end of data\."), (_, _) => "unexpected end of the file; expected a value"),
        (Pattern(@"^Expected start of a property name or value, but instead reached end of data\."), (_, c) => Unclosed(c)),
        (Pattern(@"^Invalid leading zero before '(.+)'\."), (_, _) => "a number must not start with a leading zero"),
        (Pattern(@"^'(.+)' is invalid within a number, immediately after a sign character"), (m, c) => $"invalid number: expected a digit after the sign, found {Show(Found(m, c))}"),
        (Pattern(@"^'(.+)' is invalid within a number, immediately after a decimal point"), (m, c) => $"invalid number: expected a digit after the decimal point, found {Show(Found(m, c))}"),
        (Pattern(@"^'(.+)' is an invalid end of a number\."), (m, c) => c.Found is null ? Unclosed(c) : $"invalid number: unexpected {Show(Found(m, c))}"),
        (Pattern(@"^Expected a digit \('0'-'9'\), but instead reached end of data\."), (_, _) => "invalid number: unexpected end of the file"),
        (Pattern(@"^'(.+)' is invalid without a matching open\."), (m, c) => $"{Show(Found(m, c))} has no matching opening bracket"),
        (Pattern(@"^The input does not contain any (complete )?JSON tokens\."), (_, _) => "the file is empty; a topology is a JSON object"),
    ];

    // The reader quotes the rest of the text after a bad literal (`ture } ] }`); the word is what was meant.
    private static string Word(string text)
    {
        var length = 0;
        while (length < text.Length && char.IsLetter(text[length]))
        {
            length++;
        }

        return length == 0 ? text : text[..length];
    }

    private static string AfterValue(string found, JsonSyntaxContext context)
    {
        if (found == "/")
        {
            return CommentsNotAllowed;
        }

        return context.InObject switch
        {
            true => $"expected `,` or `}}` after a property value, found {Show(found)}",
            false => $"expected `,` or `]` after an array element, found {Show(found)}",
            null => AfterEnd(found),
        };
    }

    private static string AfterEnd(string found) =>
        found == "/" ? CommentsNotAllowed : $"unexpected {Show(found)} after the end of the JSON value";

    private static string StartOfName(string found) => found switch
    {
        "/" => CommentsNotAllowed,
        "'" => "property names must be in double quotes, not single quotes",
        _ => $"expected a property name in double quotes, found {Show(found)}",
    };

    private static string StartOfValue(string found) => found switch
    {
        "/" => CommentsNotAllowed,
        "'" => "strings must be in double quotes, not single quotes",
        _ => $"expected a value, found {Show(found)}",
    };

    private static string Unclosed(JsonSyntaxContext context) => context.InObject switch
    {
        true => $"unexpected end of the file; the object that starts on line {context.ContainerLine} is not closed with `}}`",
        false => $"unexpected end of the file; the array that starts on line {context.ContainerLine} is not closed with `]`",
        null => "unexpected end of the file",
    };

    private const string CommentsNotAllowed = "comments are not allowed in JSON; put notes in `props` or `name`";

    // The reader names a control or non-ASCII character by its first byte ('0xC3'); the text shows it better.
    private static string Found(Match match, JsonSyntaxContext context)
    {
        var named = match.Groups[1].Value;
        return named.StartsWith("0x", StringComparison.Ordinal) && context.Found is { } actual && !char.IsControl(actual[0])
            ? actual
            : named;
    }

    private static string Show(string character) =>
        character.StartsWith("0x", StringComparison.Ordinal) && character.Length > 2
            ? $"the character {character}"
            : $"`{character}`";

    private static string StripTail(string message)
    {
        var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (tail < 0)
        {
            tail = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        return (tail >= 0 ? message[..tail] : message).Trim();
    }

    private static string Fallback(string message)
    {
        var text = QuotedText().Replace(message, match => $"`{MessageText.Show(match.Groups[1].Value)}`").TrimEnd('.');
        return text.Length == 0 ? "the file could not be read as JSON" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex("'([^']*)'", RegexOptions.Singleline)]
    private static partial Regex QuotedText();
}
