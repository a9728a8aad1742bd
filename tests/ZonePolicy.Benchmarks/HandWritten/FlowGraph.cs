using System.Text;
using ZonePolicy.Topology;
using ZonePolicy.Types;
using static ZonePolicy.Benchmarks.HandWritten.Slots;

namespace ZonePolicy.Benchmarks.HandWritten;

/// <summary>
/// The hand-written reachability: assets numbered in id order, one edge per hop of a flow (through its
/// <c>via</c> devices, or its conduit's boundary), both ways for a bidirectional flow, edges sorted by
/// target so that a breadth-first search finds the same shortest path as the language's <c>path</c>.
/// </summary>
internal sealed class FlowGraph
{
    private readonly Entity[] assets;
    private readonly Dictionary<Entity, int> numbers;
    private readonly int[] firstEdge;
    private readonly int[] edgeTarget;

    public FlowGraph(SiteModel site)
    {
        assets = site.OfKind(EntityKind.Asset).OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();
        numbers = new Dictionary<Entity, int>(assets.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < assets.Length; i++)
        {
            numbers[assets[i]] = i;
        }

        var hops = new List<(int From, int To, string Flow)>();
        var stops = new List<int>();
        foreach (var flow in site.OfKind(EntityKind.Flow))
        {
            stops.Clear();
            AddStop(stops, flow[FlowFrom]);
            var devices = flow[FlowVia] as IReadOnlyList<object?>;
            if ((devices is null || devices.Count == 0) && flow[FlowConduit] is Entity conduit)
            {
                devices = conduit[ConduitBoundary] as IReadOnlyList<object?>;
            }

            foreach (var device in devices ?? [])
            {
                AddStop(stops, device);
            }

            AddStop(stops, flow[FlowTo]);
            var bidirectional = flow[FlowDirection] is "bidirectional";
            for (var i = 0; i + 1 < stops.Count; i++)
            {
                if (stops[i] != stops[i + 1])
                {
                    hops.Add((stops[i], stops[i + 1], flow.Id));
                    if (bidirectional)
                    {
                        hops.Add((stops[i + 1], stops[i], flow.Id));
                    }
                }
            }
        }

        hops.Sort((x, y) =>
        {
            var byFrom = x.From.CompareTo(y.From);
            var byTo = byFrom != 0 ? byFrom : x.To.CompareTo(y.To);
            return byTo != 0 ? byTo : string.CompareOrdinal(x.Flow, y.Flow);
        });

        firstEdge = new int[assets.Length + 1];
        edgeTarget = new int[hops.Count];
        for (var i = 0; i < hops.Count; i++)
        {
            firstEdge[hops[i].From + 1]++;
            edgeTarget[i] = hops[i].To;
        }

        for (var i = 0; i < assets.Length; i++)
        {
            firstEdge[i + 1] += firstEdge[i];
        }
    }

    /// <summary>A search that never passes through an asset <paramref name="avoid"/> holds for.</summary>
    public Search Avoiding(Func<Entity, bool> avoid) => new(this, assets.Select(avoid).ToArray());

    private void AddStop(List<int> stops, object? asset)
    {
        if (asset is Entity entity && numbers.TryGetValue(entity, out var number))
        {
            stops.Add(number);
        }
    }

    /// <summary>One breadth-first search at a time, its arrays reused from one source to the next.</summary>
    internal sealed class Search
    {
        private readonly FlowGraph graph;
        private readonly bool[] avoided;
        private readonly int[] distance;
        private readonly int[] parent;
        private readonly int[] queue;
        private readonly List<int> sources = [];
        private int reached;

        public Search(FlowGraph graph, bool[] avoided)
        {
            this.graph = graph;
            this.avoided = avoided;
            distance = new int[avoided.Length];
            parent = new int[avoided.Length];
            queue = new int[avoided.Length];
            Array.Fill(distance, -1);
        }

        public void From(IEnumerable<Entity> zoneAssets)
        {
            for (var i = 0; i < reached; i++)
            {
                distance[queue[i]] = -1;
            }

            sources.Clear();
            foreach (var asset in zoneAssets)
            {
                if (graph.numbers.TryGetValue(asset, out var number))
                {
                    sources.Add(number);
                }
            }

            sources.Sort();
            int head = 0, tail = 0;
            foreach (var source in sources)
            {
                if (distance[source] < 0)
                {
                    distance[source] = 0;
                    parent[source] = -1;
                    queue[tail++] = source;
                }
            }

            while (head < tail)
            {
                var current = queue[head++];
                if (distance[current] > 0 && avoided[current])
                {
                    continue;
                }

                for (var edge = graph.firstEdge[current]; edge < graph.firstEdge[current + 1]; edge++)
                {
                    var next = graph.edgeTarget[edge];
                    if (distance[next] < 0)
                    {
                        distance[next] = distance[current] + 1;
                        parent[next] = current;
                        queue[tail++] = next;
                    }
                }
            }

            reached = tail;
        }

        public bool Reaches(IEnumerable<Entity> zoneAssets) => Nearest(zoneAssets) >= 0;

        /// <summary>The shortest path to the nearest of the assets (ties by id) as <c>a -> b -> c</c>, or null.</summary>
        public string? PathTo(IEnumerable<Entity> zoneAssets)
        {
            var target = Nearest(zoneAssets);
            if (target < 0)
            {
                return null;
            }

            var path = new int[distance[target] + 1];
            for (int i = path.Length - 1, current = target; i >= 0; i--, current = parent[current])
            {
                path[i] = current;
            }

            var text = new StringBuilder();
            foreach (var number in path)
            {
                text.Append(text.Length == 0 ? "" : " -> ").Append(graph.assets[number].Id);
            }

            return text.ToString();
        }

        private int Nearest(IEnumerable<Entity> zoneAssets)
        {
            var best = -1;
            foreach (var asset in zoneAssets)
            {
                if (graph.numbers.TryGetValue(asset, out var number) && distance[number] >= 0
                    && (best < 0 || distance[number] < distance[best] || (distance[number] == distance[best] && number < best)))
                {
                    best = number;
                }
            }

            return best;
        }
    }
}
