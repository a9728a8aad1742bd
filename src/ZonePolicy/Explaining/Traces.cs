using ZonePolicy.Binding;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;

namespace ZonePolicy.Explaining;

/// <summary>
/// One evaluation of an expression node, with the evaluations it made, or one element of a comprehension
/// (<see cref="Element"/> set, <see cref="Expression"/> null) grouping the evaluations made for it.
/// </summary>
internal sealed class ExpressionTrace(BoundExpression? expression, string? element = null)
{
    public BoundExpression? Expression { get; } = expression;

    /// <summary>For an element of a comprehension or a helper call: the variables bound for it, as <c>d = fw-1</c>.</summary>
    public string? Element { get; } = element;

    public object? Value { get; set; }

    /// <summary>The path a <c>path</c> or <c>reachable</c> found, also when its value is a boolean.</summary>
    public PathValue? Path { get; set; }

    public List<ExpressionTrace> Children { get; } = [];

    /// <summary>For a comprehension: how many elements it looked at, and how many of them are not in <see cref="Children"/>.</summary>
    public int Elements { get; set; }

    public int OmittedElements { get; set; }

    /// <summary>For a comprehension: the element being evaluated, and the latest one past the shown ones.</summary>
    internal ExpressionTrace? CurrentElement { get; set; }

    internal ExpressionTrace? LastOmitted { get; set; }
}

/// <summary>What happened to one binding of a <c>for</c> variable.</summary>
internal enum BindingOutcome
{
    /// <summary>The condition is violated for this combination (or for one below it).</summary>
    Violated,

    /// <summary>The condition holds (for every combination below it).</summary>
    Passed,

    /// <summary>The <c>where</c> is false.</summary>
    SkippedFalse,

    /// <summary>The <c>where</c> is null.</summary>
    SkippedNull,

    /// <summary>The <c>where</c> holds but the next <c>for</c> binds nothing.</summary>
    Empty,
}

/// <summary>A step of a binding, in the order it ran: its <c>where</c>, a <c>let</c>, the <c>in</c> list of the next <c>for</c>, the condition.</summary>
internal sealed record TraceStep(TraceRole Role, string? Name, ExpressionTrace Trace);

internal enum TraceRole
{
    Where,
    Let,
    Source,
    Condition,
}

/// <summary>
/// One binding of a <c>for</c> variable and everything evaluated under it; the root stands for the rule before
/// its first <c>for</c>. Bindings below are kept up to a quota per outcome; the rest are only counted.
/// </summary>
internal sealed class BindingTrace(BoundFor? step, Entity? entity, int depth)
{
    public BoundFor? Step { get; } = step;

    public Entity? Entity { get; } = entity;

    /// <summary>The index of the <c>for</c> this binding belongs to; -1 for the root.</summary>
    public int Depth { get; } = depth;

    public List<TraceStep> Steps { get; } = [];

    public List<BindingTrace> Bindings { get; } = [];

    /// <summary>Every binding of the next <c>for</c> under this one, shown or not, by outcome.</summary>
    public Dictionary<BindingOutcome, int> Counts { get; } = [];

    /// <summary>The bindings of the next <c>for</c> not shown, by outcome.</summary>
    public Dictionary<BindingOutcome, int> Omitted { get; } = [];

    public BindingOutcome Outcome { get; set; } = BindingOutcome.Passed;

    /// <summary>The verdict of the condition, for a binding of the last <c>for</c> whose <c>where</c> holds.</summary>
    public object? Verdict { get; set; }

    public Violation? Violation { get; set; }

    /// <summary>Whether this binding, or one below it, binds what the explanation was asked about.</summary>
    public bool Wanted { get; set; }
}
