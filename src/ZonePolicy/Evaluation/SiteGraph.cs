using System.Runtime.InteropServices;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>
/// The declared flows of a site as routes between the assets that open and end sessions. Each flow is a
/// chain of hops from its source through each device it passes (<c>flow.passes</c>) to its target, and back
/// through the same devices for a bidirectional flow. A passed device is a node of that one chain only, never
/// shared with another flow: a route changes flows only where one flow ends and the next begins, so two flows
/// that merely pass the same firewall are not joined into a route nobody declared.
/// </summary>
/// <remarks>
/// Nodes below <c>assetCount</c> are the assets, numbered in id order; each node above stands for a device
/// that one direction of one flow passes. Edges out of an asset are sorted by the number of the next stop
/// and then by flow id, so a breadth-first search meets ties in id order and shortest paths are deterministic.
/// </remarks>
internal sealed class SiteGraph
{
    private readonly AssetIndex assets;
    private readonly int assetCount;
    private readonly int[] edgeStart;
    private readonly int[] edgeSource;
    private readonly int[] edgeTarget;
    private readonly Entity[] edgeFlow;
    private readonly int[] passedDevice;
    private readonly int[] passedEdgeIn;
    private readonly int[] passedEdgeOut;
    private readonly SearchScratch scratch;
    private readonly List<(int Node, int Distance)> queue = [];

    /// <summary>Every attribute the graph is built from; a change to none of them leaves every path as it was.</summary>
    public static readonly IReadOnlyList<(EntityKind Kind, string Attribute)> Reads =
    [
        (EntityKind.Flow, "from"), (EntityKind.Flow, "to"), (EntityKind.Flow, "passes"), (EntityKind.Flow, "direction"),
    ];

    public SiteGraph(SiteModel site, AssetIndex assets)
    {
        this.assets = assets;
        assetCount = assets.Count;
        var chains = new Chains(site, assets);
        var order = SearchOrder(chains, assetCount, FlowRanks(site.OfKind(EntityKind.Flow)));
        var passedCount = chains.StopCount - (2 * chains.Count);

        var edgeCount = chains.Count + passedCount;
        edgeStart = new int[assetCount + 1];
        edgeSource = new int[edgeCount];
        edgeTarget = new int[edgeCount];
        edgeFlow = new Entity[edgeCount];
        passedDevice = new int[passedCount];
        passedEdgeIn = new int[passedCount];
        passedEdgeOut = new int[passedCount];

        // The hops out of the assets first, in search order; the hops out of passed devices after them.
        var edge = 0;
        var passedEdge = chains.Count;
        var passed = 0;
        foreach (var chain in order)
        {
            var flow = chains.Flows[chain];
            var stops = chains.StopsOf(chain);
            var node = stops[0];
            edgeStart[node + 1]++;
            for (var i = 1; i < stops.Length; i++)
            {
                var last = i == stops.Length - 1;
                var next = last ? stops[i] : assetCount + passed;
                var hop = i == 1 ? edge++ : passedEdge++;
                (edgeSource[hop], edgeTarget[hop], edgeFlow[hop]) = (node, next, flow);
                if (node >= assetCount)
                {
                    passedEdgeOut[node - assetCount] = hop;
                }

                if (!last)
                {
                    passedDevice[passed] = stops[i];
                    passedEdgeIn[passed] = hop;
                    passed++;
                }

                node = next;
            }
        }

        for (var i = 0; i < assetCount; i++)
        {
            edgeStart[i + 1] += edgeStart[i];
        }

        scratch = new SearchScratch(assetCount + passedCount);
    }

    /// <summary>
    /// The chains in the order a search takes their first hops: by the asset they leave, then by the number of
    /// their next stop, then by flow id. Counted into one bucket per asset, so only each asset's own few hops are
    /// sorted, on integers.
    /// </summary>
    private static int[] SearchOrder(Chains chains, int assetCount, int[] flowRanks)
    {
        var bucketStart = new int[assetCount + 1];
        for (var chain = 0; chain < chains.Count; chain++)
        {
            bucketStart[chains.StopsOf(chain)[0] + 1]++;
        }

        for (var i = 0; i < assetCount; i++)
        {
            bucketStart[i + 1] += bucketStart[i];
        }

        var order = new int[chains.Count];
        var keys = new long[chains.Count];
        var filled = bucketStart[..^1];
        for (var chain = 0; chain < chains.Count; chain++)
        {
            var stops = chains.StopsOf(chain);
            var slot = filled[stops[0]]++;
            order[slot] = chain;
            keys[slot] = ((long)stops[1] << 32) | (uint)flowRanks[chains.Flows[chain].Ordinal];
        }

        for (var asset = 0; asset < assetCount; asset++)
        {
            var (from, count) = (bucketStart[asset], bucketStart[asset + 1] - bucketStart[asset]);
            if (count > 1)
            {
                // Equal keys are the two directions of one flow that leave and reach the same stops: either order gives the same routes.
                Array.Sort(keys, order, from, count);
            }
        }

        return order;
    }

