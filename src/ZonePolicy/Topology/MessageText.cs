using System.Globalization;
using System.Text;

namespace ZonePolicy.Topology;

/// <summary>User text as a message shows it: one line (control characters escaped) and at most 40 characters.</summary>
internal static class MessageText
{
    private const int MaxLength = 40;

    public static string Show(ReadOnlySpan<char> text) =>
        text.Length > MaxLength ? OneLine(text[..(MaxLength - 3)]) + "..." : OneLine(text);

    /// <summary>The text with control and line-separator characters escaped.</summary>
    public static string OneLine(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            switch (character)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ' or '\u007f' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(character); break;
            }
        }

        return builder.ToString();
    }
}
