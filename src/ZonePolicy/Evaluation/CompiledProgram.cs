using System.Runtime.CompilerServices;
using ZonePolicy.Binding;
using ZonePolicy.Scripting;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>One rule violation: the rule, its bound entities in <c>for</c> order, where it is reported, its message.</summary>
internal sealed record Violation(BoundRule Rule, IReadOnlyList<Entity> Bindings, Entity At, string Message, PathValue? Witness)
{
    /// <summary>
    /// The same violation in another load of its site whose entities sit in the same places (see <see cref="ModelChanges"/>),
    /// or null when its witness is a permitted path, whose permissions are not carried over.
    /// </summary>
    public Violation? In(SiteModel site) => Witness is { IsPermitted: true } ? null : this with
    {
        Bindings = [.. Bindings.Select(site.Counterpart)],
        At = site.Counterpart(At),
        Witness = Witness is { } path ? PathValue.OfFlows([.. path.Assets.Select(site.Counterpart)], [.. path.HopFlows.Select(site.Counterpart)]) : null,
    };
}

/// <summary>A module constant compiled to run once per site.</summary>
internal sealed record CompiledConstant(int FrameSize, Evaluator Evaluate);

/// <summary>The compiled form of a bound program: built once, then run over any number of sites.</summary>
internal sealed class CompiledProgram
{
    private CompiledProgram(IReadOnlyList<CompiledRule> rules, IReadOnlyList<CompiledConstant> constants, bool hasScriptFunctions)
    {
        Rules = rules;
        Constants = constants;
        HasScriptFunctions = hasScriptFunctions;
    }

    public IReadOnlyList<CompiledRule> Rules { get; }

    public IReadOnlyList<CompiledConstant> Constants { get; }

    /// <summary>True when the rules may call C# functions of a pack.</summary>
    public bool HasScriptFunctions { get; }

    public static CompiledProgram Compile(BoundProgram program) => new(
        program.Rules.Select(r => CompiledRule.Compile(r, guardScripts: program.ScriptFunctions.Count > 0)).ToList(),
        program.Constants.Select(c => new CompiledConstant(c.FrameSize, ExpressionCompiler.Compile(c.Value!))).ToList(),
        program.ScriptFunctions.Count > 0);

    public EvaluationContext CreateContext(SiteModel site, DateOnly today, long budget = EvaluationMonitor.DefaultBudget) =>
        new(site, today, this, budget);
}

/// <summary>A rule compiled to a chain of loops: each <c>for</c> binds its variable, each <c>let</c> its value, then the condition is tested.</summary>
internal sealed class CompiledRule
{
    private readonly Action<Frame, RuleRun> body;
    private readonly int[] forSlots;
    private readonly PrefilteredFor[] prefiltered;

    // Every `for` runs over all entities of its kind, each once: no two bindings are the same, so none is looked up.
    private readonly bool bindingsDistinct;
    private bool? searchesPaths;

    private CompiledRule(BoundRule rule, Action<Frame, RuleRun> body, int[] forSlots, PrefilteredFor[] prefiltered)
    {
        Rule = rule;
        this.body = body;
        this.forSlots = forSlots;
        this.prefiltered = prefiltered;
        bindingsDistinct = rule.Fors.All(f => f.Source is null);
    }

    public BoundRule Rule { get; }

    /// <summary>True when the rule may search a graph of the site (its declared flows or what its network permits).</summary>
    public bool SearchesPaths => searchesPaths ??= RuleReads.Of(Rule).SearchesPaths;

    /// <summary>
    /// Compiles the rule; with a <paramref name="tracer"/>, the same evaluator calls its hooks around every
    /// expression node and every binding. A traced rule tests every <c>where</c> at each binding, as the engine
    /// does for a filter that reads outer variables, rather than once per site: the bindings are the same.
    /// With <paramref name="guardScripts"/> (the program has C# functions), a binding whose function fails is
    /// reported and skipped.
    /// </summary>
    public static CompiledRule Compile(BoundRule rule, IEvaluationTracer? tracer = null, bool guardScripts = false)
    {
        using var tracing = tracer is null ? null : ExpressionCompiler.TraceWith(tracer);
        var forSlots = rule.Fors.Select(f => f.Variable.Slot).ToArray();
        var pathLets = rule.Steps.OfType<BoundLet>().Where(l => l.Value.Type == ZpType.Path).Select(l => l.Variable.Slot).ToArray();
        var condition = ExpressionCompiler.Compile(rule.Condition);
        var at = rule.At is null ? null : ExpressionCompiler.Compile(rule.At);
        var message = rule.Message.Select(CompileMessagePart).ToArray();
        var isForbid = rule.IsForbid;
        var lastFor = forSlots.Length > 0 ? forSlots[^1] : -1;

        Action<Frame, RuleRun> next = (frame, run) =>
        {
            run.Checked++;
            if (Verdicts.IsViolated(isForbid, condition(frame)) && run.Report(frame, forSlots, at, lastFor, message, pathLets) is { } violation)
            {
                tracer?.Reported(violation);
            }
        };

        var prefiltered = new List<PrefilteredFor>();
        for (var i = rule.Steps.Count - 1; i >= 0; i--)
        {
            next = rule.Steps[i] switch
            {
                BoundLet let => LetStep(let, next),
                BoundFor f => ForStep(f, rule, guardScripts ? BoundSlots(rule, i) : null, next, prefiltered, tracer),
                _ => next,
            };
        }

        return new CompiledRule(rule, next, forSlots, prefiltered.ToArray());
    }

