using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>
/// The declared flows of a site as a directed graph of assets whose edges are flow hops: from a flow's
/// source through each device it passes (<c>flow.passes</c>) to its target, and back for a bidirectional
/// flow. Assets are numbered in id order and edges sorted by target id, so a breadth-first search meets
/// ties in id order and shortest paths are deterministic.
/// </summary>
internal sealed class SiteGraph
{
    private readonly AssetIndex assets;
    private readonly int[] edgeStart;
    private readonly int[] edgeSource;
    private readonly int[] edgeTarget;
    private readonly Entity[] edgeFlow;
    private readonly SearchScratch scratch;

    /// <summary>Every attribute the graph is built from; a change to none of them leaves every path as it was.</summary>
    public static readonly IReadOnlyList<(EntityKind Kind, string Attribute)> Reads =
    [
        (EntityKind.Flow, "from"), (EntityKind.Flow, "to"), (EntityKind.Flow, "passes"), (EntityKind.Flow, "direction"),
    ];

    public SiteGraph(SiteModel site, AssetIndex assets)
    {
        this.assets = assets;
        var hops = new List<(int From, int To, Entity Flow)>();
        var passes = TopologySchema.Flow["passes"].Slot;
        var direction = TopologySchema.Flow["direction"].Slot;
        foreach (var flow in site.OfKind(EntityKind.Flow))
        {
            var stops = new List<Entity>();
            if (flow["from"] is Entity from)
            {
                stops.Add(from);
            }

            stops.AddRange(flow[passes] as IReadOnlyList<Entity> ?? []);
            if (flow["to"] is Entity to)
            {
                stops.Add(to);
            }

            var bidirectional = flow[direction] is "bidirectional";
            for (var i = 0; i + 1 < stops.Count; i++)
            {
                if (assets.TryNumber(stops[i], out var a) && assets.TryNumber(stops[i + 1], out var b) && a != b)
                {
                    hops.Add((a, b, flow));
                    if (bidirectional)
                    {
                        hops.Add((b, a, flow));
                    }
                }
            }
        }

        hops.Sort((x, y) =>
        {
            var byFrom = x.From.CompareTo(y.From);
            var byTo = byFrom != 0 ? byFrom : x.To.CompareTo(y.To);
            return byTo != 0 ? byTo : string.CompareOrdinal(x.Flow.Id, y.Flow.Id);
        });

        edgeStart = new int[assets.Count + 1];
        edgeSource = new int[hops.Count];
        edgeTarget = new int[hops.Count];
        edgeFlow = new Entity[hops.Count];
        for (var i = 0; i < hops.Count; i++)
        {
            edgeStart[hops[i].From + 1]++;
            edgeSource[i] = hops[i].From;
            edgeTarget[i] = hops[i].To;
            edgeFlow[i] = hops[i].Flow;
        }

        for (var i = 0; i < assets.Count; i++)
        {
            edgeStart[i + 1] += edgeStart[i];
        }

        scratch = new SearchScratch(assets.Count);
    }

    /// <summary>
    /// Breadth-first search from every source at once. An avoided asset can be reached (as an end point)
    /// but is never passed through.
    /// </summary>
    public Reached Search(IEnumerable<int> sources, Func<int, bool> isAvoided)
    {
        var reached = new Reached.Builder(scratch);
        foreach (var source in sources.Order())
        {
            reached.TryAdd(source, 0, -1);
        }

        for (var head = 0; head < reached.Count; head++)
        {
            var current = reached.NodeAt(head);
            var distance = reached.DistanceAt(head);
            if (distance > 0 && isAvoided(current))
            {
                continue;
            }

            for (var edge = edgeStart[current]; edge < edgeStart[current + 1]; edge++)
            {
                reached.TryAdd(edgeTarget[edge], distance + 1, edge);
            }
        }

        return reached.Build();
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
        var current = target;
        for (var i = length; i > 0; i--)
        {
            var edge = reached.LinkOf(current);
            path[i] = assets[current];
            flows[i - 1] = edgeFlow[edge];
            current = edgeSource[edge];
        }

        path[0] = assets[current];
        return PathValue.OfFlows(path, flows);
    }
}
