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
        var chains = Chains(site, assets);
        var firstHops = new (int From, int Next, int Chain)[chains.Count];
        var passedCount = 0;
        for (var i = 0; i < chains.Count; i++)
        {
            var stops = chains[i].Stops;
            firstHops[i] = (stops[0], stops[1], i);
            passedCount += stops.Length - 2;
        }

        Array.Sort(firstHops, (x, y) =>
        {
            var byFrom = x.From.CompareTo(y.From);
            var byNext = byFrom != 0 ? byFrom : x.Next.CompareTo(y.Next);
            return byNext != 0 ? byNext : string.CompareOrdinal(chains[x.Chain].Flow.Id, chains[y.Chain].Flow.Id);
        });

        var edgeCount = firstHops.Length + passedCount;
        edgeStart = new int[assetCount + 1];
        edgeSource = new int[edgeCount];
        edgeTarget = new int[edgeCount];
        edgeFlow = new Entity[edgeCount];
        passedDevice = new int[passedCount];
        passedEdgeIn = new int[passedCount];
        passedEdgeOut = new int[passedCount];

        // The hops out of the assets first, in search order; the hops out of passed devices after them.
        var edge = 0;
        var passedEdge = firstHops.Length;
        var passed = 0;
        foreach (var (_, _, chain) in firstHops)
        {
            var (flow, stops) = chains[chain];
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
    /// Each direction a flow runs in as its stops, source and target included; a flow without both ends
    /// opens no session and is left out, and a stop that repeats the one before it is dropped.
    /// </summary>
    private static List<(Entity Flow, int[] Stops)> Chains(SiteModel site, AssetIndex assets)
    {
        var chains = new List<(Entity Flow, int[] Stops)>();
        var passes = TopologySchema.Flow["passes"].Slot;
        var direction = TopologySchema.Flow["direction"].Slot;
        var stops = new List<int>();
        foreach (var flow in site.OfKind(EntityKind.Flow))
        {
            if (flow["from"] is not Entity from || flow["to"] is not Entity to
                || !assets.TryNumber(from, out var source) || !assets.TryNumber(to, out var target))
            {
                continue;
            }

            stops.Clear();
            stops.Add(source);
            foreach (var device in flow[passes] as IReadOnlyList<Entity> ?? [])
            {
                if (assets.TryNumber(device, out var number) && number != stops[^1])
                {
                    stops.Add(number);
                }
            }

            if (target != stops[^1])
            {
                stops.Add(target);
            }

            if (stops.Count < 2)
            {
                continue;
            }

            chains.Add((flow, stops.ToArray()));
            if (flow[direction] is "bidirectional")
            {
                stops.Reverse();
                chains.Add((flow, stops.ToArray()));
            }
        }

        return chains;
    }
}
