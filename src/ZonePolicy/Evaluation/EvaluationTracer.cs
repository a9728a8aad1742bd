using ZonePolicy.Binding;
using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

/// <summary>
/// Hooks a traced compilation calls as a rule runs: around the evaluation of every expression node, around
/// each binding of a <c>for</c> variable, and for each violation reported. The evaluator is the engine's own,
/// compiled from the same bound rule with the same operators; the hooks only watch.
/// </summary>
internal interface IEvaluationTracer
{
    /// <summary>Before <paramref name="node"/> is evaluated in <paramref name="frame"/>.</summary>
    void Enter(BoundExpression node, Frame frame);

    /// <summary>After <paramref name="node"/> evaluated to <paramref name="value"/>.</summary>
    void Exit(BoundExpression node, object? value, Frame frame);

    /// <summary>The variable of <paramref name="step"/> is bound to <paramref name="entity"/>; its <c>where</c> comes next.</summary>
    void Bind(BoundFor step, Entity entity);

    /// <summary>Everything under the binding of <paramref name="step"/> has run.</summary>
    void Unbind(BoundFor step);

    /// <summary>The rule reported <paramref name="violation"/> for the current bindings.</summary>
    void Reported(Violation violation);
}
