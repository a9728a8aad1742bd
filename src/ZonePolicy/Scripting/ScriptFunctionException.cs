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
}
