using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Evaluation;

public sealed class EvaluationTests : IDisposable
{
    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "ext", "kind": "external" },
            { "id": "office", "kind": "enterprise", "securityLevel": 1 },
            { "id": "cell", "kind": "control", "securityLevel": 3, "purdueLevel": 1 }
          ],
          "assets": [
            { "id": "cloud", "zone": "ext", "type": "cloud-service" },
            { "id": "pc", "zone": "office", "type": "workstation", "lastPatched": "2026-01-10", "props": { "owner": "it", "racks": 2 } },
            { "id": "fw", "zone": "office", "type": "firewall" },
            { "id": "plc-b", "zone": "cell", "type": "plc", "services": [ { "port": 502, "transport": "tcp" }, { "port": 22, "transport": "tcp", "enabled": false } ] },
            { "id": "plc-a", "zone": "cell", "type": "plc", "vulnerabilities": [ { "id": "CVE-1", "cvss": 9.8, "mitigated": false }, { "id": "CVE-2", "cvss": 4.0, "mitigated": true } ] }
          ],
          "flows": [
            { "id": "f-in", "from": "cloud", "to": "pc", "encrypted": true },
            { "id": "f-b", "from": "pc", "to": "plc-b", "control": true },
            { "id": "f-a", "from": "pc", "to": "plc-a", "via": ["fw"], "control": true }
          ]
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Require_fails_closed_and_forbid_stays_quiet_on_null()
    {
        var result = workspace.Check("""
            rule R-REQ "zone level known" { for zone z require z.securityLevel >= 1 }
            rule R-FORBID "no old zones" { for zone z forbid z.securityLevel < 2 }
            """, Site);

        Assert.Equal(["R-REQ 4: zone level known", "R-FORBID 5: no old zones"], result.Lines());
    }

    [Fact]
    public void And_short_circuits_on_false_and_or_on_true()
    {
        var result = workspace.Check("""
            rule R-AND "and" { for zone z where z.id == "ext" require false and z.securityLevel > 1 or true }
            rule R-OR "or" { for zone z where z.id == "ext" forbid true or z.securityLevel > 1 }
            rule R-NULL "null and true is null" { for zone z where z.id == "ext" require z.securityLevel > 1 and true }
            """, Site);

        Assert.Equal(["R-NULL", "R-OR"], result.Ids().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Comprehensions_count_sum_and_quantify_over_nested_records()
    {
        var result = workspace.Check("""
            rule R-ANY "unmitigated critical" {
              for asset a where any(v in a.vulnerabilities where v.cvss >= 9 and not v.mitigated)
              forbid true
              message "{a}: {count(v in a.vulnerabilities where not v.mitigated)} open, total {sum(v in a.vulnerabilities select v.cvss)}, worst {max(v in a.vulnerabilities select v.cvss)}"
            }
            rule R-ALL "only enabled services listen on 502" {
              for asset a where count(a.services) > 0
              require all(s in a.services where s.enabled == false or s.port == 502)
            }
            rule R-NONE "nothing listens on 23" {
              for asset a where count(a.services) > 0
              require none(s in a.services where s.port == 23)
            }
            """, Site);

        Assert.Equal(["R-ANY 13: plc-a: 1 open, total 13.8, worst 9.8"], result.Lines());
    }

    [Fact]
    public void Dates_and_durations_compute_with_today()
    {
        var result = workspace.Check("""
            param max_age = 180
            rule R-PATCH "patched recently" {
              for asset a where has(a.lastPatched)
              require today - a.lastPatched <= days(max_age)
              message "{a} last patched {a.lastPatched}, {today - a.lastPatched} ago; due {a.lastPatched + days(max_age)}"
            }
            """, Site);

        Assert.Equal(["R-PATCH 10: pc last patched 2026-01-10, 319 days ago; due 2026-07-09"], result.Lines());
    }

    [Fact]
    public void Helpers_constants_props_and_builtins_work_together()
    {
        var result = workspace.Check("""
            let boundary_types = ["firewall", "data-diode"]
            let is_boundary(d) = d.type in boundary_types
            let plcs = count(a in assets where a.type == "plc")
            rule R-HELP "control flows pass a boundary" {
              for flow f where f.control and f.to.zone.kind == "control"
              require any(d in f.via where is_boundary(d))
              message "{f} ({upper(f.from.props[\"owner\"])}, {f.from.props[\"racks\"]} racks, {len(f.to.id)} chars, {plcs} plcs) has no boundary: via {f.via}"
            }
            """, Site);

        Assert.Equal(["R-HELP 17: f-b (IT, 2 racks, 5 chars, 2 plcs) has no boundary: via null"], result.Lines());
    }

    [Fact]
    public void Path_avoids_intermediate_firewalls_but_not_end_points()
    {
        var result = workspace.Check("""
            rule R-PATH "cloud reaches the cell without a firewall" {
              for zone src where src.kind == "external"
              for zone dst where dst.kind == "control"
              let p = path(src, dst, avoid d where d.type == "firewall")
              forbid p != null
              message "{p} ({p.length} hops, flows {p.flows})"
            }
            rule R-ALL "cloud reaches plc-a at all" {
              for asset a where a.id == "cloud"
              for asset b where b.id == "plc-a"
              require not reachable(a, b)
              at b
            }
            """, Site);

        Assert.Equal(
        [
            "R-PATH 6: cloud -> pc -> plc-b (2 hops, flows [f-in, f-b])",
            "R-ALL 13: cloud reaches plc-a at all",
        ], result.Lines());
    }

    [Fact]
    public void Shortest_path_ties_are_broken_by_id()
    {
        var site = """
            {
              "schemaVersion": "1",
              "zones": [ { "id": "z", "kind": "control" } ],
              "assets": [
                { "id": "s", "zone": "z" }, { "id": "m2", "zone": "z" }, { "id": "m1", "zone": "z" }, { "id": "t", "zone": "z" }
              ],
              "flows": [
                { "id": "a", "from": "s", "to": "m2" }, { "id": "b", "from": "s", "to": "m1" },
                { "id": "c", "from": "m2", "to": "t" }, { "id": "d", "from": "m1", "to": "t" }
              ]
            }
            """;
        var result = workspace.Check("""
            rule R-TIE "path" {
              for asset a where a.id == "s"
              for asset b where b.id == "t"
              let p = path(a, b)
              forbid p != null
              message "{p}"
            }
            """, site);

        Assert.Equal(["R-TIE 5: s -> m1 -> t"], result.Lines());
    }

    [Fact]
    public void A_rule_reports_one_violation_per_distinct_binding()
    {
        var result = workspace.Check("""
            rule R-DUP "flows into the cell" {
              for zone z where z.kind == "control"
              for flow f in z.flowsIn + z.flowsIn
              forbid true
            }
            """, Site.Replace("\"control\": true", "\"control\": false"));

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal([["cell", "f-b"], ["cell", "f-a"]], result.Diagnostics.Select(d => d.Entities));
    }

    [Fact]
    public void Violations_with_the_same_place_and_message_but_other_bindings_are_all_reported()
    {
        var result = workspace.Check("""
            rule R-SAME "every zone pair" { for zone a for zone b where b.id == "cell" forbid true at b }
            """, Site);

        Assert.Equal(3, result.Diagnostics.Count);
        Assert.Equal([["ext", "cell"], ["office", "cell"], ["cell", "cell"]], result.Diagnostics.Select(d => d.Entities));
    }

    [Fact]
    public void Severity_overrides_and_warnings_as_errors_apply_after_the_rule_severity()
    {
        const string rules = """
            rule R-W "warn" { severity warning for zone z where z.id == "ext" forbid true }
            rule R-I "info" { severity info for zone z where z.id == "ext" forbid true }
            """;

        var promoted = workspace.Check(rules, Site, b => b.WarningsAsErrors = true);
        var overridden = workspace.Check(rules, Site, b => b.Severities.Add(new("R-I", "error")));

        Assert.Equal([Severity.Info, Severity.Error], promoted.Diagnostics.OrderBy(d => d.Id).Select(d => d.Severity));
        Assert.Equal(1, promoted.ExitCode);
        Assert.Equal([Severity.Error, Severity.Warning], overridden.Diagnostics.OrderBy(d => d.Id).Select(d => d.Severity));
    }

    [Fact]
    public void Override_of_an_unknown_rule_warns_with_a_suggestion()
    {
        var result = workspace.Check("rule R-ONE \"one\" { for zone z forbid false }", Site, b => b.Severities.Add(new("R-ONF", "error")));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ZP0314", diagnostic.Id);
        Assert.Equal("severity override for `R-ONF`, which no rule has; did you mean `R-ONE`?", diagnostic.Message);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Baseline_suppresses_known_violations_by_identity()
    {
        const string rules = """rule R-B "flows" { severity error for flow f where f.control forbid true }""";
        var first = workspace.Check(rules, Site);
        var baseline = Path.Combine(workspace.Root, "baseline.json");
        using (var stream = File.Create(baseline))
        {
            ZonePolicy.Findings.Baseline.Write(first, stream);
        }

        var reformatted = Site.Replace("\n", "\n\n");
        var second = workspace.Check(rules, reformatted, b => b.Baseline = baseline);

        Assert.Equal(2, first.Errors);
        Assert.Empty(second.Diagnostics);
        Assert.All(second.Suppressed, s => Assert.True(s.Baselined));
        Assert.Equal(0, second.ExitCode);
    }

    [Fact]
    public void Parameter_overrides_are_type_checked()
    {
        const string rules = """
            param limit = 2.5
            rule R-P "p" { for zone z forbid z.securityLevel > limit }
            """;

        var widened = workspace.Check(rules, Site, b => b.Parameters.Add(new("limit", "1")));
        var wrongType = workspace.Check(rules, Site, b => b.Parameters.Add(new("limit", "@2026-01-01")));
        var unknown = workspace.Check(rules, Site, b => b.Parameters.Add(new("limt", "3")));

        Assert.Equal(["R-P"], widened.Ids().Distinct());
        Assert.Equal("ZP0305", Assert.Single(wrongType.Diagnostics).Id);
        Assert.Equal(2, wrongType.ExitCode);
        var diagnostic = Assert.Single(unknown.Diagnostics);
        Assert.Equal("ZP0304", diagnostic.Id);
        Assert.Equal("no rule declares a parameter `limt`; did you mean `limit`?", diagnostic.Message);
        Assert.Equal(SourceLocation.CommandLine, diagnostic.Location);
    }

    [Fact]
    public void Settings_given_in_a_project_are_reported_at_the_project_file()
    {
        var project = SourceLocation.InFile("policy.csproj");

        const string rules = "param limit = 2\nrule R-P \"p\" { for zone z forbid z.securityLevel > limit }";

        var parameters = workspace.Check(rules, Site, b =>
        {
            b.SettingsLocation = project;
            b.Parameters.Add(new("limit", "@2026-01-01"));
            b.Parameters.Add(new("limt", "3"));
            b.Severities.Add(new("ZP0201", "none"));
        });
        var packs = workspace.Check(rules, Site, b =>
        {
            b.SettingsLocation = project;
            b.Packs.Add("no-such-pack");
        });

        Assert.Equal(["ZP0304", "ZP0305", "ZP0307", "ZP0308"], parameters.Diagnostics.Concat(packs.Diagnostics).Select(d => d.Id).Order());
        Assert.All(parameters.Diagnostics.Concat(packs.Diagnostics), d => Assert.Equal(project, d.Location));
    }

    [Fact]
    public void Waiver_can_name_all_bound_entities_or_the_reported_one()
    {
        var site = Site.Replace("\"flows\": [", """
            "waivers": [
              { "rule": "R-W", "targets": ["cell", "f-b"], "reason": "r1", "approvedBy": "x", "expires": "2027-06-01" },
              { "rule": "R-W", "targets": ["f-a"], "reason": "r2", "approvedBy": "x", "expires": "2027-06-01" }
            ],
            "flows": [
            """);
        var result = workspace.Check("""
            rule R-W "flows" { severity error for zone z where z.kind == "control" for flow f in z.flowsIn forbid true }
            """, site);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["r1", "r2"], result.Suppressed.Select(s => s.Waiver!.Reason).Order());
    }

    [Fact]
    public void The_first_waiver_in_file_order_of_the_violations_rule_suppresses_it()
    {
        var site = Site.Replace("\"flows\": [", """
            "waivers": [
              { "rule": "R-X", "targets": ["cell", "f-b"], "reason": "other rule", "approvedBy": "x", "expires": "2027-06-01" },
              { "rule": "R-W", "targets": ["cell", "f-b"], "reason": "expired", "approvedBy": "x", "expires": "2025-06-01" },
              { "rule": "R-W", "targets": ["f-b"], "reason": "reported entity", "approvedBy": "x", "expires": "2027-06-01" },
              { "rule": "R-W", "targets": ["cell", "f-b"], "reason": "bound entities", "approvedBy": "x", "expires": "2027-06-01" },
              { "rule": "R-W", "targets": ["cell"], "reason": "only one of two", "approvedBy": "x", "expires": "2027-06-01" },
              { "rule": "R-W", "targets": ["f-a", "cell"], "reason": "out of order", "approvedBy": "x", "expires": "2027-06-01" }
            ],
            "flows": [
            """);
        var result = workspace.Check("""
            rule R-W "flows" { severity error for zone z where z.kind == "control" for flow f in z.flowsIn forbid true }
            """, site);

        Assert.Equal(["R-W"], result.Diagnostics.Where(d => d.Rule is not null).Select(d => d.Id));
        Assert.Equal(["f-a"], result.Diagnostics.Single(d => d.Rule is not null).Entities.Skip(1));
        Assert.Equal(["reported entity"], result.Suppressed.Select(s => s.Waiver!.Reason));
        Assert.Equal(
            ["ZP0246", "ZP0301", "ZP0302", "ZP0302", "ZP0302"],
            result.Diagnostics.Where(d => d.Rule is null).Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_a_waiver_of_a_rule_that_ran_is_unused_and_one_of_an_unknown_rule_of_a_loaded_rule_set_warns()
    {
        var site = Site.Replace("\"flows\": [", """
            "waivers": [
              { "rule": "R-W", "targets": ["pc"], "reason": "ran, matches nothing", "approvedBy": "x", "expires": "2027-06-01" },
              { "rule": "IEC-ZC-01", "targets": ["cell"], "reason": "a pack this check did not load", "approvedBy": "x", "expires": "2027-06-01" },
              { "rule": "R-WX", "targets": ["cell"], "reason": "misspelt", "approvedBy": "x", "expires": "2027-06-01" },
              { "rule": "NOPREFIX", "targets": ["cell"], "reason": "no rule set", "approvedBy": "x", "expires": "2027-06-01" },
              { "rule": "IEC-ZC-02", "targets": ["cell"], "reason": "lapsed", "approvedBy": "x", "expires": "2025-06-01" }
            ],
            "flows": [
            """);
        var result = workspace.Check("""
            rule R-W "flows" { severity error for zone z where z.kind == "control" for flow f in z.flowsIn forbid true }
            """, site);

        Assert.Equal(
            [
                "ZP0302 16: waiver for `R-W` on `pc` matches no violation; remove it, or check its rule id and targets",
                "ZP0246 18: waiver for `R-WX` on `cell` names no rule of this check, although it has rules `R-…`; did you mean `R-W`?",
                "ZP0301 20: waiver for `IEC-ZC-02` on `cell` expired on 2025-06-01; fix the violation or renew the waiver with a new approval",
            ],
            result.Diagnostics.Where(d => d.Rule is null).OrderBy(d => d.Location.Line).Select(d => $"{d.Id} {d.Location.Line}: {d.Message}"));
    }

    [Fact]
    public void A_check_keeps_the_topology_as_an_input_but_lets_its_content_go_once_loaded()
    {
        var result = workspace.Check("""rule R-L "l" { for zone z require z.securityLevel >= 1 }""", Site);

        var topology = Assert.Single(result.Inputs, input => input.DisplayPath.EndsWith("site.json", StringComparison.Ordinal));
        Assert.Empty(topology.Bytes);
        Assert.Equal(Path.Combine(workspace.Root, "site.json"), topology.FullPath);
        Assert.Equal(["R-L"], result.Ids());
    }

    [Fact]
    public void Output_is_the_same_for_the_same_inputs()
    {
        const string rules = """rule R-D "d" { for asset a for flow f in a.flowsOut forbid f.encrypted != true }""";
        var first = workspace.Check(rules, Site).Lines();
        var second = workspace.Check(rules, Site).Lines();

        Assert.Equal(first, second);
        Assert.NotEmpty(first);
    }
}
