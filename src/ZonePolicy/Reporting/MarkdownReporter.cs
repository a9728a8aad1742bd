using System.Text;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>
/// A summary for pull-request comments and CI job summaries: the counts per site, the findings per rule,
/// and the most severe findings with their places, in GitHub-flavoured Markdown and never longer than
/// <see cref="MaxCharacters"/> (a pull-request comment holds 65,536).
/// </summary>
internal static class MarkdownReporter
{
    public const int MaxCharacters = 60_000;
    public const int MaxFindings = 50;

    public static void Write(CheckResult result, TextWriter output)
    {
        var sites = SiteView.All(result);
        var head = new StringBuilder();
        head.Append("## ZonePolicy: ").Append(TextReporter.Summary(result)).Append("\n\n");
        WriteCounts(head, result, sites);
        var byRule = RuleRows(result);
        var footer = new StringBuilder();
        var findings = result.Diagnostics.OrderByDescending(d => d.Severity).ToList();
        if (byRule.Count > 0)
        {
            head.Append("\n### Findings by rule\n\n| rule | severity | findings | title |\n|---|---|--:|---|\n");
        }

        var shownRules = Fit(head, byRule, MaxCharacters / 2);
        if (shownRules < byRule.Count)
        {
            head.Append("\n_").Append(byRule.Count - shownRules).Append(" more rules are not listed._\n");
        }

        if (findings.Count > 0)
        {
            head.Append("\n### Top findings\n\n| severity | rule | location | message |\n|---|---|---|---|\n");
        }

        var shown = Fit(head, findings.Take(MaxFindings).Select(FindingRow).ToList(), MaxCharacters - 200);
        if (shown < findings.Count)
        {
            footer.Append("\n_Showing ").Append(shown).Append(" of ").Append(findings.Count)
                .Append(" findings, the most severe first; the text, JSON, SARIF and HTML reports list them all._\n");
        }

        output.Write(head);
        output.Write(footer);
    }

    private static void WriteCounts(StringBuilder text, CheckResult result, IReadOnlyList<SiteView> sites)
    {
        var suppressedName = result.BaselineApplied ? "suppressed (waived or known)" : "suppressed";
        text.Append("| site | file | errors | warnings | infos | ").Append(suppressedName).Append(" |\n|---|---|--:|--:|--:|--:|\n");
        foreach (var site in sites)
        {
            AppendCountRow(text, MarkdownText.Cell(site.Title), MarkdownText.Code(site.Site.File), site.Findings, site.Suppressed.Count);
        }

        var elsewhere = SiteView.Elsewhere(result, sites);
        if (elsewhere.Count > 0 || sites.Count == 0)
        {
            AppendCountRow(text, sites.Count == 0 ? "all inputs" : "rules, settings and other files", "", elsewhere, sites.Count == 0 ? result.Suppressed.Count : 0);
        }
    }

    private static void AppendCountRow(StringBuilder text, string site, string file, IReadOnlyList<Diagnostic> findings, int suppressed) =>
        text.Append("| ").Append(site).Append(" | ").Append(file)
            .Append(" | ").Append(findings.Count(d => d.Severity == Severity.Error))
            .Append(" | ").Append(findings.Count(d => d.Severity == Severity.Warning))
            .Append(" | ").Append(findings.Count(d => d.Severity == Severity.Info))
            .Append(" | ").Append(suppressed).Append(" |\n");

    private static List<string> RuleRows(CheckResult result) =>
        result.Diagnostics
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(d => d.Severity))
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"| {RuleLink(g.First())} | {g.Max(d => d.Severity).Name()} | {g.Count()} | {MarkdownText.Cell(Title(g.First()))} |\n")
            .ToList();

    private static string FindingRow(Diagnostic finding) =>
        $"| {finding.Severity.Name()} | {RuleLink(finding)} | {Location(finding.Location)} | {MarkdownText.Cell(finding.Message)} |\n";

    /// <summary>Appends rows while the text stays within <paramref name="limit"/>; returns how many went in.</summary>
    private static int Fit(StringBuilder text, IReadOnlyList<string> rows, int limit)
    {
        var added = 0;
        foreach (var row in rows)
        {
            if (text.Length + row.Length > limit)
            {
                break;
            }

            text.Append(row);
            added++;
        }

        return added;
    }

    private static string RuleLink(Diagnostic finding) =>
        finding.HelpUri.Length == 0 ? MarkdownText.Cell(finding.Id) : $"[{MarkdownText.Cell(finding.Id)}](<{finding.HelpUri.Replace(">", "%3E")}>)";

    private static string Title(Diagnostic finding) =>
        finding.Rule?.Title ?? (DiagnosticDescriptors.IsEngineId(finding.Id) ? DiagnosticDescriptors.Get(finding.Id).Title : finding.Id);

    private static string Location(SourceLocation location) =>
        !location.IsInFile ? "" : MarkdownText.Code(location.HasPosition ? $"{location.File}:{location.Line}:{location.Column}" : location.File);
}
