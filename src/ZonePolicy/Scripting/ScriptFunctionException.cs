using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;

namespace ZonePolicy.Scripting;

/// <summary>
/// A C# function that threw or ran past its budget: the binding being evaluated is skipped and reported
/// (ZP0410, ZP0411) while the rule goes on with the next one.
/// </summary>
internal sealed class ScriptFunctionException(ScriptFunctionSymbol function, bool overBudget, Exception? thrown)
    : Exception(overBudget ? "over budget" : thrown?.Message, thrown)
{
    public ScriptFunctionSymbol Function { get; } = function;

    public bool OverBudget { get; } = overBudget;

    /// <summary>What the function threw, as messages show it: the exception's type and message.</summary>
    public string Thrown => InnerException is { } inner ? $"{inner.GetType().Name}: {inner.Message}" : "";

    /// <summary>The evaluation diagnostic for the binding it was called for: at the last bound entity, naming the rule, the entities and the function.</summary>
    public Diagnostic ToDiagnostic(string rule, IReadOnlyList<Entity> bindings)
    {
        var entities = string.Join(", ", bindings.Select(b => $"`{b.Id}`"));
        var at = bindings[^1].Location;
        var diagnostic = OverBudget
            ? Diagnostic.Create(DiagnosticDescriptors.ScriptFunctionOverBudget, at, rule, entities, Function.Name, Function.Pack.Name, (long)Function.Declaration.Budget.TotalMilliseconds)
            : Diagnostic.Create(DiagnosticDescriptors.ScriptFunctionThrew, at, rule, entities, Function.Name, Function.Pack.Name, Thrown);
        return diagnostic with { Entities = [.. bindings.Select(b => b.Id)] };
    }
}
