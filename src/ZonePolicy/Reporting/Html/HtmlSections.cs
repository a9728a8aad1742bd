using System.Globalization;
using System.Text;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting.Html;

/// <summary>
/// One part of the HTML report. The report writes every section whose <see cref="AppliesTo"/> holds, in
/// the order of <see cref="HtmlReporter.Sections"/>; a feature that adds to the result (a compliance
/// matrix, the diff of two sites) adds a section there and nothing else changes.
/// </summary>
internal interface IHtmlSection
{
    string Id { get; }

    string Title { get; }

    bool AppliesTo(HtmlReport report);

    void Write(HtmlReport report, StringBuilder html);
}

/// <summary>Each site's diagram, with its legend.</summary>
internal sealed class DiagramSection : IHtmlSection
{
    public string Id => "sites";

    public string Title => "Zones and conduits";

    public bool AppliesTo(HtmlReport report) => report.Sites.Count > 0;

    public void Write(HtmlReport report, StringBuilder html)
    {
        html.Append("<p class=\"legend\">Zone and asset colour: worst finding<i style=\"background:var(--error-bg);border-color:var(--error)\"></i>error")
            .Append("<i style=\"background:var(--warning-bg);border-color:var(--warning)\"></i>warning<i style=\"background:var(--info-bg);border-color:var(--info)\"></i>info")
            .Append("<i style=\"background:var(--clean-bg);border-color:var(--clean)\"></i>none. Solid links are conduits (boundary devices · SL); dashed ones join zones by flows without a conduit. ")
            .Append(DiagramLayoutNote()).Append("</p>\n");
        foreach (var site in report.Sites)
        {
            html.Append("<h3 id=\"").Append(site.Id).Append("\">").Append(Html.Escape(site.View.Title)).Append(" <span class=\"file\">")
                .Append(Html.Escape(site.View.Site.File)).Append("</span></h3>\n<div class=\"diagram\">");
            SvgDiagramWriter.Write(html, site);
            html.Append("</div>\n");
        }
    }

    private static string DiagramLayoutNote() =>
        $"A zone with more than {Diagram.DiagramLayout.MaxCellsPerZone} assets shows one box per asset type.";
}

/// <summary>The findings in force, filterable, each tied to its places on the diagram.</summary>
internal sealed class FindingsSection : IHtmlSection
{
    /// <summary>The most rows the table holds, most severe first: enough to work through, small enough to open fast.</summary>
    public const int MaxRows = 2000;

    public string Id => "findings";

    public string Title => "Findings";

    public bool AppliesTo(HtmlReport report) => true;

    public void Write(HtmlReport report, StringBuilder html)
    {
        var findings = report.Sites.SelectMany(site => site.View.Findings.Select(f => (Site: (DrawnSite?)site, Finding: f)))
            .Concat(report.Elsewhere.Select(f => (Site: (DrawnSite?)null, Finding: f)))
            .OrderByDescending(f => f.Finding.Severity)
            .ToList();
        if (findings.Count == 0)
        {
            html.Append("<p class=\"none\">No findings in force.</p>\n");
            return;
        }

        if (findings.Count > MaxRows)
        {
            html.Append("<p class=\"legend\">The ").Append(MaxRows).Append(" most severe of ").Append(findings.Count)
                .Append(" findings are listed; the rules table counts them all, and the text, JSON and SARIF reports list every one.</p>\n");
            findings = findings.Take(MaxRows).ToList();
        }

        WriteFilters(html, report, findings.Select(f => f.Finding).ToList());
        var baseline = report.Result.BaselineApplied;
        html.Append("<table id=\"finding-table\"><thead><tr><th>severity</th><th>rule</th><th>message</th><th>on the diagram</th><th>location</th>")
            .Append(baseline ? "<th>baseline</th>" : "").Append("</tr></thead><tbody>\n");
        for (var i = 0; i < findings.Count; i++)
        {
            WriteRow(html, i, findings[i].Site, findings[i].Finding, baseline);
        }

        html.Append("</tbody></table>\n");
    }

