using System.Text;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>
/// The zone and conduit graph in Graphviz <c>dot</c>, one <c>graph</c> per site: zones as boxes ranked by
/// Purdue level and coloured by their worst finding, conduits as edges labelled with their boundary devices
/// and security level, zone pairs joined only by flows as dashed edges. Without a site to draw (invalid
/// input), the diagnostics are comments in an empty graph.
/// </summary>
internal static class DotReporter
{
    public static void Write(CheckResult result, TextWriter output)
    {
        var sites = SiteView.All(result);
        var text = new StringBuilder();
        foreach (var diagnostic in SiteView.Elsewhere(result, sites))
        {
            text.Append("// ").Append(OneLine(diagnostic.ToCanonicalString())).Append('\n');
        }

        if (sites.Count == 0)
        {
            text.Append("graph zpol {\n  label=").Append(Quote($"no site to draw: {TextReporter.Summary(result)}")).Append(";\n}\n");
        }

        foreach (var site in sites)
        {
            WriteSite(text, site);
        }

        output.Write(text);
    }

    private static void WriteSite(StringBuilder text, SiteView site)
    {
        text.Append("graph ").Append(Quote(site.Site.File)).Append(" {\n");
        text.Append("  graph [label=").Append(Quote(site.Title)).Append(", labelloc=t, rankdir=TB, newrank=true, fontname=\"Helvetica\"];\n");
        text.Append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n");
        text.Append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        var assetCounts = site.Site.Assets.GroupBy(a => a.Zone, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var band in site.Site.Zones.GroupBy(PurdueBands.Band).OrderBy(g => g.Key))
        {
            text.Append("  subgraph ").Append(Quote($"band {band.Key}")).Append(" {\n    rank=same;\n");
            foreach (var zone in band)
            {
                var (fill, stroke) = DiagramText.Colours(site.WorstInZone(zone.Id));
                var assets = assetCounts.GetValueOrDefault(zone.Id);
                var facts = DiagramText.ZoneFacts(zone);
                var label = $"{zone.Name ?? zone.Id}\n{zone.Id}\n{(facts.Length == 0 ? "" : facts + "\n")}{assets} {(assets == 1 ? "asset" : "assets")}";
                text.Append("    ").Append(Quote(zone.Id)).Append(" [label=").Append(Quote(label))
                    .Append(", fillcolor=").Append(Quote(fill)).Append(", color=").Append(Quote(stroke))
                    .Append(", tooltip=").Append(Quote($"{PurdueBands.Name(band.Key)}; worst finding: {DiagramText.SeverityName(site.WorstInZone(zone.Id))}")).Append("];\n");
            }

            text.Append("  }\n");
        }

        foreach (var link in site.Links)
        {
            var (_, stroke) = DiagramText.Colours(site.WorstOnLink(link));
            text.Append("  ").Append(Quote(link.FromZone)).Append(" -- ").Append(Quote(link.ToZone))
                .Append(" [label=").Append(Quote(DiagramText.LinkCaption(link))).Append(", color=").Append(Quote(stroke));
            if (link.Conduit is null)
            {
                text.Append(", style=dashed");
            }

            text.Append("];\n");
        }

        text.Append("}\n");
    }

    /// <summary>A dot ID in double quotes: backslashes and quotes escaped, a line break as <c>\n</c>.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                default: quoted.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static string OneLine(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
