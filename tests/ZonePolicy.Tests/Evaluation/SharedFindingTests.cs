using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>Rules of several packs declared the same with <c>sameAs</c> report a finding they share once.</summary>
public sealed class SharedFindingTests : IDisposable
{
    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [ { "id": "ext", "kind": "external" }, { "id": "cell", "kind": "control", "securityLevel": 2 } ],
          "assets": [
            { "id": "svc", "zone": "ext", "type": "remote-maintenance" },
            { "id": "plc-1", "zone": "cell", "type": "plc" },
            { "id": "plc-2", "zone": "cell", "type": "plc" }
          ],
          "flows": [
            { "id": "f-1", "from": "svc", "to": "plc-1" },
            { "id": "f-2", "from": "svc", "to": "plc-2", "authenticated": true, "encrypted": false }
          ]
        }
        """;

    private const string PackA = """
        pack a.pack
        rule A-AUTH "sessions from outside are authenticated" {
          severity warning
          refs "A clause 1"
          sameAs "B-AUTH"
          for flow f where f.from.zone.kind == "external"
          require f.authenticated == true
          message "{f} is not authenticated (A)"
        }
        """;

    private const string PackB = """
        pack b.pack
        rule B-AUTH "connections from external zones are authenticated" {
          severity error
          refs "B SR 1.13"
          for flow f where f.from.zone.kind == "external"
          require f.authenticated == true and f.encrypted == true
          message "{f} is not authenticated and encrypted (B)"
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_finding_both_rules_report_is_shown_once_under_the_more_severe_with_each_rules_own_report()
    {
        var result = Check();

        Assert.Equal(
        [
            "B-AUTH 10: f-1 is not authenticated and encrypted (B) (also A-AUTH)",
            "B-AUTH 11: f-2 is not authenticated and encrypted (B)",
        ], result.Lines());
        var shared = result.Diagnostics[0];
        Assert.Equal(["B-AUTH", "A-AUTH"], shared.SharedBy.Select(d => d.Id));
        Assert.Equal([Severity.Error, Severity.Warning], shared.SharedBy.Select(d => d.Severity));
        Assert.Equal("f-1 is not authenticated (A)", shared.SharedBy[1].Message);
        Assert.Equal(["A clause 1"], shared.SharedBy[1].Rule!.Refs);
        Assert.Empty(result.Diagnostics[1].SharedBy);
    }

    [Fact]
    public void Json_and_sarif_carry_each_rules_report_of_a_shared_finding()
    {
        var result = Check();

        using var json = System.Text.Json.JsonDocument.Parse(Reporting.SampleResults.Write(result, ZonePolicy.Reporting.ReportFormat.Json));
        var shared = json.RootElement.GetProperty("diagnostics")[0].GetProperty("sharedBy");
        Assert.Equal(["B-AUTH", "A-AUTH"], shared.EnumerateArray().Select(s => s.GetProperty("rule").GetString()));
        Assert.Equal(("a.pack", "A clause 1", "warning"), (shared[1].GetProperty("pack").GetString(), shared[1].GetProperty("refs")[0].GetString(), shared[1].GetProperty("severity").GetString()));

        using var sarif = System.Text.Json.JsonDocument.Parse(Reporting.SampleResults.Write(result, ZonePolicy.Reporting.ReportFormat.Sarif));
        var first = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal(["B-AUTH", "A-AUTH"], first.GetProperty("properties").GetProperty("sharedBy").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(
            ["rule `B-AUTH` is declared here", "rule `A-AUTH` reports the same finding"],
            first.GetProperty("relatedLocations").EnumerateArray().Select(l => l.GetProperty("message").GetProperty("text").GetString()));
    }

    [Fact]
    public void The_relation_is_symmetric_so_either_side_may_declare_it()
    {
        var result = Check(packA: PackA.Replace("sameAs \"B-AUTH\"", ""), packB: PackB.Replace("refs \"B SR 1.13\"", "refs \"B SR 1.13\"\n  sameAs \"A-AUTH\""));

        Assert.Equal(["B-AUTH", "A-AUTH"], result.Diagnostics[0].SharedBy.Select(d => d.Id));
    }

    [Fact]
    public void A_rule_of_a_pack_that_is_not_loaded_changes_nothing()
    {
        var result = workspace.Check(PackA, Site);

        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal(("A-AUTH", "f-1 is not authenticated (A)"), (finding.Id, finding.Message));
        Assert.Empty(finding.SharedBy);
    }

    [Fact]
    public void A_waiver_for_either_rule_waives_the_shared_finding()
    {
        var waived = Site.Replace("\"flows\"", """
            "waivers": [ { "rule": "A-AUTH", "targets": ["f-1"], "reason": "jump host", "approvedBy": "ot", "expires": "2027-06-30" } ],
              "flows"
            """);

        var result = Check(site: waived);

        Assert.Equal(["B-AUTH 12: f-2 is not authenticated and encrypted (B)"], result.Lines());
        var suppressed = Assert.Single(result.Suppressed);
        Assert.Equal(("B-AUTH", "jump host"), (suppressed.Id, suppressed.Waiver!.Reason));
        Assert.Equal(2, suppressed.SharedBy.Count);
    }

    [Fact]
    public void A_rule_set_to_none_leaves_the_finding_to_the_other()
    {
        var result = Check(configure: b => b.Severities.Add(new("B-AUTH", "none")));

        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal(("A-AUTH", Severity.Warning, "f-1 is not authenticated (A)"), (finding.Id, finding.Severity, finding.Message));
    }

    [Fact]
    public void A_baseline_entry_for_either_rule_accepts_the_shared_finding_and_a_new_baseline_lists_both()
    {
        var baseline = workspace.Write("baseline.json", """{ "version": 1, "violations": [ { "rule": "A-AUTH", "entities": ["f-1"] } ] }""");

        var result = Check(configure: b => b.Baseline = baseline);
        using var written = new MemoryStream();
        ZonePolicy.Findings.Baseline.Write(result, written);

        Assert.Equal(["B-AUTH 11: f-2 is not authenticated and encrypted (B)"], result.Lines());
        Assert.True(Assert.Single(result.Suppressed).Baselined);
        var text = System.Text.Encoding.UTF8.GetString(written.ToArray());
        Assert.Contains("\"A-AUTH\"", text);
        Assert.Equal(3, text.Split("\"rule\"").Length - 1);
    }

    [Fact]
    public void Rules_declared_the_same_must_bind_the_same_kinds_of_entities()
    {
        var result = Check(packB: PackB.Replace("for flow f where f.from.zone.kind == \"external\"", "for asset f where f.zone.kind == \"external\"").Replace("f.authenticated == true and f.encrypted == true", "true"));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("ZP0344", "a/rules.zpol", 5, 10), (error.Id, Path.GetRelativePath(workspace.Root, error.Location.File).Replace('\\', '/'), error.Location.Line, error.Location.Column));
        Assert.Equal("`A-AUTH` binds `flow` but `B-AUTH` binds `asset`; rules declared the same with `sameAs` report one finding for the same entities, so they bind the same kinds in the same order", error.Message);
        Assert.Equal(2, result.ExitCode);
    }

    [Theory]
    [InlineData("sameAs \"not an id!\"", "`not an id!` in `sameAs` is not a rule id; write ids such as `IEC-AC-02`")]
    [InlineData("sameAs \"R-1\"", "rule `R-1` names itself in `sameAs`; name the rules of other packs that check the same")]
    public void A_same_as_entry_that_is_not_another_rule_id_is_an_error(string clause, string message)
    {
        var result = workspace.Check($"rule R-1 \"r\" {{ {clause} for zone z require true }}", Site);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("ZP0345", 1, 23, message), (error.Id, error.Location.Line, error.Location.Column, error.Message));
    }

    private CheckResult Check(string? packA = null, string? packB = null, string? site = null, Action<CheckRequestBuilder>? configure = null)
    {
        var builder = new CheckRequestBuilder
        {
            RuleSources = [workspace.Write("a/rules.zpol", packA ?? PackA), workspace.Write("b/rules.zpol", packB ?? PackB)],
            TopologyFiles = [workspace.Write("site.json", site ?? Site)],
        };
        configure?.Invoke(builder);
        return PolicyEngine.Check(builder.Build());
    }
}