    /// <summary>
    /// The rule's violations on the context's site. A rule that spends its budget stops there: what it found
    /// so far is returned, and the monitor reports that its findings are incomplete.
    /// </summary>
    public IReadOnlyList<Violation> Evaluate(EvaluationContext context) => Evaluate(context, out _);

    /// <inheritdoc cref="Evaluate(EvaluationContext)"/>
    /// <param name="context">The site and date to evaluate on.</param>
    /// <param name="bindings">How many bindings passed the rule's filters and were checked.</param>
    public IReadOnlyList<Violation> Evaluate(EvaluationContext context, out int bindings) => Evaluate(context, out bindings, sink: null);

    /// <inheritdoc cref="Evaluate(EvaluationContext, out int)"/>
    /// <param name="context">The site and date to evaluate on.</param>
    /// <param name="bindings">How many bindings passed the rule's filters and were checked.</param>
    /// <param name="sink">
    /// When given, receives each violation as it is found, in the order they would be returned, and the list
    /// returned is empty: a check turns violations into findings at once rather than holding them all.
    /// </param>
    public IReadOnlyList<Violation> Evaluate(EvaluationContext context, out int bindings, Action<Violation>? sink)
    {
        var run = new RuleRun(Rule, sink, bindingsDistinct);
        context.Monitor.BeginRule(Rule.Id);
        try
        {
            foreach (var filter in prefiltered)
            {
                run.Prefiltered[filter.Index] = filter.Filter(context);
            }

            body(new Frame(Rule.FrameSize, context, forSlots), run);
        }
        catch (EvaluationBudgetExceededException)
        {
            context.Monitor.Problems.Add(context.Monitor.OverBudget(Rule.Info.Location, context.Site.File));
        }

        bindings = run.Checked;
        return run.Violations;
    }

    private static Action<Frame, RuleRun> LetStep(BoundLet let, Action<Frame, RuleRun> next)
    {
        var slot = let.Variable.Slot;
        var value = ExpressionCompiler.Compile(let.Value);
        return (frame, run) =>
        {
            frame.Slots[slot] = value(frame);
            next(frame, run);
        };
    }

    /// <summary>The slots of the <c>for</c> variables bound once step <paramref name="step"/> has run: where a failing C# function's binding is read from.</summary>
    private static int[] BoundSlots(BoundRule rule, int step) => rule.Steps.Take(step + 1).OfType<BoundFor>().Select(f => f.Variable.Slot).ToArray();

    /// <summary>
    /// Evaluates what follows for one binding; a C# function that fails for it is reported for that binding
    /// (ZP0410, ZP0411) and the rule goes on with the next one.
    /// </summary>
    private static void Guarded(Action<Frame, RuleRun> next, Frame frame, RuleRun run, BoundRule rule, int[]? boundSlots)
    {
        if (boundSlots is null)
        {
            next(frame, run);
            return;
        }

        try
        {
            next(frame, run);
        }
        catch (ScriptFunctionException failure)
        {
            ReportFailure(failure, frame, rule, boundSlots);
        }
    }

    // A method of its own: a lambda over `frame` in Guarded would make its closure on every call, not only on a failure.
    private static void ReportFailure(ScriptFunctionException failure, Frame frame, BoundRule rule, int[] boundSlots)
    {
        var bindings = boundSlots.Select(s => (Entity)frame.Slots[s]!).ToArray();
        frame.Context.Monitor.Problems.Add(failure.ToDiagnostic(rule.Id, bindings));
    }

