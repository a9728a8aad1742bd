using System.Text;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>
/// The zone and conduit graph as a Mermaid flowchart, for Markdown documentation: one subgraph per site,
/// in it one per Purdue band stacked top to bottom, zones coloured by their worst finding, conduits as
/// labelled links and zone pairs joined only by flows as dotted links. Without a site to draw (invalid
/// input), the diagnostics are comments beside a single note.
/// </summary>
internal static class MermaidReporter
{
    public static void Write(CheckResult result, TextWriter output)
    {
        var sites = SiteView.All(result);
        var text = new StringBuilder("flowchart TB\n");
        foreach (var diagnostic in SiteView.Elsewhere(result, sites))
        {
            text.Append("  %% ").Append(Label(diagnostic.ToCanonicalString())).Append('\n');
        }

        if (sites.Count == 0)
        {
            text.Append("  zpol[\"").Append(Label($"no site to draw: {TextReporter.Summary(result)}")).Append("\"]\n");
        }

        foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Info, Severity.None })
        {
            var (fill, stroke) = DiagramText.Colours(severity);
            text.Append("  classDef ").Append(DiagramText.SeverityName(severity)).Append(" fill:").Append(fill).Append(",stroke:").Append(stroke).Append(",color:#101828\n");
        }

        foreach (var site in sites)
        {
            WriteSite(text, site);
        }

        output.Write(text);
    }

    private static void WriteSite(StringBuilder text, SiteView site)
    {
        var prefix = $"s{site.Index}";
        var zoneIds = site.Site.Zones.Select((zone, i) => (zone.Id, i)).DistinctBy(z => z.Id)
            .ToDictionary(z => z.Id, z => $"{prefix}z{z.i}", StringComparer.Ordinal);
        text.Append("  subgraph ").Append(prefix).Append("[\"").Append(Label(site.Title)).Append("\"]\n    direction TB\n");
        var bands = site.Site.Zones.GroupBy(PurdueBands.Band).OrderBy(g => g.Key).ToList();
        foreach (var band in bands)
        {
            text.Append("    subgraph ").Append(prefix).Append('b').Append(band.Key).Append("[\"").Append(PurdueBands.Name(band.Key)).Append("\"]\n");
            foreach (var zone in band.DistinctBy(z => z.Id))
            {
                var facts = DiagramText.ZoneFacts(zone);
                text.Append("      ").Append(zoneIds[zone.Id]).Append("[\"").Append(Label(zone.Name ?? zone.Id)).Append("<br/>")
                    .Append(Label(zone.Id)).Append(facts.Length == 0 ? "" : "<br/>" + Label(facts)).Append("\"]:::")
                    .Append(DiagramText.SeverityName(site.WorstInZone(zone.Id))).Append('\n');
            }

            text.Append("    end\n");
        }

        // Invisible links keep the bands in Purdue order, top to bottom.
        for (var i = 1; i < bands.Count; i++)
        {
            text.Append("    ").Append(prefix).Append('b').Append(bands[i - 1].Key).Append(" ~~~ ").Append(prefix).Append('b').Append(bands[i].Key).Append('\n');
        }

        foreach (var link in site.Links)
        {
            text.Append("    ").Append(zoneIds[link.FromZone]).Append(link.Conduit is null ? " -.-|\"" : " ---|\"")
                .Append(Label(DiagramText.LinkCaption(link))).Append("\"| ").Append(zoneIds[link.ToZone]).Append('\n');
        }

        text.Append("  end\n");
    }

    /// <summary>Text inside a quoted Mermaid label: quotes, angle brackets and the rest as Mermaid's entity codes.</summary>
    private static string Label(string text)
    {
        var label = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                label.Append(' ');
            }
            else if (c is '"' or '<' or '>' or '#' or '&' or '`' or '|' or '[' or ']' or '{' or '}' or ';')
            {
                label.Append('#').Append((int)c).Append(';');
            }
            else
            {
                label.Append(c);
            }
        }

        return label.ToString();
    }
}
