using System.Text;
using Superpower.Model;

namespace ZonePolicy.Syntax;

/// <summary>The escapes of string literals: <c>\" \\ \n \t</c>.</summary>
internal static class StringLiterals
{
    public static bool IsEscapable(char c) => c is '"' or '\\' or 'n' or 't';

    /// <summary>The value of a string token; the tokenizer has already checked its escapes.</summary>
    public static string Value(TextSpan token)
    {
        var text = token.ToStringValue();

        // A string inside a message hole is written with escaped quotes (`{a.props[\"owner\"]}`):
        // its token spans the raw text, so it is unescaped once more.
        if (text.StartsWith('\\'))
            text = Unescape(text);

        return Unescape(text[1..^1]);
    }

    public static string Unescape(string text)
    {
        if (!text.Contains('\\'))
            return text;

        var value = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                value.Append(Unescaped(text[i]));
            }
            else
            {
                value.Append(text[i]);
            }
        }

        return value.ToString();
    }

    public static char Unescaped(char escaped) => escaped switch
    {
        'n' => '\n',
        't' => '\t',
        _ => escaped,
    };
}
