using System.Globalization;
using System.Text;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Layered;

namespace ZonePolicy.Reporting.Diagram;

/// <summary>
/// Lays a site out with MSAGL's layered (Sugiyama) layout: zones are the nodes, sized to hold their asset
/// cells; each Purdue band is one or more layers, top to bottom, enforced by a chain of invisible spine
/// nodes that every zone of a layer is pinned beside; links are routed as splines with their captions
/// placed by MSAGL. Inside a zone, cells form a grid; a zone with more than <see cref="MaxCellsPerZone"/>
/// assets shows one cell per asset type instead. MSAGL seeds its own randomness, so the same site always
/// gives the same picture.
/// </summary>
internal static class DiagramLayout
{
    public const int MaxCellsPerZone = 24;
    public const int MaxZonesPerLayer = 8;

    /// <summary>Past this many links, captions go only in each link's tooltip: placing them all would cost MSAGL minutes and hide the picture.</summary>
    public const int MaxCaptionedLinks = 150;

    public const double CellWidth = 128;
    public const double CellHeight = 34;
    public const double CellGap = 6;
    public const double ZonePadding = 10;
    public const double ZoneHeader = 50;
    public const double MinZoneWidth = 190;
    public const double Margin = 130;
    private const double CaptionCharWidth = 5.6;
    private const double CaptionHeight = 14;

    public static SiteDiagram Layout(SiteView site)
    {
        var zones = site.Site.Zones.DistinctBy(z => z.Id).ToList();
        if (zones.Count == 0)
        {
            return new SiteDiagram(2 * Margin, 2 * Margin, [], [], []);
        }

        var assetsByZone = site.Site.Assets.GroupBy(a => a.Zone, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var graph = new GeometryGraph();
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var cells = new Dictionary<string, List<(AssetSummary? Asset, string? Group, List<AssetSummary> Members)>>(StringComparer.Ordinal);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            var members = assetsByZone.GetValueOrDefault(zone.Id) ?? [];
            var zoneCells = members.Count <= MaxCellsPerZone
                ? members.Select(a => ((AssetSummary?)a, (string?)null, new List<AssetSummary> { a })).ToList()
                : members.GroupBy(a => a.Type ?? "(no type)", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => ((AssetSummary?)null, (string?)g.Key, g.ToList())).ToList();
            cells[zone.Id] = zoneCells;
            var cols = Math.Clamp((int)Math.Ceiling(Math.Sqrt(zoneCells.Count * 1.5)), 1, 6);
            columns[zone.Id] = cols;
            var rows = (zoneCells.Count + cols - 1) / cols;
            var width = Math.Max(MinZoneWidth, (2 * ZonePadding) + (cols * CellWidth) + ((cols - 1) * CellGap));
            var height = ZoneHeader + ZonePadding + (rows * (CellHeight + CellGap));
            var node = new Node(CurveFactory.CreateRectangle(width, height, new Point()), zone.Id);
            graph.Nodes.Add(node);
            nodes[zone.Id] = node;
        }

        var settings = new SugiyamaLayoutSettings
        {
            NodeSeparation = 40,
            LayerSeparation = 70,
            RandomSeedForOrdering = 1,
        };
        settings.EdgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.Spline;
        var layers = Layers(zones);
        PinLayers(graph, settings, layers.Select(layer => layer.Select(z => nodes[z.Id]).ToList()).ToList());

        var edges = new List<(ZoneLink Link, Edge Edge)>();
        foreach (var link in site.Links)
        {
            if (!nodes.TryGetValue(link.FromZone, out var from) || !nodes.TryGetValue(link.ToZone, out var to) || from == to)
            {
                continue;
            }

            // Edges point down the bands, so the layering they ask for agrees with the Purdue order.
            var (upper, lower) = Band(zones, link.FromZone) <= Band(zones, link.ToZone) ? (from, to) : (to, from);
            var edge = new Edge(upper, lower) { Weight = 1 };
            if (site.Links.Count <= MaxCaptionedLinks)
            {
                edge.Label = new Label(DiagramText.LinkCaption(link).Length * CaptionCharWidth, CaptionHeight, edge);
            }

            graph.Edges.Add(edge);
            edges.Add((link, edge));
        }

        new LayeredLayout(graph, settings).Run();
        return Diagram(graph, zones, nodes, cells, columns, edges);
    }

    /// <summary>The zones of each layer, top to bottom: a band's zones in file order, at most <see cref="MaxZonesPerLayer"/> a layer.</summary>
    private static List<List<ZoneSummary>> Layers(IReadOnlyList<ZoneSummary> zones)
    {
        var layers = new List<List<ZoneSummary>>();
        foreach (var band in zones.GroupBy(PurdueBands.Band).OrderBy(g => g.Key))
        {
            layers.AddRange(band.Chunk(MaxZonesPerLayer).Select(chunk => chunk.ToList()));
        }

        return layers;
    }

