using System.Text;

namespace ZonePolicy.Reporting;

/// <summary>
/// Text made safe for a GitHub-flavoured Markdown table cell: code spans (the backticks messages put around
/// names) stay code, everything else has Markdown and HTML characters escaped, and line breaks become spaces.
/// </summary>
internal static class MarkdownText
{
    private const string Special = "\\*_[]<>~&";

    public static string Cell(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        var inCode = false;
        var closes = CountBackticks(text) / 2 * 2;
        var seen = 0;
        foreach (var raw in text)
        {
            var c = char.IsControl(raw) ? ' ' : raw;
            if (c == '`' && (inCode || seen < closes))
            {
                seen++;
                inCode = !inCode;
                result.Append(c);
            }
            else if (c == '|')
            {
                // A pipe ends the table cell even inside a code span unless escaped.
                result.Append("\\|");
            }
            else if (!inCode && Special.Contains(c))
            {
                result.Append('\\').Append(c);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>A code span that holds any text: long enough a fence of backticks, pipes escaped.</summary>
    public static string Code(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Replace("|", "\\|");
        var fence = new string('`', LongestBacktickRun(clean) + 1);
        var pad = clean.StartsWith('`') || clean.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{clean}{pad}{fence}";
    }

    private static int CountBackticks(string text) => text.Count(c => c == '`');

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
