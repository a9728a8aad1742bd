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
/// <remarks>
/// The budget is processor time of the calling thread (<see cref="ThreadCpuTime"/>), so a loaded machine
/// does not fail a call that is within it. Reading that clock costs a system call, so a check first compares
/// the cheap elapsed-time clock with a deadline: until the call has been running for its budget, it cannot
/// have used its budget of processor time. Past that deadline the processor time is read, and while some is
/// left the deadline moves on by what is left. Elapsed time still ends a call at
/// <see cref="ElapsedLimitFactor"/> times its budget, for a call that waits without using the processor.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ScriptBudget
{
    /// <summary>How many budgets of elapsed time a call may take, whatever processor time it used.</summary>
    internal const int ElapsedLimitFactor = 10;

    [ThreadStatic]
    private static long deadline;

    [ThreadStatic]
    private static long elapsedLimit;

    [ThreadStatic]
    private static TimeSpan callBudget;

    [ThreadStatic]
    private static TimeSpan? cpuStart;

    [ThreadStatic]
    private static bool running;

    [ThreadStatic]
    private static bool spent;

    /// <summary>Throws once the running call has used its time budget, or when the stack is nearly exhausted.</summary>
    public static void Check()
    {
        if (running && (spent || (Stopwatch.GetTimestamp() > deadline && Spent())))
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
        var start = Stopwatch.GetTimestamp();
        running = true;
        spent = false;
        callBudget = budget;
        cpuStart = ThreadCpuTime.Now();
        deadline = start + Ticks(budget);
        elapsedLimit = start + (Ticks(budget) * ElapsedLimitFactor);
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

    /// <summary>Past the elapsed-time deadline: whether the call has used its processor time, or else when to look again.</summary>
    private static bool Spent()
    {
        var now = Stopwatch.GetTimestamp();
        if (cpuStart is not { } started || ThreadCpuTime.Now() is not { } cpu || now > elapsedLimit)
        {
            return true;
        }

        var left = callBudget - (cpu - started);
        if (left <= TimeSpan.Zero)
        {
            return true;
        }

        deadline = now + Ticks(left);
        return false;
    }

    private static long Ticks(TimeSpan time) => (long)(time.TotalSeconds * Stopwatch.Frequency);
}

/// <summary>Thrown into a script whose call has run past its time budget.</summary>
internal sealed class ScriptBudgetExceededException() : Exception("the C# function ran past its time budget");