    /// <summary>
    /// A chain of tiny spine nodes, one per layer; each zone is pinned to its layer's spine node and hangs from
    /// the one above, so layers keep their order even for zones no link reaches.
    /// </summary>
    private static void PinLayers(GeometryGraph graph, SugiyamaLayoutSettings settings, List<List<Node>> layers)
    {
        var spines = layers.Select((_, i) => new Node(CurveFactory.CreateRectangle(1, 1, new Point()), $"spine {i}")).ToList();
        for (var i = 0; i < layers.Count; i++)
        {
            graph.Nodes.Add(spines[i]);
            if (i > 0)
            {
                graph.Edges.Add(new Edge(spines[i - 1], spines[i]) { Weight = 0 });
            }
        }

        for (var i = 0; i < layers.Count; i++)
        {
            foreach (var node in layers[i])
            {
                graph.Edges.Add(i > 0 ? new Edge(spines[i - 1], node) { Weight = 0 } : new Edge(node, spines.Count > 1 ? spines[1] : spines[0]) { Weight = 0 });
            }

            settings.PinNodesToSameLayer([.. layers[i], spines[i]]);
        }
    }

    private static int Band(IReadOnlyList<ZoneSummary> zones, string id) => PurdueBands.Band(zones.First(z => z.Id == id));

    private static SiteDiagram Diagram(
        GeometryGraph graph,
        IReadOnlyList<ZoneSummary> zones,
        Dictionary<string, Node> nodes,
        Dictionary<string, List<(AssetSummary? Asset, string? Group, List<AssetSummary> Members)>> cells,
        Dictionary<string, int> columns,
        List<(ZoneLink Link, Edge Edge)> edges)
    {
        var bounds = graph.BoundingBox;
        var left = bounds.Left - Margin;
        var top = bounds.Top + (Margin / 2);
        double X(double x) => Math.Round(x - left, 1);
        double Y(double y) => Math.Round(top - y, 1);

        var boxes = new List<ZoneBox>();
        foreach (var zone in zones)
        {
            var b = nodes[zone.Id].BoundingBox;
            var box = new Box(X(b.Left), Y(b.Top), Math.Round(b.Width, 1), Math.Round(b.Height, 1));
            var cols = columns[zone.Id];
            var zoneCells = cells[zone.Id].Select((cell, i) => new AssetCell(
                new Box(
                    box.X + ZonePadding + (i % cols * (CellWidth + CellGap)),
                    box.Y + ZoneHeader + (i / cols * (CellHeight + CellGap)),
                    CellWidth,
                    CellHeight),
                cell.Asset,
                cell.Group,
                cell.Members)).ToList();
            boxes.Add(new ZoneBox(zone, PurdueBands.Band(zone), box, zoneCells));
        }

        var links = edges.Where(e => e.Edge.Curve is not null).Select(e =>
        {
            var label = e.Edge.Label;
            return new LinkPath(
                e.Link,
                PathData(e.Edge.Curve, X, Y),
                label is null ? null : new Box(X(label.Center.X - (label.Width / 2)), Y(label.Center.Y + (label.Height / 2)), label.Width, label.Height));
        }).ToList();

        var bands = boxes.GroupBy(z => z.Band).OrderBy(g => g.Key)
            .Select(g => new BandStrip(g.Key, g.Min(z => z.Box.Y) - 16, g.Max(z => z.Box.Y + z.Box.Height) + 16)).ToList();
        return new SiteDiagram(Math.Round(bounds.Width + (2 * Margin), 1), Math.Round(bounds.Height + Margin, 1), bands, boxes, links);
    }

    /// <summary>An MSAGL curve as SVG path commands: lines and cubic Béziers as they are, anything else sampled.</summary>
    private static string PathData(ICurve curve, Func<double, double> x, Func<double, double> y)
    {
        var path = new StringBuilder();
        string P(Point p) => string.Create(CultureInfo.InvariantCulture, $"{x(p.X)} {y(p.Y)}");
        path.Append('M').Append(P(curve.Start));
        foreach (var segment in curve is Curve composite ? composite.Segments : [curve])
        {
            switch (segment)
            {
                case LineSegment line:
                    path.Append(" L").Append(P(line.End));
                    break;
                case CubicBezierSegment bezier:
                    path.Append(" C").Append(P(bezier.B(1))).Append(' ').Append(P(bezier.B(2))).Append(' ').Append(P(bezier.B(3)));
                    break;
                default:
                    for (var i = 1; i <= 8; i++)
                    {
                        path.Append(" L").Append(P(segment[segment.ParStart + ((segment.ParEnd - segment.ParStart) * i / 8)]));
                    }

                    break;
            }
        }

        return path.ToString();
    }
}
