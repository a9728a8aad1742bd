namespace ZonePolicy.Evaluation;

/// <summary>
/// The k shortest attack routes from a set of assets to another: routes differ in the permissions they use,
/// so two routes are never the same rules reaching two machines of one zone. A route is a sequence of
/// permissions (edges of the <see cref="PermittedGraph"/>) where each permission reaches an asset that may
/// start the next; it is found with Yen's algorithm over the permissions, and shown by a witness whose
/// assets are the lowest ids that fit, chosen from the target back. Intermediate assets are neither sources
/// nor targets nor avoided.
/// </summary>
internal sealed class AttackRoutes
{
    private const int VirtualStart = -1;

    private readonly PermittedGraph graph;
    private readonly HashSet<int> sources;
    private readonly HashSet<int> targets;
    private readonly Func<int, bool> isAvoided;
    private readonly ServiceFilter filter;

    public AttackRoutes(PermittedGraph graph, IEnumerable<int> sources, IEnumerable<int> targets, Func<int, bool> isAvoided, ServiceFilter filter)
    {
        this.graph = graph;
        this.sources = [.. sources];
        this.targets = [.. targets.Where(t => !this.sources.Contains(t))];
        this.isAvoided = isAvoided;
        this.filter = filter;
    }

    /// <summary>Up to <paramref name="count"/> routes, shortest first (ties by the order of their permissions), as paths.</summary>
    public IReadOnlyList<PathValue> Shortest(int count)
    {
        var found = new List<int[]>();
        var paths = new List<PathValue>();
        var candidates = new SortedSet<int[]>(RouteOrder.Instance);
        if (Route(VirtualStart, [], []) is not { } first)
        {
            return paths;
        }

        candidates.Add(first);
        // A route whose witness cannot be drawn still yields the routes that branch from it; the cap keeps
        // a site full of such routes from running long.
        for (var rounds = 0; paths.Count < count && candidates.Count > 0 && rounds < count * 8; rounds++)
        {
            var route = candidates.Min!;
            candidates.Remove(route);
            found.Add(route);
            if (Witness(route) is { } path)
            {
                paths.Add(path);
            }

            foreach (var candidate in Deviations(route, found))
            {
                candidates.Add(candidate);
            }
        }

        return paths;
    }

    /// <summary>Yen's step: for each prefix of the route, the shortest route that shares the prefix and then leaves every found route.</summary>
    private IEnumerable<int[]> Deviations(int[] route, List<int[]> found)
    {
        for (var i = 0; i < route.Length; i++)
        {
            var root = route[..i];
            var blockedNext = found.Where(r => r.Length > i && r.AsSpan(0, i).SequenceEqual(root)).Select(r => r[i]).ToHashSet();
            var removed = root.ToHashSet();
            if (Route(i == 0 ? VirtualStart : root[^1], removed, blockedNext) is { } spur)
            {
                yield return [.. root, .. spur];
            }
        }
    }

    /// <summary>
    /// The shortest sequence of permissions from <paramref name="spur"/> (the sources when virtual) to one that
    /// reaches a target, without the permissions in <paramref name="removed"/>, and not starting with one in
    /// <paramref name="blockedNext"/>; null when there is none.
    /// </summary>
    private int[]? Route(int spur, HashSet<int> removed, HashSet<int> blockedNext)
    {
        var parent = new Dictionary<int, int>();
        var queue = new Queue<int>();
        foreach (var edge in FirstSteps(spur))
        {
            if (!removed.Contains(edge) && !blockedNext.Contains(edge) && parent.TryAdd(edge, VirtualStart))
            {
                queue.Enqueue(edge);
            }
        }

        var scanned = new HashSet<int>();
        while (queue.TryDequeue(out var edge))
        {
            if (graph.ReachesOf(edge).Any(targets.Contains))
            {
                var route = new List<int>();
                for (var e = edge; e != VirtualStart; e = parent[e])
                {
                    route.Add(e);
                }

                route.Reverse();
                return [.. route];
            }

            foreach (var next in Successors(edge, scanned))
            {
                if (!removed.Contains(next) && parent.TryAdd(next, edge))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    private IEnumerable<int> FirstSteps(int spur)
    {
        if (spur != VirtualStart)
        {
            return Successors(spur, []);
        }

        return sources.Order().SelectMany(graph.EdgesFrom).Where(e => graph.Admits(e, filter)).Distinct();
    }

    /// <summary>The permissions an asset reached by <paramref name="edge"/> may go on with; each asset is looked at once per search.</summary>
    private IEnumerable<int> Successors(int edge, HashSet<int> scanned)
    {
        foreach (var asset in graph.ReachesOf(edge))
        {
            if (IsPivot(asset) && scanned.Add(asset))
            {
                foreach (var next in graph.EdgesFrom(asset))
                {
                    if (graph.Admits(next, filter))
                    {
                        yield return next;
                    }
                }
            }
        }
    }

    private bool IsPivot(int asset) => !sources.Contains(asset) && !targets.Contains(asset) && !isAvoided(asset);

    /// <summary>The route drawn with real assets, the lowest ids that fit from the target back; null when none fit.</summary>
    private PathValue? Witness(int[] route)
    {
        var chosen = new int[route.Length + 1];
        var used = new HashSet<int>();
        for (var i = route.Length; i >= 0; i--)
        {
            var candidates = i == route.Length
                ? graph.ReachesOf(route[^1]).Where(targets.Contains)
                : i == 0
                    ? graph.StartsOf(route[0]).Where(sources.Contains)
                    : graph.ReachesOf(route[i - 1]).Where(a => IsPivot(a) && graph.Starts(route[i], a));
            var pick = candidates.Where(a => !used.Contains(a)).DefaultIfEmpty(-1).First();
            if (pick < 0)
            {
                return null;
            }

            chosen[i] = pick;
            used.Add(pick);
        }

        var hops = new PermittedHop[route.Length];
        for (var i = 0; i < route.Length; i++)
        {
            hops[i] = graph.HopAcross(route[i], chosen[i], chosen[i + 1]);
        }

        return PathValue.OfPermissions(graph.Network.Assets[chosen[0]], hops);
    }

    /// <summary>Shorter routes first, then by their permissions in the order the graph numbers them.</summary>
    private sealed class RouteOrder : IComparer<int[]>
    {
        public static readonly RouteOrder Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            var order = x!.Length.CompareTo(y!.Length);
            return order != 0 ? order : x.AsSpan().SequenceCompareTo(y);
        }
    }
}
