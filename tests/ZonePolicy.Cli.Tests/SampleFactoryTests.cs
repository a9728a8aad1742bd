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

    private static readonly string[] FixedCases = [.. Cases.Select(c => c.Replace("annex-a-factory/", "annex-a-factory/fixed/", StringComparison.Ordinal))];

    private static readonly string[] ThreePacks = ["--pack", "meti-factory-guidelines", "--pack", "iec62443-zones", "--pack", "semi-e187-baseline", "--no-feeds"];

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
        var outcome = Cli.RunProcess(Root, ["check", .. FixedCases, "--rules", "samples/annex-a-factory/rules", "--today", "2026-11-25", "--format", "json"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(outcome.JsonDiagnostics());
        Assert.NotEmpty(outcome.JsonDiagnostics("suppressed"));
    }

    [Fact]
    public void The_fixed_sample_passes_the_three_shipped_packs_together_with_no_error()
    {
        var outcome = Cli.RunProcess(Root, ["check", .. FixedCases, .. ThreePacks, "--today", "2026-11-25", "--format", "json"]);

        Assert.Equal(0, outcome.ExitCode);
        var diagnostics = outcome.Json.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (Id: d.GetProperty("id").GetString(), Severity: d.GetProperty("severity").GetString(), File: Path.GetFileName(d.GetProperty("file").GetString())))
            .ToList();
        Assert.DoesNotContain(diagnostics, d => d.Severity == "error");

        // What case (iii) leaves open: the integrator's contract states incident responsibility only from its renewal,
        // which the starter rules' waiver covers and the METI rule reports; that waiver's rule does not run here, so it is not unused.
        Assert.Equal(
            [("METI-TP-01", "warning", "case3-mes-upgrade.topology.json")],
            diagnostics.Select(d => (d.Id, d.Severity, d.File)).Order());
    }

    [Fact]
    public void The_compliance_matrix_of_a_fixed_case_shows_the_clauses_it_attests()
    {
        var outcome = Cli.RunProcess(Root, ["compliance", FixedCases[1], .. ThreePacks, "--today", "2026-11-25", "--format", "json"]);

        Assert.Equal(0, outcome.ExitCode);
        var packs = outcome.Json.GetProperty("sites")[0].GetProperty("packs").EnumerateArray().ToList();
        Assert.Equal(3, packs.Count);
        Assert.All(packs, pack =>
        {
            var counts = pack.GetProperty("counts");
            Assert.Equal((0, 0), (counts.GetProperty("failed").GetInt32(), counts.GetProperty("evidence-missing").GetInt32()));
            Assert.True(counts.GetProperty("attested").GetInt32() > 0);
        });
        var clause = packs.SelectMany(p => p.GetProperty("clauses").EnumerateArray())
            .Single(c => c.GetProperty("id").GetString() == "IEC 62443-3-2 ZCR 5.12");
        Assert.Equal("attested", clause.GetProperty("status").GetString());
        Assert.StartsWith("Risk assessment RA-OT-2026", clause.GetProperty("attestation").GetProperty("evidence").GetString(), StringComparison.Ordinal);
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