    // boundSlots is null when the program has no C# function: nothing can fail, so nothing is guarded.
    private static Action<Frame, RuleRun> ForStep(BoundFor step, BoundRule rule, int[]? boundSlots, Action<Frame, RuleRun> next, List<PrefilteredFor> prefiltered, IEvaluationTracer? tracer)
    {
        var frameSize = rule.FrameSize;
        var slot = step.Variable.Slot;
        var kind = step.Kind;
        var where = step.Where is null ? null : ExpressionCompiler.Compile(step.Where);
        var source = step.Source is null ? null : ExpressionCompiler.Compile(step.Source);

        if (step.WhereIsLoopInvariant && where is not null && tracer is null)
        {
            // The filter reads only this loop's variable: apply it once per site, not once per outer binding.
            var index = prefiltered.Count;
            prefiltered.Add(new PrefilteredFor(index, context =>
            {
                var frame = new Frame(frameSize, context, [slot]);
                return context.Site.OfKind(kind).Where(e =>
                {
                    context.Monitor.Spend();
                    frame.Slots[slot] = e;
                    try
                    {
                        return where(frame) is true;
                    }
                    catch (ScriptFunctionException failure)
                    {
                        context.Monitor.Problems.Add(failure.ToDiagnostic(rule.Id, [e]));
                        return false;
                    }
                }).ToArray();
            }));
            return (frame, run) =>
            {
                foreach (var entity in run.Prefiltered[index])
                {
                    frame.Context.Monitor.Spend();
                    frame.Slots[slot] = entity;
                    frame.LastPath = null;
                    Guarded(next, frame, run, rule, boundSlots);
                }
            };
        }

        Action<Frame, RuleRun> filtered = (frame, run) =>
        {
            if (where is null || where(frame) is true)
            {
                next(frame, run);
            }
        };
        return (frame, run) =>
        {
            var items = source is null ? frame.Context.Site.OfKind(kind) : source(frame) as IReadOnlyList<object?>;
            if (items is null)
            {
                return;
            }

            // By index, as lists are walked elsewhere in evaluation: a foreach over the interface would make an enumerator per outer binding.
            for (var i = 0; i < items.Count; i++)
            {
                frame.Context.Monitor.Spend();
                if (items[i] is not Entity entity)
                {
                    continue;
                }

                frame.Slots[slot] = entity;
                frame.LastPath = null;
                tracer?.Bind(step, entity);
                Guarded(filtered, frame, run, rule, boundSlots);
                tracer?.Unbind(step);
            }
        };
    }

    private static Func<Frame, string> CompileMessagePart(BoundMessagePart part) => part switch
    {
        BoundMessageHole hole => CompileHole(ExpressionCompiler.Compile(hole.Expression)),
        BoundMessageText text => _ => text.Text,
        _ => _ => "",
    };

    private static Func<Frame, string> CompileHole(Evaluator evaluator) => frame => ValueRenderer.Render(evaluator(frame));

    /// <summary>A <c>for</c> whose filter is computed once per site; its list sits in <see cref="RuleRun.Prefiltered"/>.</summary>
    private sealed record PrefilteredFor(int Index, Func<EvaluationContext, Entity[]> Filter);

    /// <summary>The state of one rule over one site: the violations so far, one per distinct binding.</summary>
    private sealed class RuleRun(BoundRule rule, Action<Violation>? sink, bool bindingsDistinct)
    {
        // An entity is one object per site and a `for` binds entities of one kind, whose ids differ: the same
        // entities are the same binding. Null when no binding can come twice.
        private readonly HashSet<Entity[]>? bound = bindingsDistinct ? null : new(SameEntities.Instance);
        private string?[] text = [];

        public Dictionary<int, Entity[]> Prefiltered { get; } = [];

        public List<Violation> Violations { get; } = [];

        /// <summary>The bindings the condition was tested on.</summary>
        public int Checked { get; set; }

        /// <summary>Records a violation for the current bindings; null when these bindings already have one.</summary>
        public Violation? Report(Frame frame, int[] forSlots, Evaluator? at, int lastFor, Func<Frame, string>[] message, int[] pathLets)
        {
            var bindings = new Entity[forSlots.Length];
            for (var i = 0; i < forSlots.Length; i++)
            {
                bindings[i] = (Entity)frame.Slots[forSlots[i]]!;
            }

            if (bound is not null && !bound.Add(bindings))
            {
                return null;
            }

            var atEntity = at?.Invoke(frame) as Entity ?? (Entity)frame.Slots[lastFor]!;
            var parts = text.Length == message.Length ? text : text = new string?[message.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = message[i](frame);
            }

            // The parts joined in one copy, with no builder in between.
            var violation = new Violation(rule, bindings, atEntity, string.Concat(parts.AsSpan()), Witness(frame, pathLets));
            if (sink is null)
            {
                Violations.Add(violation);
            }
            else
            {
                sink(violation);
            }

            return violation;
        }

        /// <summary>The path of the last <c>let</c> that holds one, or else the last path a search found.</summary>
        private static PathValue? Witness(Frame frame, int[] pathLets)
        {
            for (var i = pathLets.Length - 1; i >= 0; i--)
            {
                if (frame.Slots[pathLets[i]] is PathValue path)
                {
                    return path;
                }
            }

            return frame.LastPath;
        }
    }

    /// <summary>Bindings compared entity by entity, by reference.</summary>
    private sealed class SameEntities : IEqualityComparer<Entity[]>
    {
        public static readonly SameEntities Instance = new();

        public bool Equals(Entity[]? x, Entity[]? y) => x.AsSpan().SequenceEqual(y, ReferenceEqualityComparer.Instance);

        public int GetHashCode(Entity[] bindings)
        {
            var hash = new HashCode();
            foreach (var entity in bindings)
            {
                hash.Add(RuntimeHelpers.GetHashCode(entity));
            }

            return hash.ToHashCode();
        }
    }
}