    private static void WriteFilters(StringBuilder html, HtmlReport report, IReadOnlyList<Diagnostic> findings)
    {
        // Hidden until the script runs: without it the filters could not work.
        html.Append("<form id=\"filters\" class=\"filters\" hidden>");
        Select(html, "severity", findings.Select(f => f.Severity).Distinct().OrderByDescending(s => s).Select(s => (s.Name(), s.Name())));
        Select(html, "pack", findings.Select(Pack).Distinct().Order(StringComparer.Ordinal).Select(p => (p, p)));
        Select(html, "rule", findings.Select(f => f.Id).Distinct().Order(StringComparer.Ordinal).Select(r => (r, r)));
        Select(html, "zone", report.Sites.SelectMany(site => site.Diagram.Zones.Select(z =>
            (site.ZoneId(z.Zone.Id), report.Sites.Count > 1 ? $"{z.Zone.Id} ({site.View.Title})" : z.Zone.Id))));
        html.Append("<span>showing <b id=\"shown\"></b> findings</span></form>\n");
    }

    private static void Select(StringBuilder html, string name, IEnumerable<(string Value, string Text)> options)
    {
        html.Append("<label>").Append(name).Append("<select name=\"").Append(name).Append("\"><option value=\"\">all</option>");
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(Html.Escape(value)).Append("\">").Append(Html.Escape(text)).Append("</option>");
        }

