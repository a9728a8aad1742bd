using Xunit;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli.Tests;

/// <summary>What <c>zpol check</c> asks the engine for.</summary>
public sealed class CheckRequestTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Every_option_reaches_the_request()
    {
        var request = Request(
            "check", "north.json", "south.json",
            "--rules", "policy/zoning.zpol", "--rules", "policy/extra",
            "--pack", "meti-factory", "--pack", "iec-62443",
            "--param", "max_sl_gap=2", "--param", "owner=\"ot security\"", "--param", "cutoff=@2027-01-01",
            "--severity", "ZN-001=warning", "--severity", "ZP0302=none",
            "--today", "2026-11-25",
            "--baseline", "baseline.json",
            "--warnaserror");

        Assert.Equal(["north.json", "south.json"], request.TopologyFiles);
        Assert.Equal(["policy/zoning.zpol", "policy/extra"], request.RuleSources);
        Assert.Equal(["meti-factory", "iec-62443"], request.Packs);
        Assert.Equal([Path.Combine(AppContext.BaseDirectory, "packs")], request.ShippedPackDirectories);
        Assert.Empty(request.PackDirectories);
        Assert.Equal(
            [new("max_sl_gap", "2"), new("owner", "\"ot security\""), new("cutoff", "@2027-01-01")],
            request.Parameters);
        Assert.Equal([("ZN-001", "warning"), ("ZP0302", "none")], request.Severities.Select(s => (s.Id, s.Level)));
        Assert.All(request.Severities, s => Assert.Equal(ZonePolicy.Diagnostics.SourceLocation.CommandLine, s.Location));
        Assert.Equal(new DateOnly(2026, 11, 25), request.Today);
        Assert.Equal("baseline.json", request.BaselineFile);
        Assert.Equal(temp.Path, request.WorkingDirectory);
        Assert.True(request.WarningsAsErrors);
    }

    [Fact]
    public void The_pack_options_reach_the_request_with_paths_as_given_and_the_working_folder()
    {
        var request = Request("check", "site.json", "--pack", "acme@[1.0.0, 2.0.0)", "--pack-dir", "packs", "--trust", "acme", "--lock-file", "ci.lock.json", "--locked");
        var defaults = Request("check", "site.json", "--pack", "acme", "--no-feeds");
        var explicitLock = Request("check", "site.json", "--pack", "acme", "--lock-file", "ci.lock.json");

        Assert.Equal(["acme@[1.0.0, 2.0.0)"], request.Packs);
        Assert.Equal(["packs"], request.PackDirectories);
        Assert.Equal(["acme"], request.TrustedPacks);
        Assert.Equal(temp.Path, request.NuGetConfigDirectory);
        Assert.Equal(("ci.lock.json", PackLockMode.Locked, temp.Path), (request.LockFile, request.LockMode, request.WorkingDirectory));
        Assert.Null(defaults.NuGetConfigDirectory);
        Assert.Equal(("zonepolicy.lock.json", PackLockMode.Auto), (defaults.LockFile, defaults.LockMode));
        Assert.Equal(PackLockMode.Update, explicitLock.LockMode);
    }

    [Fact]
    public void Unset_options_leave_the_engine_its_defaults()
    {
        var request = Request("check", "site.json", "--pack", "meti-factory");

        Assert.Empty(request.RuleSources);
        Assert.Empty(request.Parameters);
        Assert.Empty(request.Severities);
        Assert.Null(request.Today);
        Assert.Null(request.BaselineFile);
        Assert.False(request.WarningsAsErrors);
    }

    [Fact]
    public void A_parameter_value_is_passed_as_written_up_from_the_first_equals_sign()
    {
        var request = Request("check", "site.json", "--rules", "r.zpol", "--param", "allowed=[\"antivirus\", \"a=b\"]", "--param", "empty=");

        Assert.Equal([new("allowed", "[\"antivirus\", \"a=b\"]"), new("empty", "")], request.Parameters);
    }

    [Fact]
    public void Severities_reach_the_engine_in_order_as_written_for_it_to_read()
    {
        var request = Request("check", "site.json", "--rules", "r.zpol", "--severity", "EX-OS=warning", "--severity", "EX-LOG=Info", "--severity", "EX-OS=loud");

        Assert.Equal([("EX-OS", "warning"), ("EX-LOG", "Info"), ("EX-OS", "loud")], request.Severities.Select(s => (s.Id, s.Level)));
    }

    [Fact]
    public void Options_may_come_before_the_topology_files()
    {
        var request = Request("check", "--rules", "r.zpol", "--today", "2026-01-31", "site.json");

        Assert.Equal(["site.json"], request.TopologyFiles);
        Assert.Equal(new DateOnly(2026, 1, 31), request.Today);
    }

    [Fact]
    public void Analyzer_config_files_above_the_working_directory_and_the_topologies_reach_the_request()
    {
        temp.Write(".editorconfig", "root = true\n");
        temp.Write("plant/.globalconfig", "is_global = true\n");
        temp.Write("plant/site/.editorconfig", "[*.json]\n");

        var request = Request("check", "plant/site/a.json", "--rules", "r.zpol");

        Assert.Equal(
            [".editorconfig", Path.Combine("plant", ".globalconfig"), Path.Combine("plant", "site", ".editorconfig")],
            request.AnalyzerConfigFiles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_bad_level_in_a_config_file_is_reported_at_its_place_and_the_check_still_runs()
    {
        temp.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.EX-EP.severity = loud\n");
        temp.Write("rules.zpol", "rule EX-EP \"ep\" { severity warning for zone z forbid true }");
        temp.Write("site.json", """{ "schemaVersion": "1", "zones": [ { "id": "z", "kind": "control" } ] }""");

        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "check", "site.json", "--rules", "rules.zpol");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith(".editorconfig(3,36): error ZP0308: `loud` is not a severity level for `EX-EP`; use error, warning, suggestion, silent, none or default\nsite.json(1,36): warning EX-EP: ", outcome.Out);
    }

    private CheckRequest Request(params string[] args)
    {
        var requests = new List<CheckRequest>();
        var outcome = Cli.Run(Engines.Recording(requests), temp.Path, args);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        return Assert.Single(requests);
    }
}
