namespace ZonePolicy.Reporting.Diagram;

/// <summary>A rectangle in diagram units (CSS pixels), y growing downwards as in SVG.</summary>
internal readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double CenterX => X + (Width / 2);

    public double CenterY => Y + (Height / 2);
}

/// <summary>An asset drawn on its own, or a group of assets of one type when the zone has too many to draw each.</summary>
internal sealed record AssetCell(Box Box, AssetSummary? Asset, string? GroupType, IReadOnlyList<AssetSummary> Members);

/// <summary>A zone's box, its band, and the cells of its assets.</summary>
internal sealed record ZoneBox(ZoneSummary Zone, int Band, Box Box, IReadOnlyList<AssetCell> Cells);

/// <summary>
/// A link drawn as an SVG path (<see cref="PathData"/>, absolute commands), with its caption in
/// <see cref="Label"/> when the diagram has room for captions.
/// </summary>
internal sealed record LinkPath(ZoneLink Link, string PathData, Box? Label);

/// <summary>A band's horizontal strip behind its zones.</summary>
internal sealed record BandStrip(int Band, double Top, double Bottom);

/// <summary>A laid-out site: where every zone, asset cell and link goes, and the picture's size.</summary>
internal sealed record SiteDiagram(double Width, double Height, IReadOnlyList<BandStrip> Bands, IReadOnlyList<ZoneBox> Zones, IReadOnlyList<LinkPath> Links);
