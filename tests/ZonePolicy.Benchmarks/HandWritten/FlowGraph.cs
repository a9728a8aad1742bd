using System.Text;
using ZonePolicy.Topology;
using ZonePolicy.Types;
using static ZonePolicy.Benchmarks.HandWritten.Slots;

namespace ZonePolicy.Benchmarks.HandWritten;

/// <summary>
/// The hand-written reachability: assets numbered in id order, and one node more for each device a flow
/// passes (<c>via</c>, or its conduit's boundary) in each direction it runs, so that a route changes flows
/// only at their ends. Edges out of an asset are sorted by the next stop, then by flow id, so that a
/// breadth-first search finds the same shortest path as the language's <c>path</c>.
/// </summary>
internal sealed class FlowGraph
{
    private readonly Entity[] assets;
    private readonly Dictionary<Entity, int> numbers;
    private readonly int[] firstEdge;
    private readonly int[] edgeTarget;
    private readonly List<int> passedDevice = [];
    private readonly List<int> passedNext = [];

    public FlowGraph(SiteModel site)
    {
        assets = site.OfKind(EntityKind.Asset).OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();
        numbers = new Dictionary<Entity, int>(assets.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < assets.Length; i++)
        {
            numbers[assets[i]] = i;
        }

        var starts = new List<(int From, int Next, string Flow)>();
        var stops = new List<int>();
        foreach (var flow in site.OfKind(EntityKind.Flow))
        {
            if (!(flow[FlowFrom] is Entity from && numbers.TryGetValue(from, out var source)
                && flow[FlowTo] is Entity to && numbers.TryGetValue(to, out var target)))
            {
                continue;
            }

            stops.Clear();
            stops.Add(source);
            var devices = flow[FlowVia] as IReadOnlyList<object?>;
            if ((devices is null || devices.Count == 0) && flow[FlowConduit] is Entity conduit)
            {
                devices = conduit[ConduitBoundary] as IReadOnlyList<object?>;
            }

            foreach (var device in devices ?? [])
            {
                if (device is Entity entity && numbers.TryGetValue(entity, out var number) && number != stops[^1])
                {
                    stops.Add(number);
                }
            }

            if (target != stops[^1])
            {
                stops.Add(target);
            }

            if (stops.Count > 1)
            {
                starts.Add((stops[0], Chain(stops), flow.Id));
                if (flow[FlowDirection] is "bidirectional")
                {
                    stops.Reverse();
                    starts.Add((stops[0], Chain(stops), flow.Id));
                }
            }
        }

        starts.Sort((x, y) =>
        {
            var byFrom = x.From.CompareTo(y.From);
            var byNext = byFrom != 0 ? byFrom : Stop(x.Next).CompareTo(Stop(y.Next));
            return byNext != 0 ? byNext : string.CompareOrdinal(x.Flow, y.Flow);
        });

        firstEdge = new int[assets.Length + 1];
        edgeTarget = new int[starts.Count];
        for (var i = 0; i < starts.Count; i++)
        {
            firstEdge[starts[i].From + 1]++;
            edgeTarget[i] = starts[i].Next;
        }

        for (var i = 0; i < assets.Length; i++)
        {
            firstEdge[i + 1] += firstEdge[i];
        }
    }

    private int NodeCount => assets.Length + passedDevice.Count;

    /// <summary>A search that never passes through an asset <paramref name="avoid"/> holds for.</summary>
    public Search Avoiding(Func<Entity, bool> avoid) => new(this, assets.Select(avoid).ToArray());

    /// <summary>Adds a node for each device the stops pass; returns the node after the first stop.</summary>
    private int Chain(List<int> stops)
    {
        var next = stops[^1];
        for (var i = stops.Count - 2; i > 0; i--)
        {
            passedDevice.Add(stops[i]);
            passedNext.Add(next);
            next = assets.Length + passedDevice.Count - 1;
        }

        return next;
    }

    private int Stop(int node) => node < assets.Length ? node : passedDevice[node - assets.Length];

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
            distance = new int[graph.NodeCount];
            parent = new int[graph.NodeCount];
            queue = new int[graph.NodeCount];
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
                if (current >= graph.assets.Length)
                {
                    var passed = current - graph.assets.Length;
                    if (!avoided[graph.passedDevice[passed]])
                    {
                        Visit(current, graph.passedNext[passed], ref tail);
                    }
                }
                else if (distance[current] == 0 || !avoided[current])
                {
                    for (var edge = graph.firstEdge[current]; edge < graph.firstEdge[current + 1]; edge++)
                    {
                        Visit(current, graph.edgeTarget[edge], ref tail);
                    }
                }
            }

            reached = tail;
        }

        private void Visit(int current, int next, ref int tail)
        {
            if (distance[next] < 0)
            {
                distance[next] = distance[current] + 1;
                parent[next] = current;
                queue[tail++] = next;
            }
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
            foreach (var node in path)
            {
                text.Append(text.Length == 0 ? "" : " -> ").Append(graph.assets[graph.Stop(node)].Id);
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
