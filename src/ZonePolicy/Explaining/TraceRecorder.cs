using ZonePolicy.Binding;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Explaining;

/// <summary>
/// Records what a traced rule evaluates into a tree of <see cref="BindingTrace"/>s and
/// <see cref="ExpressionTrace"/>s. The record stays bounded on any site: under each binding, a few bindings per
/// outcome are kept and the rest counted, and a comprehension keeps its first elements and the one that
/// decided it. Only the evaluations of the rule's own clauses are kept: the searches of <c>avoid</c>
/// predicates, the <c>at</c> and the message are left out.
/// </summary>
internal sealed class TraceRecorder : IEvaluationTracer
{
    public const int ShownViolations = 10;
    public const int ShownOthers = 3;
    public const int ShownElements = 5;

    private readonly BoundRule rule;
    private readonly IReadOnlyList<BoundFor> fors;
    private readonly IReadOnlyList<HashSet<string>> wanted;
    private readonly Dictionary<BoundExpression, (TraceRole Role, string? Name)> clauses = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<BindingTrace> bindings = new();
    private readonly Stack<ExpressionTrace?> evaluations = new();
    private bool recording;

    public TraceRecorder(BoundRule rule, IReadOnlyList<IReadOnlyList<string>> wantedCombinations)
    {
        this.rule = rule;
        fors = [.. rule.Fors];
        wanted = [.. wantedCombinations.Select(c => c.ToHashSet(StringComparer.Ordinal))];
        foreach (var step in rule.Steps)
        {
            switch (step)
            {
                case BoundFor { Where: { } where, Source: var source } f:
                    clauses[where] = (TraceRole.Where, f.Variable.Name);
                    if (source is not null)
                        clauses[source] = (TraceRole.Source, f.Variable.Name);
                    break;
                case BoundFor { Source: { } source } f:
                    clauses[source] = (TraceRole.Source, f.Variable.Name);
                    break;
                case BoundLet let:
                    clauses[let.Value] = (TraceRole.Let, let.Variable.Name);
                    break;
            }
        }

        clauses[rule.Condition] = (TraceRole.Condition, null);
        Root = new BindingTrace(null, null, -1);
        bindings.Push(Root);
    }

    /// <summary>The rule before its first <c>for</c>; every binding is below it.</summary>
    public BindingTrace Root { get; }

    /// <summary>Every binding of each <c>for</c> (by its index), shown or not, by outcome.</summary>
    public Dictionary<(int For, BindingOutcome Outcome), int> Totals { get; } = [];

    /// <summary>Records what runs until <see cref="Stop"/>; what the compilation itself evaluates (constant lists) is not a run.</summary>
    public void Start() => recording = true;

    public void Stop() => recording = false;

    /// <summary>The violations of the bindings kept for showing.</summary>
    public IReadOnlySet<Violation> ViolationsKept()
    {
        var shown = new HashSet<Violation>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<BindingTrace>([Root]);
        while (pending.Count > 0)
        {
            var binding = pending.Pop();
            if (binding.Violation is { } violation)
                shown.Add(violation);
            foreach (var inner in binding.Bindings)
                pending.Push(inner);
        }

        return shown;
    }

    public void Enter(BoundExpression node, Frame frame)
    {
        if (!recording)
            return;

        if (evaluations.Count == 0)
        {
            evaluations.Push(clauses.ContainsKey(node) ? new ExpressionTrace(node) : null);
            return;
        }

        var parent = evaluations.Peek();
        if (parent is null || (parent.Expression is BoundPath path && ReferenceEquals(node, path.Avoid)))
        {
            evaluations.Push(null);
            return;
        }

        var owner = parent;
        string? element = null;
        switch (parent.Expression)
        {
            case BoundQuantifier { Variable: { } variable } quantifier when ReferenceEquals(node, quantifier.Where) || ReferenceEquals(node, quantifier.Select):
                if (ReferenceEquals(node, quantifier.Where) || quantifier.Where is null)
                    StartElement(parent, quantifier, () => $"{variable.Name} = {ExplainValues.Render(frame.Slots[variable.Slot])}");
                if (parent.CurrentElement is null)
                {
                    evaluations.Push(null);
                    return;
                }

                owner = parent.CurrentElement;
                break;
            case BoundHelperCall call when ReferenceEquals(node, call.Body):
                element = string.Join(", ", call.Parameters.Select(p => $"{p.Name} = {ExplainValues.Render(frame.Slots[p.Slot])}"));
                break;
        }

        var trace = new ExpressionTrace(node, element);
        owner.Children.Add(trace);
        evaluations.Push(trace);
    }

    public void Exit(BoundExpression node, object? value, Frame frame)
    {
        if (!recording || evaluations.Pop() is not { } trace)
            return;

        trace.Value = value;
        if (node is BoundPath)
            trace.Path = value as PathValue ?? (value is true ? frame.LastPath : null);
        if (node is BoundQuantifier quantifier)
            EndComprehension(trace, quantifier);
        if (evaluations.Count == 0)
            Record(node, trace);
    }

    public void Bind(BoundFor step, Entity entity)
    {
        if (recording)
            bindings.Push(new BindingTrace(step, entity, IndexOf(step)));
    }

