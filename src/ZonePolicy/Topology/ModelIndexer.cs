using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// Declares the computed attributes of a loaded site (TopologySchema marks them), each worked out from the
/// references the entities hold the first time a rule reads it: zone.assets, conduits, flowsIn and
/// flowsOut; asset.flowsIn, flowsOut and flows; conduit.flows; flow.crossesZones; data.storedOn and flows;
/// operation.zones; party.assets (and, through <see cref="ConnectivityIndexer"/>, flow.passes and the
/// connectivity of assets). Every list holds its entities in file order, each once, and is empty
/// when there is nothing.
/// </summary>
internal static class ModelIndexer
{
    public static void Index(ModelTables tables)
    {
        var zones = tables.Entities(EntityKind.Zone);
        var assets = tables.Entities(EntityKind.Asset);
        var conduits = tables.Entities(EntityKind.Conduit);
        var flows = tables.Entities(EntityKind.Flow);
        var data = tables.Entities(EntityKind.Data);

        Compute(zones, "assets", () => GroupByTarget(assets, zones, "zone"));
        Compute(zones, "conduits", () => GroupByTarget(conduits, zones, "zones"));
        var crossings = new Lazy<ZoneCrossings>(() => ZoneCrossings.Of(zones, assets, flows));
        Compute(zones, "flowsIn", () => crossings.Value.Into);
        Compute(zones, "flowsOut", () => crossings.Value.OutOf);
        Compute(flows, "crossesZones", () => crossings.Value.Crosses);

        var flowsIn = new Lazy<Entity[][]>(() => GroupByTarget(flows, assets, "to"));
        var flowsOut = new Lazy<Entity[][]>(() => GroupByTarget(flows, assets, "from"));
        Compute(assets, "flowsIn", () => flowsIn.Value);
        Compute(assets, "flowsOut", () => flowsOut.Value);
        Compute(assets, "flows", () => InThenOut(assets, flowsIn.Value, flowsOut.Value, flows));

        Compute(conduits, "flows", () => GroupByTarget(flows, conduits, "conduit"));
        Compute(data, "storedOn", () => GroupByTarget(assets, data, "data"));
        Compute(data, "flows", () => GroupByTarget(flows, data, "data"));
        var operations = tables.Entities(EntityKind.Operation);
        Compute(operations, "zones", () => GroupByTarget(zones, operations, "operations"));
        var parties = tables.Entities(EntityKind.Party);
        Compute(parties, "assets", () => GroupByTarget(assets, parties, "supplier", "maintainer"));
        ConnectivityIndexer.Declare(tables);
    }

    // The values come as the array the computation makes (an Entity[][] for lists); the column gets an object?[] of its own.
    private static void Compute(EntityTable table, string attribute, Func<object?[]> values) =>
        table.SetComputed(table.Shape[attribute].Slot, () => values() is var made && made.GetType() == typeof(object[]) ? made : [.. made]);

    /// <summary>
    /// For each entity of <paramref name="targets"/>, the entities of <paramref name="sources"/> whose
    /// <paramref name="attributes"/> (a reference or a list of them) name it: in file order, each source once.
    /// </summary>
    private static Entity[][] GroupByTarget(EntityTable sources, EntityTable targets, params string[] attributes)
    {
        var slots = attributes.Select(name => sources.Shape[name].Slot).ToArray();
        var counts = new int[targets.Count];
        var named = new List<int>();
        for (var s = 0; s < sources.Count; s++)
        {
            foreach (var target in Targets(sources, slots, s, named))
            {
                counts[target]++;
            }
        }

        var groups = Allocate(counts);
        Array.Clear(counts);
        for (var s = 0; s < sources.Count; s++)
        {
            foreach (var target in Targets(sources, slots, s, named))
            {
                groups[target][counts[target]++] = sources[s];
            }
        }

        return groups;
    }

    // The ordinals of the entities one source names, each once; `named` is scratch space.
    private static List<int> Targets(EntityTable sources, int[] slots, int source, List<int> named)
    {
        named.Clear();
        foreach (var slot in slots)
        {
            if (sources.OrdinalAt(slot, source) is var single and >= 0)
            {
                AddOnce(named, single);
            }
            else if (sources.Get(slot, source) is Entity[] several)
            {
                foreach (Entity? target in several)
                {
                    if (target is not null)
                    {
                        AddOnce(named, target.Ordinal);
                    }
                }
            }
        }

        return named;
    }

    private static void AddOnce(List<int> named, int target)
    {
        if (!named.Contains(target))
        {
            named.Add(target);
        }
    }

    private static Entity[][] Allocate(int[] counts)
    {
        var groups = new Entity[counts.Length][];
        for (var i = 0; i < counts.Length; i++)
        {
            groups[i] = counts[i] == 0 ? [] : new Entity[counts[i]];
        }

        return groups;
    }

    // A flow from an asset to itself is in both lists; `flows` holds it once.
    private static Entity[][] InThenOut(EntityTable assets, Entity[][] flowsIn, Entity[][] flowsOut, EntityTable flows)
    {
        var toSlot = flows.Shape["to"].Slot;
        var all = new Entity[assets.Count][];
        for (var a = 0; a < all.Length; a++)
        {
            if (flowsOut[a].Length == 0 || flowsIn[a].Length == 0)
            {
                all[a] = flowsOut[a].Length == 0 ? flowsIn[a] : flowsOut[a];
                continue;
            }

            var outgoing = flowsOut[a].Where(flow => flows.OrdinalAt(toSlot, flow.Ordinal) != a).ToArray();
            all[a] = [.. flowsIn[a], .. outgoing];
        }

        return all;
    }

    /// <summary>Which flows cross zones, and each zone's crossing flows in and out, in file order.</summary>
    private sealed record ZoneCrossings(object?[] Crosses, Entity[][] Into, Entity[][] OutOf)
    {
        public static ZoneCrossings Of(EntityTable zones, EntityTable assets, EntityTable flows)
        {
            var zoneSlot = assets.Shape["zone"].Slot;
            var fromSlot = flows.Shape["from"].Slot;
            var toSlot = flows.Shape["to"].Slot;
            var crosses = new object?[flows.Count];
            var fromZone = new int[flows.Count];
            var toZone = new int[flows.Count];
            var intoCount = new int[zones.Count];
            var outOfCount = new int[zones.Count];
            for (var f = 0; f < flows.Count; f++)
            {
                fromZone[f] = ZoneOf(flows.OrdinalAt(fromSlot, f));
                toZone[f] = ZoneOf(flows.OrdinalAt(toSlot, f));
                var crossing = fromZone[f] != toZone[f];
                crosses[f] = ValuePool.Bool(crossing);
                if (crossing && fromZone[f] >= 0 && toZone[f] >= 0)
                {
                    outOfCount[fromZone[f]]++;
                    intoCount[toZone[f]]++;
                }
            }

            var into = Allocate(intoCount);
            var outOf = Allocate(outOfCount);
            Array.Clear(intoCount);
            Array.Clear(outOfCount);
            for (var f = 0; f < flows.Count; f++)
            {
                if (crosses[f] == ValuePool.True && fromZone[f] >= 0 && toZone[f] >= 0)
                {
                    outOf[fromZone[f]][outOfCount[fromZone[f]]++] = flows[f];
                    into[toZone[f]][intoCount[toZone[f]]++] = flows[f];
                }
            }

            return new ZoneCrossings(crosses, into, outOf);

            int ZoneOf(int asset) => asset < 0 ? -1 : assets.OrdinalAt(zoneSlot, asset);
        }
    }
}
