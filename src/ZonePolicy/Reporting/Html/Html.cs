using System.Globalization;
using System.Text;

namespace ZonePolicy.Reporting.Html;

/// <summary>HTML text and attribute escaping and number formatting: every text a report prints goes through here.</summary>
internal static class Html
{
    /// <summary>Text safe in element content and in quoted attributes; control characters become spaces.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A number as SVG wants it: invariant, at most one decimal.</summary>
    public static string Num(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A link to a help page, or the id alone when there is none or it is not a web or relative link.</summary>
    public static string HelpLink(string id, string helpUri) =>
        helpUri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || helpUri.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? $"<a href=\"{Escape(helpUri)}\">{Escape(id)}</a>"
            : Escape(id);
}
