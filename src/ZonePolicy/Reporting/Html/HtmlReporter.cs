using System.Globalization;
using System.Text;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting.Html;

/// <summary>
/// One self-contained HTML file: inline CSS, a small inline script and static inline SVG, no network.
/// The summary, the diagrams and the tables are plain HTML that reads with JavaScript off; the script adds
/// the filters and ties each finding to its places and witness path on the diagram.
/// </summary>
internal static class HtmlReporter
{
    /// <summary>The report's sections in order; a new feature's section goes here.</summary>
    public static readonly IReadOnlyList<IHtmlSection> Sections =
    [
        new DiagramSection(),
        new FindingsSection(),
        new ComplianceSection(),
        new SuppressedSection(),
        new WaiversSection(),
        new RulesSection(),
    ];

    private static readonly string Style = Resource("report.css");
    private static readonly string Script = Resource("report.js");

    public static void Write(CheckResult result, TextWriter output)
    {
        var report = new HtmlReport(result);
        var sections = Sections.Where(s => s.AppliesTo(report))
            .Select(s => new PageSection(s.Id, s.Title, html => s.Write(report, html)))
            .ToList();
        WritePage(
            output,
            "ZonePolicy report: " + string.Join(", ", report.Sites.Select(s => s.View.Title).DefaultIfEmpty("no site")),
            "ZonePolicy report",
            html => WriteCounts(html, result),
            sections);
    }

    /// <summary>The page every HTML report shares: head, inline style, a header with a summary and a table of contents, the sections, the script.</summary>
    public static void WritePage(TextWriter output, string title, string heading, Action<StringBuilder> summary, IReadOnlyList<PageSection> sections)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"zpol ").Append(Html.Escape(Reporter.ToolVersion)).Append("\">\n")
            .Append("<title>").Append(Html.Escape(title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<header>\n<h1>").Append(Html.Escape(heading)).Append("</h1>\n");
        summary(html);
        html.Append("<nav>");
        html.AppendJoin(" · ", sections.Select(s => $"<a href=\"#{s.Id}\">{Html.Escape(s.Title)}</a>"));
        html.Append("</nav>\n</header>\n<main>\n");
        foreach (var section in sections)
        {
            html.Append("<section id=\"").Append(section.Id).Append("\">\n<h2>").Append(Html.Escape(section.Title)).Append("</h2>\n");
            section.Write(html);
            html.Append("</section>\n");
        }

        html.Append("</main>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        output.Write(html);
    }

    private static void WriteCounts(StringBuilder html, CheckResult result)
    {
        html.Append("<p class=\"counts\"><span class=\"sev-error\">").Append(Count(result.Errors, "error")).Append("</span><span class=\"sev-warning\">")
            .Append(Count(result.Warnings, "warning")).Append("</span><span class=\"sev-info\">").Append(Count(result.Infos, "info")).Append("</span>")
            .Append(result.Suppressed.Count).Append(" suppressed");
        if (result.Today is { } today)
        {
            html.Append(" · evaluated for ").Append(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (result.InputInvalid)
        {
            html.Append(" · <b class=\"sev-error\">the inputs are invalid: the check could not run in full</b>");
        }

        html.Append("</p>\n");
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReporter).Assembly.GetManifestResourceStream($"ZonePolicy.Reporting.Html.{name}")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}

/// <summary>One section of a page: its anchor, its heading, and what writes its body.</summary>
internal sealed record PageSection(string Id, string Title, Action<StringBuilder> Write);
