using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>
/// The assets of a site as a directed graph whose edges are flow hops: from a flow's source through each
/// <c>via</c> device (or, without <c>via</c>, its conduit's boundary devices) to its target, and back for a
/// bidirectional flow. Assets are numbered in id order and edges sorted by target id, so a breadth-first
/// search meets ties in id order and shortest paths are deterministic.
/// </summary>
internal sealed class SiteGraph
{
    private readonly Entity[] assets;
    private readonly Dictionary<Entity, int> numbers;
    private readonly int[] edgeStart;
    private readonly int[] edgeTarget;
    private readonly Entity[] edgeFlow;

    public SiteGraph(SiteModel site)
    {
        assets = site.OfKind(EntityKind.Asset).OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();
        numbers = new Dictionary<Entity, int>(assets.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < assets.Length; i++)
        {
            numbers[assets[i]] = i;
        }

        var hops = new List<(int From, int To, Entity Flow)>();
        var via = TopologySchema.Flow["via"].Slot;
        var conduitSlot = TopologySchema.Flow["conduit"].Slot;
        var boundary = TopologySchema.Conduit["boundary"].Slot;
        var direction = TopologySchema.Flow["direction"].Slot;
        foreach (var flow in site.OfKind(EntityKind.Flow))
        {
            var stops = new List<Entity>();
            if (flow["from"] is Entity from)
            {
                stops.Add(from);
            }

            var devices = flow[via] as IReadOnlyList<Entity>;
            if ((devices is null || devices.Count == 0) && flow[conduitSlot] is Entity conduit)
            {
                devices = conduit[boundary] as IReadOnlyList<Entity>;
            }

            stops.AddRange(devices ?? []);
            if (flow["to"] is Entity to)
            {
                stops.Add(to);
            }

            var bidirectional = flow[direction] is "bidirectional";
            for (var i = 0; i + 1 < stops.Count; i++)
            {
                if (numbers.TryGetValue(stops[i], out var a) && numbers.TryGetValue(stops[i + 1], out var b) && a != b)
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

        edgeStart = new int[assets.Length + 1];
        edgeTarget = new int[hops.Count];
        edgeFlow = new Entity[hops.Count];
        for (var i = 0; i < hops.Count; i++)
        {
            edgeStart[hops[i].From + 1]++;
            edgeTarget[i] = hops[i].To;
            edgeFlow[i] = hops[i].Flow;
        }

        for (var i = 0; i < assets.Length; i++)
        {
            edgeStart[i + 1] += edgeStart[i];
        }
    }

    public int AssetCount => assets.Length;

    public Entity AssetAt(int number) => assets[number];

    public bool TryNumber(Entity asset, out int number) => numbers.TryGetValue(asset, out number);

    /// <summary>
    /// Breadth-first search from every source at once. An avoided asset can be reached (as an end point)
    /// but is never passed through.
    /// </summary>
    public SearchResult Search(IEnumerable<int> sources, Func<int, bool> isAvoided)
    {
        var distance = new int[assets.Length];
        var parentEdge = new int[assets.Length];
        Array.Fill(distance, -1);
        var queue = new int[assets.Length];
        int head = 0, tail = 0;
        foreach (var source in sources.Order())
        {
            if (distance[source] < 0)
            {
                distance[source] = 0;
                parentEdge[source] = -1;
                queue[tail++] = source;
            }
        }

        while (head < tail)
        {
            var current = queue[head++];
            if (distance[current] > 0 && isAvoided(current))
            {
                continue;
            }

            for (var edge = edgeStart[current]; edge < edgeStart[current + 1]; edge++)
            {
                var next = edgeTarget[edge];
                if (distance[next] < 0)
                {
                    distance[next] = distance[current] + 1;
                    parentEdge[next] = edge;
                    queue[tail++] = next;
                }
            }
        }

        return new SearchResult(this, distance, parentEdge);
    }

    /// <summary>Which assets one search reached, how far away, and by which edge.</summary>
    internal sealed class SearchResult(SiteGraph graph, int[] distance, int[] parentEdge)
    {
        /// <summary>The nearest reached target (ties by id), or null.</summary>
        public PathValue? PathTo(IEnumerable<Entity> targets)
        {
            var best = -1;
            foreach (var target in targets)
            {
                if (graph.TryNumber(target, out var number) && distance[number] >= 0
                    && (best < 0 || distance[number] < distance[best] || (distance[number] == distance[best] && number < best)))
                {
                    best = number;
                }
            }

            return best < 0 ? null : Reconstruct(best);
        }

        private PathValue Reconstruct(int target)
        {
            var length = distance[target];
            var path = new Entity[length + 1];
            var flows = new Entity[length];
            var current = target;
            for (var i = length; i > 0; i--)
            {
                var edge = parentEdge[current];
                path[i] = graph.assets[current];
                flows[i - 1] = graph.edgeFlow[edge];
                current = graph.SourceOf(edge);
            }

            path[0] = graph.assets[current];
            return new PathValue(path, flows);
        }
    }

    private int SourceOf(int edge)
    {
        // Edges are grouped by source: find the group that holds this edge.
        int low = 0, high = assets.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (edgeStart[middle] <= edge)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
