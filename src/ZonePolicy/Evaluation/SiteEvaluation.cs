using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>What evaluating one rule over one site gave: its violations, the bindings it checked, the ZP04xx problems it met, or how it failed.</summary>
/// <para>With a sink, the violations went to <see cref="Sink"/> as they were found and <see cref="Violations"/> is empty.</para>
internal sealed record RuleOutcome(IReadOnlyList<Violation> Violations, int Bindings, IReadOnlyList<Diagnostic> Problems, Exception? Failure)
{
    /// <summary>What received the rule's violations, when the evaluation was given one.</summary>
    public IViolationSink? Sink { get; init; }
}

/// <summary>
/// Receives one rule's violations on the thread that evaluates it, as they are found, so a check keeps what it
/// reports of each violation rather than every violation until all rules have run.
/// </summary>
internal interface IViolationSink
{
    void Add(Violation violation);
}

/// <summary>
/// Evaluates rules of a program over one site, independent rules on several threads at once, as a compiler runs
/// its analyzers concurrently. Each thread has an evaluation context of its own (its budget monitor, its caches of
/// constants and searches); the rules that search paths all run on the first, so the site's graphs are built once.
/// The site model is only read, and its computed columns are built once whichever thread asks first.
/// <para>
/// The outcome is the one evaluating rule after rule in one context gives, in rule order. Contexts only memoize
/// pure values, so violations are the same however rules share them; what can differ is which rule pays for and
/// reports the problems of a value another rule computed first (a constant's regex timeout, a search charged to a
/// budget). So a run that meets any problem or failure is evaluated again in one context, as it always was; so is a
/// program with C# functions, whose code is not known to be safe to run on two threads.
/// </para>
/// </summary>
internal static class SiteEvaluation
{
    /// <summary>Below this many assets and flows a site is checked in milliseconds: a thread would cost more than it saves.</summary>
    public const int ConcurrencyThreshold = 2_000;

    /// <summary>
    /// Evaluates <paramref name="rules"/> (indexes into the program's rules) on up to <paramref name="threads"/>
    /// threads; the outcome of each rule at its index (null for a rule not asked for), and a context the rules ran in
    /// (null when none ran). With <paramref name="sinks"/>, each evaluation of a rule (by its index) sends its
    /// violations to a new sink of its own, kept in its outcome.
    /// </summary>
    public static (RuleOutcome?[] Outcomes, EvaluationContext? Context) Run(
        CompiledProgram program, SiteModel site, DateOnly today, long budget, IReadOnlyList<int> rules, int threads, Func<int, IViolationSink>? sinks = null)
    {
        if (rules.Count == 0)
        {
            return (new RuleOutcome?[program.Rules.Count], null);
        }

        if (threads > 1 && rules.Count > 1 && !program.HasScriptFunctions && Concurrently(program, site, today, budget, rules, threads, sinks) is { } concurrent)
        {
            return concurrent;
        }

        var outcomes = new RuleOutcome?[program.Rules.Count];
        var context = program.CreateContext(site, today, budget);
        foreach (var index in rules)
        {
            outcomes[index] = Evaluate(program.Rules, index, context, sinks);
        }

        return (outcomes, context);
    }

    /// <summary>The threads a check of <paramref name="site"/> uses: every processor for a site large enough to gain from them.</summary>
    public static int ThreadsFor(SiteModel site) =>
        site.OfKind(EntityKind.Asset).Count + site.OfKind(EntityKind.Flow).Count < ConcurrencyThreshold ? 1 : Environment.ProcessorCount;

    private static (RuleOutcome?[], EvaluationContext)? Concurrently(
        CompiledProgram program, SiteModel site, DateOnly today, long budget, IReadOnlyList<int> rules, int threads, Func<int, IViolationSink>? sinks)
    {
        var searching = rules.Where(index => program.Rules[index].SearchesPaths).ToArray();
        var others = rules.Where(index => !program.Rules[index].SearchesPaths).ToArray();
        var lanes = new IReadOnlyList<int>[Math.Min(threads, others.Length + 1)];
        lanes[0] = searching;
        lanes.AsSpan(1).Fill([]);
        return InLanes(program, site, today, budget, lanes, others, sinks);
    }

    /// <summary>
    /// Evaluates on a thread per lane, each in a context of its own: first the lane's own rules, then the next of
    /// <paramref name="shared"/> that no thread has taken yet. The outcomes and the first lane's context, or null
    /// when a rule met a problem or failed: what to evaluate again in one context.
    /// </summary>
    internal static (RuleOutcome?[] Outcomes, EvaluationContext Context)? InLanes(
        CompiledProgram program, SiteModel site, DateOnly today, long budget, IReadOnlyList<int>[] lanes, IReadOnlyList<int> shared, Func<int, IViolationSink>? sinks = null)
    {
        var outcomes = new RuleOutcome?[program.Rules.Count];
        var contexts = lanes.Select(_ => program.CreateContext(site, today, budget)).ToArray();
        var next = -1;
        var sharedSearch = shared.Any(index => program.Rules[index].SearchesPaths);

        void Work(int lane)
        {
            foreach (var index in lanes[lane])
            {
                outcomes[index] = Evaluate(program.Rules, index, contexts[lane], sinks);
            }

            if (!sharedSearch && lanes[lane].Any(index => program.Rules[index].SearchesPaths))
            {
                contexts[lane].DropGraphs();
            }

            for (var taken = Interlocked.Increment(ref next); taken < shared.Count; taken = Interlocked.Increment(ref next))
            {
                outcomes[shared[taken]] = Evaluate(program.Rules, shared[taken], contexts[lane], sinks);
            }
        }

        var helpers = Enumerable.Range(1, lanes.Length - 1).Select(lane => Task.Run(() => Work(lane))).ToArray();
        Work(0);
        Task.WaitAll(helpers);

        return outcomes.Any(outcome => outcome is not null && (outcome.Problems.Count > 0 || outcome.Failure is not null))
            ? null
            : (outcomes, contexts[0]);
    }

    private static RuleOutcome Evaluate(IReadOnlyList<CompiledRule> rules, int index, EvaluationContext context, Func<int, IViolationSink>? sinks)
    {
        var problems = context.Monitor.Problems;
        var before = problems.Count;
        var sink = sinks?.Invoke(index);
        try
        {
            var violations = rules[index].Evaluate(context, out var bindings, sink is null ? null : sink.Add);
            return new RuleOutcome(violations, bindings, problems[before..], null) { Sink = sink };
        }
        catch (Exception e)
        {
            return new RuleOutcome([], 0, problems[before..], e) { Sink = sink };
        }
    }
}