    public void Unbind(BoundFor step)
    {
        if (!recording)
            return;

        var binding = bindings.Pop();
        var parent = bindings.Peek();
        if (binding.Depth < fors.Count - 1 && binding.Outcome is BindingOutcome.Passed)
            binding.Outcome = Summarize(binding.Counts);

        binding.Wanted = IsWanted(binding);
        Totals[(binding.Depth, binding.Outcome)] = Totals.GetValueOrDefault((binding.Depth, binding.Outcome)) + 1;
        parent.Counts[binding.Outcome] = parent.Counts.GetValueOrDefault(binding.Outcome) + 1;
        if (!binding.Wanted)
            return;

        var shown = parent.Bindings.Count(b => b.Outcome == binding.Outcome);
        if (shown < (binding.Outcome == BindingOutcome.Violated ? ShownViolations : ShownOthers))
            parent.Bindings.Add(binding);
        else
            parent.Omitted[binding.Outcome] = parent.Omitted.GetValueOrDefault(binding.Outcome) + 1;
    }

    public void Reported(Violation violation)
    {
        if (recording)
            bindings.Peek().Violation = violation;
    }

    private void Record(BoundExpression node, ExpressionTrace trace)
    {
        var (role, name) = clauses[node];
        var binding = bindings.Peek();
        binding.Steps.Add(new TraceStep(role, name, trace));
        switch (role)
        {
            case TraceRole.Where:
                binding.Outcome = trace.Value switch
                {
                    true => BindingOutcome.Passed,
                    false => BindingOutcome.SkippedFalse,
                    _ => BindingOutcome.SkippedNull,
                };
                break;
            case TraceRole.Condition:
                binding.Verdict = trace.Value;
                binding.Outcome = Verdicts.IsViolated(rule.IsForbid, trace.Value) ? BindingOutcome.Violated : BindingOutcome.Passed;
                break;
        }
    }

    /// <summary>
    /// Starts recording an element of a comprehension: one of the first ones, or past them the latest one, in
    /// case it decides an <c>any</c>, <c>all</c> or <c>none</c>. Elements past the first of the other kinds,
    /// which no single element decides, are only counted.
    /// </summary>
    private static void StartElement(ExpressionTrace comprehension, BoundQuantifier quantifier, Func<string> element)
    {
        comprehension.Elements++;
        if (comprehension.Elements <= ShownElements)
        {
            comprehension.CurrentElement = new ExpressionTrace(null, element());
            comprehension.Children.Add(comprehension.CurrentElement);
            return;
        }

        comprehension.OmittedElements++;
        var decides = quantifier.Kind is Syntax.QuantifierKind.Any or Syntax.QuantifierKind.All or Syntax.QuantifierKind.None;
        comprehension.CurrentElement = decides ? new ExpressionTrace(null, element()) : null;
        comprehension.LastOmitted = comprehension.CurrentElement;
    }

    /// <summary>Shows the last element of a comprehension past the shown ones when it decided the value.</summary>
    private static void EndComprehension(ExpressionTrace comprehension, BoundQuantifier quantifier)
    {
        if (comprehension.LastOmitted is not { } last)
            return;

        var where = last.Children.FirstOrDefault(c => ReferenceEquals(c.Expression, quantifier.Where))?.Value;
        var decisive = quantifier.Kind switch
        {
            Syntax.QuantifierKind.Any or Syntax.QuantifierKind.None => where is true,
            Syntax.QuantifierKind.All => where is false,
            _ => false,
        };
        if (!decisive)
            return;

        comprehension.Children.Add(last);
        comprehension.OmittedElements--;
    }

    /// <summary>The outcome of a binding whose <c>where</c> holds, from the bindings of the next <c>for</c> under it.</summary>
    private static BindingOutcome Summarize(Dictionary<BindingOutcome, int> counts) =>
        counts.GetValueOrDefault(BindingOutcome.Violated) > 0 ? BindingOutcome.Violated
        : counts.GetValueOrDefault(BindingOutcome.Passed) > 0 ? BindingOutcome.Passed
        : BindingOutcome.Empty;

    /// <summary>
    /// With no entities asked about, every binding. Otherwise a combination that binds all the entities of one
    /// item asked about, a binding with such a combination below it, or a binding of an entity asked about that
    /// went no further.
    /// </summary>
    private bool IsWanted(BindingTrace binding)
    {
        if (wanted.Count == 0)
            return true;
        if (binding.Depth == fors.Count - 1)
        {
            var bound = bindings.Select(b => b.Entity?.Id).Append(binding.Entity!.Id).OfType<string>().ToList();
            return wanted.Any(combination => combination.IsSubsetOf(bound));
        }

        return binding.Bindings.Count > 0 || binding.Omitted.Count > 0
            || (wanted.Any(combination => combination.Contains(binding.Entity!.Id)) && binding.Outcome is not BindingOutcome.Violated and not BindingOutcome.Passed);
    }

    private int IndexOf(BoundFor step)
    {
        for (var i = 0; i < fors.Count; i++)
        {
            if (ReferenceEquals(fors[i], step))
                return i;
        }

        throw new InvalidOperationException("a binding of a `for` the rule does not have");
    }
}
