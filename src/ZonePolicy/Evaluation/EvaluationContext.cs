using ZonePolicy.Binding;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>The slots of one rule's (or constant's) variables while it is evaluated.</summary>
internal sealed class Frame(int size, EvaluationContext context, int[]? bindingSlots = null)
{
    public object?[] Slots { get; } = new object?[size];

    public EvaluationContext Context { get; } = context;

    /// <summary>The entities the rule's <c>for</c> clauses are bound to now; none in a constant's frame.</summary>
    public IEnumerable<Entity> Bindings => (bindingSlots ?? []).Select(slot => Slots[slot]).OfType<Entity>();

    /// <summary>The last path a <c>path</c> or <c>reachable</c> found: a violation's witness.</summary>
    public PathValue? LastPath { get; set; }
}

/// <summary>Everything one site's evaluation shares: the model, today, constants, the graph and its searches.</summary>
internal sealed class EvaluationContext(SiteModel site, DateOnly today, CompiledProgram program, long budget)
{
    private const int SearchCacheLimit = 256;

    private readonly object?[] constants = new object?[program.Constants.Count];
    private readonly bool[] constantReady = new bool[program.Constants.Count];
    private readonly Dictionary<SearchKey, SiteGraph.SearchResult> searches = [];
    private readonly Dictionary<AvoidKey, sbyte[]> avoided = [];
    private SiteGraph? graph;

    public SiteModel Site { get; } = site;

    public object Today { get; } = today;

    public SiteGraph Graph => graph ??= new SiteGraph(Site);

    public EvaluationMonitor Monitor { get; } = new(budget);

    public object? Constant(int index)
    {
        if (!constantReady[index])
        {
            var constant = program.Constants[index];
            constants[index] = constant.Evaluate(new Frame(constant.FrameSize, this));
            constantReady[index] = true;
        }

        return constants[index];
    }

    /// <summary>
    /// The shortest path for one <c>path</c> site: searches are shared by every evaluation with the same
    /// source and the same values of the variables the avoid predicate reads.
    /// </summary>
    public PathValue? FindPath(BoundPath site, Evaluator? avoid, Entity from, Entity to, Frame frame)
    {
        var dependencies = site.AvoidDependsOn.Count == 0 ? [] : site.AvoidDependsOn.Select(v => frame.Slots[v.Slot]).ToArray();
        var key = new SearchKey(site.SiteId, from, dependencies);
        if (!searches.TryGetValue(key, out var result))
        {
            if (searches.Count >= SearchCacheLimit)
            {
                searches.Clear();
            }

            Monitor.Spend(Graph.AssetCount);
            var sources = AssetsOf(from).Select(a => Graph.TryNumber(a, out var n) ? n : -1).Where(n => n >= 0);
            result = Graph.Search(sources, AvoidTest(site, avoid, dependencies, frame));
            searches.Add(key, result);
        }

        return result.PathTo(AssetsOf(to));
    }

    private Func<int, bool> AvoidTest(BoundPath site, Evaluator? avoid, object?[] dependencies, Frame frame)
    {
        if (avoid is null || site.AvoidVariable is not { } variable)
        {
            return _ => false;
        }

        var key = new AvoidKey(site.SiteId, dependencies);
        if (!avoided.TryGetValue(key, out var states))
        {
            states = new sbyte[Graph.AssetCount];
            avoided.Add(key, states);
        }

        var graph = Graph;
        return number =>
        {
            if (states[number] == 0)
            {
                var saved = frame.Slots[variable.Slot];
                frame.Slots[variable.Slot] = graph.AssetAt(number);
                states[number] = avoid(frame) is true ? (sbyte)1 : (sbyte)-1;
                frame.Slots[variable.Slot] = saved;
            }

            return states[number] > 0;
        };
    }

    private static IEnumerable<Entity> AssetsOf(Entity endpoint) =>
        endpoint.Kind == EntityKind.Zone
            ? endpoint["assets"] as IReadOnlyList<Entity> ?? []
            : [endpoint];

    private readonly record struct SearchKey(int Site, Entity Source, object?[] Dependencies)
    {
        public bool Equals(SearchKey other) =>
            Site == other.Site && ReferenceEquals(Source, other.Source) && SameValues(Dependencies, other.Dependencies);

        public override int GetHashCode() => HashCode.Combine(Site, Source, HashOf(Dependencies));
    }

    private readonly record struct AvoidKey(int Site, object?[] Dependencies)
    {
        public bool Equals(AvoidKey other) => Site == other.Site && SameValues(Dependencies, other.Dependencies);

        public override int GetHashCode() => HashCode.Combine(Site, HashOf(Dependencies));
    }

    private static int HashOf(object?[] values)
    {
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(value is Entity entity ? entity.Id : value?.ToString());
        }

        return hash.ToHashCode();
    }

    private static bool SameValues(object?[] a, object?[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => Operations.ValuesEqual(p.First, p.Second, monitor: null));
}
