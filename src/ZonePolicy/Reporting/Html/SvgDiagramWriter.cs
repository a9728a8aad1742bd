using System.Text;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting.Diagram;

namespace ZonePolicy.Reporting.Html;

/// <summary>
/// Writes a laid-out site as static inline SVG: Purdue band strips, zone boxes coloured by their worst
/// finding with SL-T badges, asset cells with SL-C badges, and links with their captions. Every element a
/// finding can point at has an id and a <c>title</c>, so the picture reads without JavaScript.
/// </summary>
internal static class SvgDiagramWriter
{
    public static void Write(StringBuilder html, DrawnSite site)
    {
        var diagram = site.Diagram;
        html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"zones and conduits of ").Append(Html.Escape(site.View.Title))
            .Append("\" width=\"").Append(Html.Num(diagram.Width)).Append("\" height=\"").Append(Html.Num(diagram.Height))
            .Append("\" viewBox=\"0 0 ").Append(Html.Num(diagram.Width)).Append(' ').Append(Html.Num(diagram.Height)).Append("\">\n");
        foreach (var band in diagram.Bands)
        {
            html.Append("<g class=\"band\"><rect x=\"4\" y=\"").Append(Html.Num(band.Top)).Append("\" width=\"").Append(Html.Num(diagram.Width - 8))
                .Append("\" height=\"").Append(Html.Num(band.Bottom - band.Top)).Append("\"/><text x=\"12\" y=\"").Append(Html.Num(band.Top + 16)).Append("\">")
                .Append(Html.Escape(PurdueBands.Name(band.Band))).Append("</text></g>\n");
        }

        foreach (var zone in diagram.Zones)
        {
            WriteZone(html, site, zone);
        }

        foreach (var link in diagram.Links)
        {
            WriteLink(html, site, link);
        }

