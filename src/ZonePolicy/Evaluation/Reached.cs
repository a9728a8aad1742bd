namespace ZonePolicy.Evaluation;

/// <summary>
/// What one search from a set of sources found: each reached node with its distance and the link it was
/// reached by (an edge for the declared flows, the asset before it for permitted connectivity). It holds
/// the reached nodes only, so a search costs what it visits, not the size of the site.
/// </summary>
internal sealed class Reached
{
    private readonly Dictionary<int, int> indexOf;
    private readonly int[] distances;
    private readonly int[] links;

    private Reached(Dictionary<int, int> indexOf, int[] distances, int[] links)
    {
        this.indexOf = indexOf;
        this.distances = distances;
        this.links = links;
    }

    public int Count => distances.Length;

    /// <summary>The distance of a reached node, or -1.</summary>
    public int DistanceOf(int node) => indexOf.TryGetValue(node, out var i) ? distances[i] : -1;

    /// <summary>The link a reached node was reached by; -1 for a source.</summary>
    public int LinkOf(int node) => links[indexOf[node]];

    /// <summary>The nearest reached node of <paramref name="targets"/> (ties to the lowest number), or -1.</summary>
    public int Nearest(IEnumerable<int> targets)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        foreach (var target in targets)
        {
            var distance = DistanceOf(target);
            if (distance >= 0 && (distance < bestDistance || (distance == bestDistance && target < best)))
            {
                (best, bestDistance) = (target, distance);
            }
        }

        return best;
    }

    /// <summary>
    /// Collects a search's nodes in the order they are reached, marking them in a scratch area shared by every
    /// search over one graph; <see cref="Build"/> keeps only what was reached.
    /// </summary>
    internal sealed class Builder
    {
        private readonly SearchScratch scratch;
        private readonly List<int> nodes = [];
        private readonly List<int> distances = [];
        private readonly List<int> links = [];

        public Builder(SearchScratch scratch)
        {
            this.scratch = scratch;
            scratch.Begin();
        }

        public int Count => nodes.Count;

        public int NodeAt(int index) => nodes[index];

        public int DistanceAt(int index) => distances[index];

        /// <summary>True the first time a node is seen in this search.</summary>
        public bool Mark(int node) => scratch.Mark(node);

        public void Append(int node, int distance, int link)
        {
            nodes.Add(node);
            distances.Add(distance);
            links.Add(link);
        }

        public bool TryAdd(int node, int distance, int link)
        {
            if (!scratch.Mark(node))
            {
                return false;
            }

            Append(node, distance, link);
            return true;
        }

        public Reached Build()
        {
            var index = new Dictionary<int, int>(nodes.Count);
            for (var i = 0; i < nodes.Count; i++)
            {
                index[nodes[i]] = i;
            }

            return new Reached(index, distances.ToArray(), links.ToArray());
        }
    }
}

/// <summary>
/// Marks for the nodes of one graph, reused by each of its searches: a new search moves to a new epoch
/// instead of clearing, so a search that visits ten nodes of a large site touches ten marks.
/// Not thread-safe: one per graph, and a site is evaluated on one thread.
/// </summary>
internal sealed class SearchScratch(int size)
{
    private readonly int[] stamps = new int[size];
    private int epoch;

    public void Begin()
    {
        if (epoch == int.MaxValue)
        {
            Array.Clear(stamps);
            epoch = 0;
        }

        epoch++;
    }

    /// <summary>True the first time <paramref name="node"/> is marked in the current search.</summary>
    public bool Mark(int node)
    {
        if (stamps[node] == epoch)
        {
            return false;
        }

        stamps[node] = epoch;
        return true;
    }
}
