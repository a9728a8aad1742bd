using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// Turns a loaded site into the <see cref="SiteSummary"/> reports draw from, so that no report reads the
/// model itself.
/// </summary>
internal static class SiteDescriber
{
    public static SiteSummary Describe(SiteModel site, IReadOnlyList<(Waiver Waiver, WaiverState State, int Suppressed)> waivers) => new(
        site.File,
        site.SiteId,
        site.SiteName,
        site.OfKind(EntityKind.Zone).Select(Zone).ToList(),
        site.OfKind(EntityKind.Asset).Select(Asset).ToList(),
        site.OfKind(EntityKind.Conduit).Select(Conduit).ToList(),
        site.OfKind(EntityKind.Flow).Select(Flow).ToList(),
        waivers.Select(w => new WaiverSummary(
            w.Waiver.Id, w.Waiver.Rule, w.Waiver.Targets, w.Waiver.Reason, w.Waiver.ApprovedBy, w.Waiver.Expires, w.State, w.Suppressed, w.Waiver.Location)).ToList());

    private static ZoneSummary Zone(Entity zone) => new(
        zone.Id, Text(zone, "name"), Text(zone, "kind"), zone["purdueLevel"] as decimal?, Int(zone, "securityLevel"), zone.Location);

    private static AssetSummary Asset(Entity asset) => new(
        asset.Id, Text(asset, "name"), ((Entity)asset["zone"]!).Id, Text(asset, "type"), Int(asset, "securityLevelCapability"), asset.Location);

    private static ConduitSummary Conduit(Entity conduit)
    {
        var zones = Entities(conduit, "zones");
        return new(
            conduit.Id,
            Text(conduit, "name"),
            zones[0].Id,
            zones[^1].Id,
            Entities(conduit, "boundary").Select(a => a.Id).ToList(),
            Int(conduit, "securityLevel"),
            conduit["denyByDefault"] as bool?,
            conduit["monitored"] as bool?,
            conduit.Location);
    }

    private static FlowSummary Flow(Entity flow)
    {
        var from = (Entity)flow["from"]!;
        var to = (Entity)flow["to"]!;
        return new(
            flow.Id,
            from.Id,
            to.Id,
            ((Entity)from["zone"]!).Id,
            ((Entity)to["zone"]!).Id,
            (flow["conduit"] as Entity)?.Id,
            Text(flow, "direction") == "bidirectional",
            flow.Location);
    }

    private static string? Text(Entity entity, string attribute) => entity[attribute] as string;

    private static int? Int(Entity entity, string attribute) => entity[attribute] is long value ? (int)value : null;

    private static IReadOnlyList<Entity> Entities(Entity entity, string attribute) =>
        entity[attribute] as IReadOnlyList<object?> is { } list ? list.OfType<Entity>().ToList() : [];
}