        html.Append("</svg>\n");
    }

    private static void WriteZone(StringBuilder html, DrawnSite site, ZoneBox zone)
    {
        var worst = DiagramText.SeverityName(site.View.WorstInZone(zone.Zone.Id));
        var b = zone.Box;
        html.Append("<g class=\"zone worst-").Append(worst).Append("\" id=\"").Append(site.ZoneId(zone.Zone.Id)).Append("\" data-id=\"").Append(Html.Escape(zone.Zone.Id)).Append("\">")
            .Append("<title>").Append(Html.Escape($"zone {zone.Zone.Id}: {zone.Zone.Name ?? zone.Zone.Id}; {DiagramText.ZoneFacts(zone.Zone)}; worst finding: {worst}")).Append("</title>")
            .Append("<rect class=\"frame\" x=\"").Append(Html.Num(b.X)).Append("\" y=\"").Append(Html.Num(b.Y)).Append("\" width=\"").Append(Html.Num(b.Width))
            .Append("\" height=\"").Append(Html.Num(b.Height)).Append("\"/>")
            .Append("<text class=\"name\" x=\"").Append(Html.Num(b.X + 10)).Append("\" y=\"").Append(Html.Num(b.Y + 19)).Append("\">").Append(Html.Escape(Shorten(zone.Zone.Name ?? zone.Zone.Id, b.Width - 70, 7.4))).Append("</text>")
            .Append("<text class=\"facts\" x=\"").Append(Html.Num(b.X + 10)).Append("\" y=\"").Append(Html.Num(b.Y + 36)).Append("\">")
            .Append(Html.Escape(Shorten(string.Join(" · ", new[] { zone.Zone.Id, zone.Zone.Kind }.OfType<string>()), b.Width - 20, 6))).Append("</text>");
        if (zone.Zone.SecurityLevel is { } target)
        {
            Badge(html, b.X + b.Width - 58, b.Y + 7, $"SL-T {target}");
        }

        html.Append('\n');
        for (var i = 0; i < zone.Cells.Count; i++)
        {
            WriteCell(html, site, zone, i);
        }

        html.Append("</g>\n");
    }

    private static void WriteCell(StringBuilder html, DrawnSite site, ZoneBox zone, int index)
    {
        var cell = zone.Cells[index];
        var worst = cell.Members.Select(a => site.View.WorstAtAsset(a.Id)).DefaultIfEmpty(Severity.None).Max();
        var b = cell.Box;
        var (title, first, second) = cell.Asset is { } asset
            ? ($"asset {asset.Id}: {asset.Name ?? asset.Id}; type {asset.Type ?? "unknown"}", asset.Id, asset.Type ?? "")
            : ($"{cell.Members.Count} assets of type {cell.GroupType}: {string.Join(", ", cell.Members.Take(20).Select(a => a.Id))}{(cell.Members.Count > 20 ? ", ..." : "")}",
                $"{cell.GroupType} ×{cell.Members.Count}", "group");
        html.Append("<g class=\"asset worst-").Append(DiagramText.SeverityName(worst)).Append("\" id=\"").Append(site.CellId(zone, index)).Append('"');
        if (cell.Asset is { } single)
        {
            html.Append(" data-id=\"").Append(Html.Escape(single.Id)).Append('"');
        }

        html.Append("><title>").Append(Html.Escape(title)).Append("</title><rect x=\"").Append(Html.Num(b.X)).Append("\" y=\"").Append(Html.Num(b.Y))
            .Append("\" width=\"").Append(Html.Num(b.Width)).Append("\" height=\"").Append(Html.Num(b.Height)).Append("\"/>")
            .Append("<text class=\"id\" x=\"").Append(Html.Num(b.X + 6)).Append("\" y=\"").Append(Html.Num(b.Y + 14)).Append("\">").Append(Html.Escape(Shorten(first, b.Width - 12, 6.3))).Append("</text>")
            .Append("<text class=\"type\" x=\"").Append(Html.Num(b.X + 6)).Append("\" y=\"").Append(Html.Num(b.Y + 28)).Append("\">").Append(Html.Escape(Shorten(second, b.Width - 50, 5.8))).Append("</text>");
        if (cell.Asset?.SecurityLevelCapability is { } capability)
        {
            Badge(html, b.X + b.Width - 44, b.Y + 18, $"SL-C {capability}");
        }

        html.Append("</g>\n");
    }

    private static void WriteLink(StringBuilder html, DrawnSite site, LinkPath link)
    {
        var worst = DiagramText.SeverityName(site.View.WorstOnLink(link.Link));
        var caption = DiagramText.LinkCaption(link.Link);
        var conduit = link.Link.Conduit;
        var title = conduit is null
            ? $"{link.Link.FromZone} – {link.Link.ToZone}: {caption}"
            : $"conduit {conduit.Id}{(conduit.Name is null ? "" : $" ({conduit.Name})")} between {conduit.FromZone} and {conduit.ToZone}; boundary: {(conduit.Boundary.Count == 0 ? "none" : string.Join(", ", conduit.Boundary))}"
              + $"{(conduit.SecurityLevel is { } sl ? $"; SL {sl}" : "")}{(conduit.DenyByDefault == true ? "; deny by default" : "")}{(conduit.Monitored == true ? "; monitored" : "")}";
        html.Append("<g class=\"link").Append(conduit is null ? " uncovered" : "").Append(" worst-").Append(worst).Append("\" id=\"").Append(site.LinkId(link.Link)).Append('"');
        if (conduit is not null)
        {
            html.Append(" data-id=\"").Append(Html.Escape(conduit.Id)).Append('"');
        }

        html.Append("><title>").Append(Html.Escape(title)).Append("</title><path d=\"").Append(link.PathData).Append("\"/>");
        if (link.Label is { } l)
        {
            html.Append("<rect x=\"").Append(Html.Num(l.X - 2)).Append("\" y=\"").Append(Html.Num(l.Y)).Append("\" width=\"").Append(Html.Num(l.Width + 4)).Append("\" height=\"").Append(Html.Num(l.Height)).Append("\"/>")
                .Append("<text x=\"").Append(Html.Num(l.X)).Append("\" y=\"").Append(Html.Num(l.Y + 11)).Append("\">").Append(Html.Escape(caption)).Append("</text>");
        }

        html.Append("</g>\n");
    }

    private static void Badge(StringBuilder html, double x, double y, string text) =>
        html.Append("<g class=\"badge\"><rect x=\"").Append(Html.Num(x)).Append("\" y=\"").Append(Html.Num(y)).Append("\" width=\"").Append(Html.Num((text.Length * 6) + 6))
            .Append("\" height=\"14\" rx=\"7\"/><text x=\"").Append(Html.Num(x + 4)).Append("\" y=\"").Append(Html.Num(y + 10.5)).Append("\">").Append(Html.Escape(text)).Append("</text></g>");

    /// <summary>Text cut with an ellipsis to fit <paramref name="width"/> at about <paramref name="charWidth"/> per character; the title keeps it whole.</summary>
    private static string Shorten(string text, double width, double charWidth)
    {
        var fits = Math.Max(4, (int)(width / charWidth));
        return text.Length <= fits ? text : text[..(fits - 1)] + "…";
    }
}