        html.Append("</select></label>");
    }

    private static void WriteRow(StringBuilder html, int index, DrawnSite? site, Diagnostic finding, bool baseline)
    {
        var places = site?.View.PlacesOf(finding) ?? FindingPlaces.Nowhere;
        var zones = places.Zones.Select(z => site!.ZoneId(z)).Where(id => id.Length > 0).ToList();
        var targets = places.Assets.Select(a => site!.AssetId(a)).Concat(zones).Concat(places.Links.Select(l => site!.LinkId(l))).Where(id => id.Length > 0).Distinct().ToList();
        var hops = site is null ? [] : site.View.PathOf(finding)
            .Select(hop => hop.Asset is { } asset ? site.AssetId(asset.Id) : hop.Link is { } link ? site.LinkId(link) : "")
            .Where(id => id.Length > 0).ToList();
        html.Append("<tr class=\"finding\" id=\"f").Append(index).Append("\" data-severity=\"").Append(finding.Severity.Name())
            .Append("\" data-pack=\"").Append(Html.Escape(Pack(finding))).Append("\" data-rule=\"").Append(Html.Escape(finding.Id))
            .Append("\" data-zones=\"").Append(string.Join(' ', zones)).Append("\" data-targets=\"").Append(string.Join(' ', targets)).Append('"');
        if (hops.Count > 0)
        {
            html.Append(" data-path=\"").Append(string.Join(' ', hops)).Append('"');
        }

        html.Append("><td class=\"sev-").Append(finding.Severity.Name()).Append("\">").Append(finding.Severity.Name()).Append("</td><td>")
            .Append(Html.HelpLink(finding.Id, finding.HelpUri)).Append("</td><td>").Append(Html.Escape(finding.Message));
        if (finding.Witness.Count > 0)
        {
            html.Append("<br><small>path: ").Append(Html.Escape(string.Join(" → ", finding.Witness.Select(s => s.EntityId)))).Append("</small>");
        }

        html.Append("</td><td>");
        WritePlaces(html, site, places);
        html.Append("</td><td class=\"file\">").Append(Html.Escape(finding.Location.ToString())).Append("</td>");
        if (baseline)
        {
            html.Append("<td>").Append(finding.Rule is null ? "" : "new").Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static void WritePlaces(StringBuilder html, DrawnSite? site, FindingPlaces places)
    {
        if (site is null || places.IsEmpty)
        {
            html.Append("<span class=\"none\">not on the diagram</span>");
            return;
        }

        var links = places.Assets.Select(a => (Id: site.AssetId(a), Text: a))
            .Concat(places.Links.Select(l => (Id: site.LinkId(l), Text: l.Conduit?.Id ?? $"{l.FromZone} – {l.ToZone}")))
            .Concat(places.Zones.Select(z => (Id: site.ZoneId(z), Text: z)))
            .Where(p => p.Id.Length > 0)
            .Select(p => $"<a href=\"#{p.Id}\">{Html.Escape(p.Text)}</a>");
        html.AppendJoin(", ", links);
    }

    private static string Pack(Diagnostic finding) => finding.Rule is { } rule ? rule.Pack ?? "(no pack)" : "zpol";
}

/// <summary>Violations a waiver or the baseline suppresses: known, accepted, and until when.</summary>
internal sealed class SuppressedSection : IHtmlSection
{
    public string Id => "suppressed";

    public string Title => "Suppressed violations";

    public bool AppliesTo(HtmlReport report) => report.Result.Suppressed.Count > 0;

    public void Write(HtmlReport report, StringBuilder html)
    {
        html.Append("<table><thead><tr><th>rule</th><th>message</th><th>location</th><th>suppressed by</th></tr></thead><tbody>\n");
        foreach (var finding in report.Result.Suppressed)
        {
            html.Append("<tr><td>").Append(Html.HelpLink(finding.Id, finding.HelpUri)).Append("</td><td>").Append(Html.Escape(finding.Message))
                .Append("</td><td class=\"file\">").Append(Html.Escape(finding.Location.ToString())).Append("</td><td>")
                .Append(finding.Waiver is { } waiver
                    ? Html.Escape($"waiver until {waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, approved by {waiver.ApprovedBy}: {waiver.Reason}")
                    : "baseline (known)")
                .Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }
}

/// <summary>Every waiver of every site, how it stands on the evaluation date, and what it suppresses.</summary>
internal sealed class WaiversSection : IHtmlSection
{
    public string Id => "waivers";

    public string Title => "Waivers";

    public bool AppliesTo(HtmlReport report) => report.Sites.Any(s => s.View.Site.Waivers.Count > 0);

    public void Write(HtmlReport report, StringBuilder html)
    {
        html.Append("<table><thead><tr><th>waiver</th><th>rule</th><th>targets</th><th>reason</th><th>approved by</th><th>expires</th><th>state</th><th>suppresses</th></tr></thead><tbody>\n");
        foreach (var site in report.Sites.Where(s => s.View.Site.Waivers.Count > 0))
        {
            foreach (var waiver in site.View.Site.Waivers)
            {
                html.Append("<tr><td>").Append(Html.Escape(waiver.Id ?? waiver.Location.ToString())).Append("</td><td>").Append(Html.Escape(waiver.Rule))
                    .Append("</td><td>").Append(Html.Escape(string.Join(", ", waiver.Targets))).Append("</td><td>").Append(Html.Escape(waiver.Reason))
                    .Append("</td><td>").Append(Html.Escape(waiver.ApprovedBy)).Append("</td><td>").Append(waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Append(Remaining(report.Result.Today, waiver.Expires)).Append("</td><td class=\"state-").Append(waiver.State.ToString().ToLowerInvariant()).Append("\">")
                    .Append(StateName(waiver.State)).Append("</td><td>").Append(waiver.Suppressed).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody></table>\n");
    }

    private static string Remaining(DateOnly? today, DateOnly expires) =>
        today is not { } date ? ""
        : expires < date ? $" ({date.DayNumber - expires.DayNumber} days ago)"
        : $" (in {expires.DayNumber - date.DayNumber} days)";

    private static string StateName(WaiverState state) => state switch
    {
        WaiverState.Active => "active",
        WaiverState.ExpiringSoon => "expiring soon",
        WaiverState.Expired => "expired",
        WaiverState.NotChecked => "rule not checked",
        _ => "unused",
    };
}

/// <summary>The rules that ran, with their packs and how many findings each has.</summary>
internal sealed class RulesSection : IHtmlSection
{
    public string Id => "rules";

    public string Title => "Rules";

    public bool AppliesTo(HtmlReport report) => report.Result.Rules.Count > 0;

    public void Write(HtmlReport report, StringBuilder html)
    {
        var counts = report.Result.Diagnostics.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        html.Append("<table><thead><tr><th>rule</th><th>pack</th><th>title</th><th>severity</th><th>findings</th></tr></thead><tbody>\n");
        foreach (var rule in report.Result.Rules)
        {
            html.Append("<tr><td>").Append(Html.HelpLink(rule.Id, rule.HelpUri)).Append("</td><td>").Append(Html.Escape(rule.Pack ?? "")).Append("</td><td>")
                .Append(Html.Escape(rule.Title)).Append("</td><td>").Append(rule.DefaultSeverity.Name()).Append("</td><td>").Append(counts.GetValueOrDefault(rule.Id)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }
}
