using System.Globalization;
using System.Text;

namespace ZonePolicy.Diagnostics;

/// <summary>
/// Text from the inputs (file names, attribute values in messages, command-line words) printed on one line of
/// text or MSBuild output. Control characters, line and paragraph separators and bidirectional formatting
/// characters are written as escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u202E</c>), so that no input can
/// start a line of its own (a fake diagnostic) or reorder what a reader sees (Trojan Source). JSON and SARIF
/// carry the text as it is, escaped by JSON itself.
/// </summary>
public static class DisplayText
{
    /// <summary>The text with every character that could break or reorder a line escaped; the same string when there is none.</summary>
    public static string Escape(string text)
    {
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var index = first; index < text.Length; index++)
        {
            var c = text[index];
            if (!IsUnsafe(c))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return escaped.ToString();
    }

    /// <summary>True for characters no id may hold: the topology schema refuses them in every id and reference.</summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029'
        || c is '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    private static int IndexOfUnsafe(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            if (IsUnsafe(text[index]))
            {
                return index;
            }
        }

        return -1;
    }
}
