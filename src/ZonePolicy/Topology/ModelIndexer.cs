using ZonePolicy.Types;
namespace ZonePolicy.Topology;

/// <summary>
/// Fills the computed attributes of a loaded site (TopologySchema marks them): zone.assets, conduits,
/// flowsIn and flowsOut; asset.flowsIn, flowsOut and flows; conduit.flows; flow.crossesZones;
/// data.storedOn and flows; operation.zones; party.assets. Every list is in file order, empty when there is nothing.
/// </summary>
internal static class ModelIndexer
{
    public static void Index(IReadOnlyList<Entity>[] byKind, ModelRelations relations)
    {
        var zones = byKind[(int)EntityKind.Zone];
        var assets = byKind[(int)EntityKind.Asset];
        var conduits = byKind[(int)EntityKind.Conduit];
        var flows = byKind[(int)EntityKind.Flow];
        var data = byKind[(int)EntityKind.Data];
        var operations = byKind[(int)EntityKind.Operation];
        var parties = byKind[(int)EntityKind.Party];

        Set(zones, "assets", relations[Relation.AssetZone].GroupByTarget(assets, zones.Count));
        Set(zones, "conduits", relations[Relation.ConduitZones].GroupByTarget(conduits, zones.Count));
        IndexZoneCrossings(zones, assets, flows, relations);

        var flowsIn = relations[Relation.FlowTo].GroupByTarget(flows, assets.Count);
        var flowsOut = relations[Relation.FlowFrom].GroupByTarget(flows, assets.Count);
        Set(assets, "flowsIn", flowsIn);
        Set(assets, "flowsOut", flowsOut);
        var toSlot = TopologySchema.Flow["to"].Slot;
        var allSlot = TopologySchema.Asset["flows"].Slot;
        for (var a = 0; a < assets.Count; a++)
        {
            assets[a].Values[allSlot] = InThenOut(assets[a], flowsIn[a], flowsOut[a], toSlot);
        }

        Set(conduits, "flows", relations[Relation.FlowConduit].GroupByTarget(flows, conduits.Count));
        Set(data, "storedOn", relations[Relation.AssetData].GroupByTarget(assets, data.Count));
        Set(data, "flows", relations[Relation.FlowData].GroupByTarget(flows, data.Count));
        Set(operations, "zones", relations[Relation.ZoneOperations].GroupByTarget(zones, operations.Count));
        Set(parties, "assets", relations[Relation.AssetParty].GroupByTarget(assets, parties.Count));
    }

    private static void IndexZoneCrossings(IReadOnlyList<Entity> zones, IReadOnlyList<Entity> assets, IReadOnlyList<Entity> flows, ModelRelations relations)
    {
        var zoneOfAsset = relations[Relation.AssetZone].TargetOfEachSource(assets.Count);
        var from = relations[Relation.FlowFrom].TargetOfEachSource(flows.Count);
        var to = relations[Relation.FlowTo].TargetOfEachSource(flows.Count);
        var crossesSlot = TopologySchema.Flow["crossesZones"].Slot;
        var into = new Incidence();
        var outOf = new Incidence();
        for (var f = 0; f < flows.Count; f++)
        {
            var fromZone = from[f] < 0 ? -1 : zoneOfAsset[from[f]];
            var toZone = to[f] < 0 ? -1 : zoneOfAsset[to[f]];
            var crosses = fromZone != toZone;
            flows[f].Values[crossesSlot] = ValuePool.Bool(crosses);
            if (crosses && fromZone >= 0 && toZone >= 0)
            {
                outOf.Add(f, fromZone);
                into.Add(f, toZone);
            }
        }

        Set(zones, "flowsIn", into.GroupByTarget(flows, zones.Count));
        Set(zones, "flowsOut", outOf.GroupByTarget(flows, zones.Count));
    }

    // A flow from an asset to itself is in both lists; `flows` holds it once.
    private static Entity[] InThenOut(Entity asset, Entity[] flowsIn, Entity[] flowsOut, int toSlot)
    {
        if (flowsOut.Length == 0)
        {
            return flowsIn;
        }

        if (flowsIn.Length == 0)
        {
            return flowsOut;
        }

        var loops = 0;
        foreach (var flow in flowsOut)
        {
            loops += ReferenceEquals(flow.Values[toSlot], asset) ? 1 : 0;
        }

        var all = new Entity[flowsIn.Length + flowsOut.Length - loops];
        flowsIn.CopyTo(all, 0);
        var next = flowsIn.Length;
        foreach (var flow in flowsOut)
        {
            if (!ReferenceEquals(flow.Values[toSlot], asset))
            {
                all[next++] = flow;
            }
        }

        return all;
    }

    private static void Set(IReadOnlyList<Entity> entities, string attribute, Entity[][] lists)
    {
        if (entities.Count == 0)
        {
            return;
        }

        var slot = entities[0].Shape[attribute].Slot;
        for (var i = 0; i < entities.Count; i++)
        {
            entities[i].Values[slot] = lists[i];
        }
    }
}
