using System.Globalization;
using System.Reflection;

namespace ZonePolicy.Scripting;

/// <summary>
/// Runs one compiled C# function for one check: converts the arguments, returns null without calling it
/// when an argument it does not take null for is null, calls it within its time budget, and converts the
/// result back. A function's result depends only on its arguments (the script policy sees to that), so each
/// distinct call is made once per check and its outcome, a value or a failure, remembered. A function that
/// has run past its budget <see cref="MaxOverruns"/> times is not called again in the check: every later
/// call fails at once, so that a runaway function cannot hold a large site's check for a budget per entity.
/// </summary>
internal sealed class ScriptFunction(ScriptFunctionSymbol symbol, MethodInfo method)
{
    public const int MaxOverruns = 3;
    private const int MaxRemembered = 1 << 16;

    private readonly Dictionary<object?[], Outcome> outcomes = new(ArgumentsComparer.Instance);
    private int overruns;

    public object? Invoke(object?[] arguments)
    {
        var parameters = symbol.Declaration.Parameters;
        var clr = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            clr[i] = ScriptValues.ToClr(arguments[i], parameters[i].Type);
            if (clr[i] is null && !parameters[i].Type.Nullable)
            {
                return null;
            }
        }

        if (!outcomes.TryGetValue(clr, out var outcome))
        {
            outcome = Call(clr);
            if (outcomes.Count < MaxRemembered)
            {
                outcomes.Add(clr, outcome);
            }
        }

        return outcome.Failed ? throw new ScriptFunctionException(symbol, outcome.OverBudget, outcome.Thrown) : outcome.Value;
    }

    private Outcome Call(object?[] clr)
    {
        if (overruns >= MaxOverruns)
        {
            return new Outcome(null, Failed: true, OverBudget: true, null);
        }

        object? result = null;
        var arguments = (object?[])clr.Clone();
        var thrown = ScriptBudget.Run(symbol.Declaration.Budget, () => result = method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, arguments, CultureInfo.InvariantCulture), out var overBudget);
        if (overBudget)
        {
            overruns++;
        }

        return overBudget || thrown is not null
            ? new Outcome(null, Failed: true, overBudget, thrown)
            : new Outcome(ScriptValues.FromClr(result), Failed: false, OverBudget: false, null);
    }

    private readonly record struct Outcome(object? Value, bool Failed, bool OverBudget, Exception? Thrown);

    /// <summary>Arguments compared by value, lists element by element.</summary>
    private sealed class ArgumentsComparer : IEqualityComparer<object?[]>
    {
        public static readonly ArgumentsComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!Same(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(object?[] arguments)
        {
            var hash = new HashCode();
            foreach (var argument in arguments)
            {
                hash.Add(argument is Array list ? list.Length : argument);
            }

            return hash.ToHashCode();
        }

        // Lists cross into C# as arrays (see ScriptValues).
        private static bool Same(object? a, object? b) =>
            a is Array x && b is Array y
                ? x.Length == y.Length && x.Cast<object?>().SequenceEqual(y.Cast<object?>())
                : Equals(a, b);
    }
}