    /// <summary>Each flow's rank in id order, by its ordinal.</summary>
    private static int[] FlowRanks(IReadOnlyList<Entity> flows)
    {
        var ranks = new int[flows.Count];
        var inOrder = true;
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = i;
            inOrder &= i == 0 || string.CompareOrdinal(flows[i - 1].Id, flows[i].Id) <= 0;
        }

        if (!inOrder)
        {
            var ids = flows.Select(flow => flow.Id).ToArray();
            var ordinals = ranks.ToArray();
            Array.Sort(ids, ordinals, StringComparer.Ordinal);
            for (var rank = 0; rank < ordinals.Length; rank++)
            {
                ranks[ordinals[rank]] = rank;
            }
        }

        return ranks;
    }

    /// <summary>
    /// Breadth-first search from every source at once. An avoided asset can be reached (as an end point) but
    /// is never passed through, and a flow that passes an avoided device is not used past it.
    /// </summary>
    public Reached Search(IEnumerable<int> sources, Func<int, bool> isAvoided)
    {
        var reached = new Reached.Builder(scratch);
        queue.Clear();
        foreach (var source in sources.Order())
        {
            if (reached.Mark(source))
            {
                reached.Append(source, 0, -1);
                queue.Add((source, 0));
            }
        }

        for (var head = 0; head < queue.Count; head++)
        {
            var (node, distance) = queue[head];
            if (node >= assetCount)
            {
                var passed = node - assetCount;
                if (!isAvoided(passedDevice[passed]))
                {
                    Visit(passedEdgeOut[passed], distance + 1);
                }
            }
            else if (distance == 0 || !isAvoided(node))
            {
                for (var edge = edgeStart[node]; edge < edgeStart[node + 1]; edge++)
                {
                    Visit(edge, distance + 1);
                }
            }
        }

        return reached.Build();

        void Visit(int edge, int distance)
        {
            var target = edgeTarget[edge];
            if (reached.Mark(target))
            {
                if (target < assetCount)
                {
                    reached.Append(target, distance, edge);
                }

                queue.Add((target, distance));
            }
        }
    }

    /// <summary>The nearest reached target (ties by id) and the path to it, or null.</summary>
    public PathValue? PathTo(Reached reached, IEnumerable<int> targets)
    {
        var target = reached.Nearest(targets);
        if (target < 0)
        {
            return null;
        }

        var length = reached.DistanceOf(target);
        var path = new Entity[length + 1];
        var flows = new Entity[length];
        var node = target;
        for (var i = length; i > 0; i--)
        {
            var edge = node < assetCount ? reached.LinkOf(node) : passedEdgeIn[node - assetCount];
            path[i] = AssetOf(node);
            flows[i - 1] = edgeFlow[edge];
            node = edgeSource[edge];
        }

        path[0] = assets[node];
        return PathValue.OfFlows(path, flows);
    }

    private Entity AssetOf(int node) => assets[node < assetCount ? node : passedDevice[node - assetCount]];

    /// <summary>
    /// Each direction a flow runs in as its stops, source and target included, all in one array; a flow without
    /// both ends opens no session and is left out, and a stop that repeats the one before it is dropped.
    /// </summary>
    private sealed class Chains
    {
        private readonly List<int> stops;
        private readonly List<int> starts;

        public Chains(SiteModel site, AssetIndex assets)
        {
            var flows = site.OfKind(EntityKind.Flow);
            Flows = new List<Entity>(flows.Count * 2);
            stops = new List<int>(flows.Count * 6);
            starts = new List<int>(flows.Count * 2 + 1) { 0 };
            var (fromSlot, toSlot) = (TopologySchema.Flow["from"].Slot, TopologySchema.Flow["to"].Slot);
            var passes = TopologySchema.Flow["passes"].Slot;
            var direction = TopologySchema.Flow["direction"].Slot;
            foreach (var flow in flows)
            {
                if (flow[fromSlot] is not Entity from || flow[toSlot] is not Entity to
                    || !assets.TryNumber(from, out var source) || !assets.TryNumber(to, out var target))
                {
                    continue;
                }

                var first = stops.Count;
                stops.Add(source);
                var devices = flow[passes] as IReadOnlyList<Entity> ?? [];
                for (var i = 0; i < devices.Count; i++)
                {
                    if (assets.TryNumber(devices[i], out var number) && number != stops[^1])
                    {
                        stops.Add(number);
                    }
                }

                if (target != stops[^1])
                {
                    stops.Add(target);
                }

                var length = stops.Count - first;
                if (length < 2)
                {
                    stops.RemoveAt(first);
                    continue;
                }

                Flows.Add(flow);
                starts.Add(stops.Count);
                if (flow[direction] is "bidirectional")
                {
                    for (var i = first + length - 1; i >= first; i--)
                    {
                        stops.Add(stops[i]);
                    }

                    Flows.Add(flow);
                    starts.Add(stops.Count);
                }
            }
        }

        /// <summary>The flow of each chain.</summary>
        public List<Entity> Flows { get; }

        public int Count => Flows.Count;

        /// <summary>The stops of every chain together.</summary>
        public int StopCount => stops.Count;

        public ReadOnlySpan<int> StopsOf(int chain) =>
            CollectionsMarshal.AsSpan(stops)[starts[chain]..starts[chain + 1]];
    }
}
