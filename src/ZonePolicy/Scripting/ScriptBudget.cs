using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ZonePolicy.Scripting;

/// <summary>
/// The time budget of a C# function call. The engine compiles every script with a call to <see cref="Check"/>
/// at the start of each method, lambda and accessor and of each loop iteration: once the budget is spent it
/// throws, and keeps throwing at every later check of the call, so a script that catches the exception
/// cannot keep running. It also stops recursion before the stack runs out. Not for use by scripts.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ScriptBudget
{
    [ThreadStatic]
    private static long deadline;

    [ThreadStatic]
    private static bool running;

    [ThreadStatic]
    private static bool spent;

    /// <summary>Throws once the running call has used its time budget, or when the stack is nearly exhausted.</summary>
    public static void Check()
    {
        if (running && (spent || Stopwatch.GetTimestamp() > deadline))
        {
            spent = true;
            throw new ScriptBudgetExceededException();
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    /// <summary>
    /// Runs one call within <paramref name="budget"/>: returns what it threw, if anything, and whether it ran
    /// out of its budget, whatever it did with that exception. Calls do not nest: a script cannot call back
    /// into the rules.
    /// </summary>
    internal static Exception? Run(TimeSpan budget, Action call, out bool overBudget)
    {
        running = true;
        spent = false;
        deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        Exception? thrown = null;
        try
        {
            call();
        }
        catch (Exception exception)
        {
            // A script's exception is the script's failure, reported for the binding it was called for.
            thrown = exception;
        }
        finally
        {
            running = false;
        }

        overBudget = spent;
        return thrown;
    }
}

/// <summary>Thrown into a script whose call has run past its time budget.</summary>
internal sealed class ScriptBudgetExceededException() : Exception("the C# function ran past its time budget");
