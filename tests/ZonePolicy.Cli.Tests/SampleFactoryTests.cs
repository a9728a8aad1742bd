using System.Runtime.CompilerServices;
using ZonePolicy.Testing;

namespace ZonePolicy.Cli.Tests;

/// <summary>The shipped Annex A factory and rule packs, checked end to end through the real engine.</summary>
public sealed class SampleFactoryTests
{
    private static readonly string Root = RepositoryRoot();

    private static readonly string[] Cases =
    [
        "samples/annex-a-factory/case1-cad-to-manufacturing.topology.json",
        "samples/annex-a-factory/case2-remote-maintenance.topology.json",
        "samples/annex-a-factory/case3-mes-upgrade.topology.json",
    ];

    [Fact]
    public void The_readme_command_reports_the_sample_violations_and_exits_1()
    {
        var outcome = Cli.RunProcess(Root, ["check", .. Cases, "--rules", "samples/annex-a-factory/rules", "--today", "2026-11-25"]);

        Assert.Equal(1, outcome.ExitCode);
        Approvals.Verify(outcome.Out);
    }

    [Fact]
    public void The_fixed_sample_passes_the_starter_rules_with_its_waivers()
    {
        var fixedCases = Cases.Select(c => c.Replace("annex-a-factory/", "annex-a-factory/fixed/")).ToArray();

        var outcome = Cli.RunProcess(Root, ["check", .. fixedCases, "--rules", "samples/annex-a-factory/rules", "--today", "2026-11-25", "--format", "json"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(outcome.JsonDiagnostics());
        Assert.NotEmpty(outcome.JsonDiagnostics("suppressed"));
    }

    [Fact]
    public void A_shipped_pack_is_found_by_name()
    {
        var outcome = Cli.RunProcess(Root, ["check", Cases[0], "--pack", "meti-factory-guidelines", "--today", "2026-11-25", "--format", "json"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id.StartsWith("METI-", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_shipped_pack_passes_its_own_tests()
    {
        var outcome = Cli.RunProcess(Root, ["test", "rules/meti-factory-guidelines", "rules/iec62443-zones", "rules/semi-e187-baseline"]);

        Assert.True(outcome.ExitCode == 0, outcome.Out + outcome.Error);
        var summary = outcome.Out.TrimEnd().Split('\n')[^1];
        Assert.Matches("^[1-9][0-9]* passed, 0 failed$", summary);
        Assert.DoesNotContain("FAIL", outcome.Out);
    }

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
