using System.Text.Json;
using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary><c>zpol check</c> with the real engine, on the specification's worked examples and on bad input files.</summary>
public sealed class CheckEndToEndTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Null_handling_and_locations_example_reports_what_the_spec_expects()
    {
        var outcome = Check(Examples.NullAndLocationSite, Examples.NullAndLocationRules);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal([("EX-LOG", 9), ("EX-OS", 8), ("EX-OS", 9), ("EX-SL", 5)], Findings(outcome));
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "EX-OS" && d.Line == 8 && d.Message == "hmi-1: Windows 10 support ends 2025-10-14");
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "EX-OS" && d.Line == 9 && d.Message == "hmi-2: Windows 11 support ends null");
    }

    [Fact]
    public void Paths_example_reports_the_shortest_path_with_its_witness_as_a_sarif_code_flow()
    {
        var outcome = Check(Examples.PathsSite, Examples.PathsRules, "--format", "sarif");

        Assert.Equal(0, outcome.ExitCode);
        var result = Assert.Single(outcome.Json.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("EX-ANY", result.GetProperty("ruleId").GetString());
        Assert.Equal("note", result.GetProperty("level").GetString());
        Assert.Equal("svc -> fw-e -> proxy -> mes-1 -> fw-i -> plc-a (5 hops)", result.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(7, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        var steps = result.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations").EnumerateArray()
            .Select(s => s.GetProperty("location").GetProperty("message").GetProperty("text").GetString())
            .Where(m => m!.StartsWith("asset ", StringComparison.Ordinal));
        Assert.Equal(["asset `svc`", "asset `fw-e`", "asset `proxy`", "asset `mes-1`", "asset `fw-i`", "asset `plc-a`"], steps);
    }

    [Fact]
    public void Waivers_example_reports_what_the_spec_expects_and_keeps_waived_violations_apart()
    {
        var outcome = Check(Examples.WaiversSite, Examples.WaiversRules);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal([("EX-EP", 7), ("ZP0301", 13), ("ZP0302", 14), ("ZP0303", 12)], Findings(outcome));
        Assert.Equal([("EX-EP", 5), ("EX-EP", 6)], Findings(outcome, "suppressed"));
        var waiver = outcome.Json.GetProperty("suppressed").EnumerateArray().Single(d => d.GetProperty("line").GetInt32() == 5).GetProperty("waiver");
        Assert.Equal("vendor forbids agents", waiver.GetProperty("reason").GetString());
        Assert.Equal("ot security", waiver.GetProperty("approvedBy").GetString());
        Assert.Equal("2027-06-30", waiver.GetProperty("expires").GetString());
        Assert.Equal(2, outcome.Json.GetProperty("summary").GetProperty("suppressed").GetInt32());
    }

    [Fact]
    public void Waived_violations_are_sarif_results_with_an_external_suppression()
    {
        var outcome = Check(Examples.WaiversSite, Examples.WaiversRules, "--format", "sarif");

        var waived = outcome.Json.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.TryGetProperty("suppressions", out _))
            .ToList();
        Assert.Equal(2, waived.Count);
        Assert.All(waived, r => Assert.Equal("EX-EP", r.GetProperty("ruleId").GetString()));
        Assert.Contains(waived, r => r.GetProperty("suppressions")[0].GetProperty("justification").GetString() == "vendor forbids agents");
    }

    [Fact]
    public void Severity_none_on_the_command_line_silences_a_rule_but_not_the_waiver_diagnostics()
    {
        var outcome = Check(Examples.WaiversSite, Examples.WaiversRules, "--severity", "EX-EP=none");

        Assert.DoesNotContain(outcome.JsonDiagnostics(), d => d.Id == "EX-EP");
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "ZP0301" && d.Line == 13);
    }

    [Fact]
    public void Severity_none_in_an_editorconfig_silences_a_rule()
    {
        temp.Write(".editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.EX-EP.severity = none\n");

        var outcome = Check(Examples.WaiversSite, Examples.WaiversRules);

        Assert.DoesNotContain(outcome.JsonDiagnostics(), d => d.Id == "EX-EP");
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "ZP0301" && d.Line == 13);
    }

    [Fact]
    public void A_parameter_override_changes_what_a_rule_allows()
    {
        var outcome = Check(Examples.WaiversSite, Examples.WaiversRules, "--param", "allowed=[\"antivirus\", \"allowlist\", \"none\"]");

        Assert.DoesNotContain(outcome.JsonDiagnostics(), d => d.Id == "EX-EP");
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "ZP0302" && d.Line == 14);
    }

    [Fact]
    public void Today_decides_which_waivers_have_expired()
    {
        var outcome = Check(Examples.WaiversSite, Examples.WaiversRules, "--today", "2027-07-01");

        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "ZP0301" && d.Line == 11);
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "EX-EP" && d.Line == 5);
    }

    [Fact]
    public void Warnaserror_turns_a_run_with_only_warnings_into_a_failure()
    {
        var downgraded = new[] { "--severity", "EX-OS=warning" };

        Assert.Equal(0, Check(Examples.NullAndLocationSite, Examples.NullAndLocationRules, downgraded).ExitCode);
        Assert.Equal(1, Check(Examples.NullAndLocationSite, Examples.NullAndLocationRules, [.. downgraded, "--warnaserror"]).ExitCode);
    }

    [Fact]
    public void Output_writes_the_text_report_to_a_file()
    {
        var site = temp.Write("site.json", Examples.WaiversSite);
        var rules = temp.Write("rules.zpol", Examples.WaiversRules);
        var report = Path.Combine(temp.Path, "report.txt");

        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "check", site, "--rules", rules, "--today", "2026-11-25", "--output", report);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Out);
        Assert.Contains($"{site}(7,", File.ReadAllText(report));
        Assert.EndsWith("(2 suppressed)\n", File.ReadAllText(report));
    }

    [Fact]
    public void A_missing_topology_file_is_ZP0310_with_exit_code_2()
    {
        var rules = temp.Write("rules.zpol", Examples.WaiversRules);
        var missing = Path.Combine(temp.Path, "nowhere.json");

        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "check", missing, "--rules", rules, "--format", "json");

        Assert.Equal(2, outcome.ExitCode);
        var diagnostic = Assert.Single(outcome.Json.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "ZP0310");
        Assert.Equal(missing, diagnostic.GetProperty("file").GetString());
    }

    [Fact]
    public void A_missing_rule_file_is_ZP0310_with_exit_code_2()
    {
        var site = temp.Write("site.json", Examples.WaiversSite);

        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "check", site, "--rules", Path.Combine(temp.Path, "nowhere.zpol"), "--format", "json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "ZP0310");
    }

    [Fact]
    public void A_rules_folder_without_zpol_files_is_ZP0306_with_exit_code_2()
    {
        var site = temp.Write("site.json", Examples.WaiversSite);
        var empty = temp.Folder("policy");
        temp.Write("policy/README.md", "no rules yet");

        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "check", site, "--rules", empty, "--format", "json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "ZP0306");
    }

    [Fact]
    public void Malformed_topology_json_is_ZP0201_at_a_position_with_exit_code_2()
    {
        var outcome = Check("{\n  \"schemaVersion\": \"1\",\n  \"zones\": [\n}\n", Examples.WaiversRules);

        Assert.Equal(2, outcome.ExitCode);
        var diagnostic = Assert.Single(outcome.JsonDiagnostics(), d => d.Id == "ZP0201");
        Assert.Equal(4, diagnostic.Line);
        Assert.True(diagnostic.Column > 0);
    }

    [Fact]
    public void An_unknown_pack_is_ZP0307_with_exit_code_2()
    {
        var site = temp.Write("site.json", Examples.WaiversSite);

        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "check", site, "--pack", "no-such-pack", "--no-feeds", "--format", "json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "ZP0307");
    }

    /// <summary>
    /// Runs the check on a topology and rules written to the temp folder; unless the options say otherwise,
    /// as of the examples' date (2026-11-25) and as JSON.
    /// </summary>
    private CliOutcome Check(string site, string rules, params string[] options)
    {
        var sitePath = temp.Write("site.json", site);
        var rulesPath = temp.Write("rules.zpol", rules);
        string[] today = options.Contains("--today") ? [] : ["--today", "2026-11-25"];
        string[] format = options.Contains("--format") ? [] : ["--format", "json"];
        return Cli.Run(PolicyEngine.Check, temp.Path, ["check", sitePath, "--rules", rulesPath, .. today, .. format, .. options]);
    }

    /// <summary>(id, line) of each reported diagnostic, ordered by id then line.</summary>
    private static List<(string Id, int Line)> Findings(CliOutcome outcome, string list = "diagnostics") =>
        outcome.JsonDiagnostics(list).Select(d => (d.Id, d.Line)).OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Line).ToList();
}
