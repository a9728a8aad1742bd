using System.Diagnostics;
using ZonePolicy.Scripting;

namespace ZonePolicy.Tests.Scripting;

/// <summary>A C# function's budget is processor time, with elapsed time as a backstop.</summary>
public sealed class ScriptBudgetTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(40);

    [Fact]
    public void A_call_that_waits_longer_than_its_budget_without_using_the_processor_is_within_it()
    {
        var thrown = ScriptBudget.Run(Budget, () =>
        {
            // What a thread waiting for a core on a busy machine looks like to the clocks.
            Thread.Sleep(Budget * 2);
            ScriptBudget.Check();
        }, out var overBudget);

        Assert.Null(thrown);
        Assert.False(overBudget);
    }

    [Fact]
    public void A_call_that_uses_its_processor_time_is_stopped_and_stays_stopped()
    {
        var checks = 0;
        var thrown = ScriptBudget.Run(Budget, () =>
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    ScriptBudget.Check();
                }
                catch (Exception) when (++checks < 3)
                {
                    // A script that catches the exception is stopped at its next check.
                }
            }
        }, out var overBudget);

        Assert.True(overBudget);
        Assert.NotNull(thrown);
        Assert.Equal(3, checks);
    }

    [Fact]
    public void A_call_that_waits_for_ten_budgets_is_stopped_all_the_same()
    {
        var thrown = ScriptBudget.Run(Budget, () =>
        {
            Thread.Sleep(Budget * (ScriptBudget.ElapsedLimitFactor + 1));
            ScriptBudget.Check();
        }, out var overBudget);

        Assert.True(overBudget);
        Assert.NotNull(thrown);
    }

    [Fact]
    public void The_thread_processor_clock_is_read_where_the_platform_has_one()
    {
        Assert.True(!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsWindows()) || ThreadCpuTime.Now() is not null);
    }
}
