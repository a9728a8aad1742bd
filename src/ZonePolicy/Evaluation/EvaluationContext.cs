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

/// <summary>Everything one site's evaluation shares: the model, today, constants, the two graphs and their searches.</summary>
internal sealed class EvaluationContext(SiteModel site, DateOnly today, CompiledProgram program, long budget)
{
    private const int CacheLimit = 256;

    private readonly object?[] constants = new object?[program.Constants.Count];
    private readonly bool[] constantReady = new bool[program.Constants.Count];
    private readonly Dictionary<SearchKey, Reached> searches = [];
    private readonly Dictionary<int, sbyte[]> avoidedBySite = [];
    private readonly Dictionary<AvoidKey, Dictionary<int, bool>> avoidedByValues = [];
    private AssetIndex? assets;
    private SiteGraph? graph;
    private PermittedGraph? permitted;

    public SiteModel Site { get; } = site;

    public object Today { get; } = today;

    public AssetIndex Assets => assets ??= new AssetIndex(Site);

    /// <summary>The declared flows.</summary>
    public SiteGraph Graph => graph ??= new SiteGraph(Site, Assets);

    /// <summary>What the network permits.</summary>
    public PermittedGraph Permitted => permitted ??= new PermittedGraph(new PermittedNetwork(Site, Assets));

    public PermittedNetwork Network => Permitted.Network;

    /// <summary>
    /// Lets go of the site's graphs and the searches over them, when no rule left to evaluate in this context
    /// searches paths: a large site's graphs are tens of megabytes. Asked for again, they are built again.
    /// </summary>
    public void DropGraphs()
    {
        graph = null;
        permitted = null;
        searches.Clear();
        searches.TrimExcess();
        avoidedBySite.Clear();
        avoidedBySite.TrimExcess();
        avoidedByValues.Clear();
        avoidedByValues.TrimExcess();
    }

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
    /// The shortest path for one <c>path</c> site, on the graph the site names: searches are shared by every
    /// evaluation with the same source and the same values of the variables the avoid predicate reads.
    /// </summary>
    public PathValue? FindPath(BoundPath site, Evaluator? avoid, Entity from, Entity to, Frame frame)
    {
        var dependencies = site.AvoidDependsOn.Count == 0 ? [] : site.AvoidDependsOn.Select(v => frame.Slots[v.Slot]).ToArray();
        var key = new SearchKey(site.SiteId, from, dependencies);
        if (!searches.TryGetValue(key, out var result))
        {
            if (searches.Count >= CacheLimit)
            {
                searches.Clear();
            }

            var avoided = AvoidTest(site, avoid, dependencies, frame);
            result = site.OverPermitted
                ? Permitted.Search(Assets.NumbersOf(from), avoided, ServiceFilter.Any)
                : Graph.Search(Assets.NumbersOf(from), avoided);

            // A search costs what it reaches, not the site's size: searches from every asset stay linear overall.
            Monitor.Spend(result.Count);
            searches.Add(key, result);
        }

        return site.OverPermitted
            ? Permitted.PathTo(result, Assets.NumbersOf(to), ServiceFilter.Any)
            : Graph.PathTo(result, Assets.NumbersOf(to));
    }

    /// <summary>
    /// Whether each asset is avoided, evaluated once per asset: for a predicate that reads no outer variable,
    /// in one array per path site; otherwise only for the assets a search meets, per value of those variables.
    /// </summary>
    private Func<int, bool> AvoidTest(BoundPath site, Evaluator? avoid, object?[] dependencies, Frame frame)
    {
        if (avoid is null || site.AvoidVariable is not { } variable)
        {
            return _ => false;
        }

        bool Evaluate(int number)
        {
            var saved = frame.Slots[variable.Slot];
            frame.Slots[variable.Slot] = Assets[number];
            var verdict = avoid(frame) is true;
            frame.Slots[variable.Slot] = saved;
            return verdict;
        }

        if (dependencies.Length == 0)
        {
            if (!avoidedBySite.TryGetValue(site.SiteId, out var states))
            {
                states = new sbyte[Assets.Count];
                avoidedBySite.Add(site.SiteId, states);
            }

            return number =>
            {
                if (states[number] == 0)
                {
                    states[number] = Evaluate(number) ? (sbyte)1 : (sbyte)-1;
                }

                return states[number] > 0;
            };
        }

        var key = new AvoidKey(site.SiteId, dependencies);
        if (!avoidedByValues.TryGetValue(key, out var known))
        {
            if (avoidedByValues.Count >= CacheLimit)
            {
                avoidedByValues.Clear();
            }

            known = [];
            avoidedByValues.Add(key, known);
        }

        return number =>
        {
            if (!known.TryGetValue(number, out var verdict))
            {
                verdict = Evaluate(number);
                known.Add(number, verdict);
            }

            return verdict;
        };
    }

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

    private static bool SameValues(object?[] a, object?[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!Operations.ValuesEqual(a[i], b[i], monitor: null))
            {
                return false;
            }
        }

        return true;
    }
}
