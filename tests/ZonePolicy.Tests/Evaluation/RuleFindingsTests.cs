using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Findings;
using ZonePolicy.Tests.Support;
using ZonePolicy.Topology;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>Findings made on the evaluating thread as each violation is found are those made from all the violations afterwards.</summary>
public sealed class RuleFindingsTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private const string Rules = """
        rule R-OS "os" { for asset a where a.type == "plc" require a.props["patched"] == true message "{a} in {a.zone}" }
        rule R-JOIN "join" { for zone z for flow f in z.flowsIn where f.from.zone != z require f.encrypted message "{f} into {z}" }
        rule R-PATH "path" { for zone s where s.kind == "external" for zone d where d.kind == "control" forbid reachable(s, d) at d }
        """;

    private const string Waivers = """
        "waivers": [
          { "rule": "R-OS", "targets": ["z2-a1"], "reason": "bound", "approvedBy": "x", "expires": "2027-06-01" },
          { "rule": "R-JOIN", "targets": ["f05"], "reason": "reported", "approvedBy": "x", "expires": "2027-06-01" },
          { "rule": "R-JOIN", "targets": ["z2", "f01"], "reason": "both", "approvedBy": "x", "expires": "2027-06-01" },
          { "rule": "R-PATH", "targets": ["z0", "z3"], "reason": "path", "approvedBy": "x", "expires": "2027-06-01" },
          { "rule": "R-OS", "targets": ["z0-a0"], "reason": "unused", "approvedBy": "x", "expires": "2027-06-01" }
        ],
        """;

    [Fact]
    public void A_sink_receives_the_violations_a_rule_returns_without_one_in_the_same_order()
    {
        var (program, site) = (RuleCompilation.Compile(Rules), LoadSite());
        foreach (var rule in program.Rules)
        {
            var received = new List<Violation>();
            var returned = rule.Evaluate(program.CreateContext(site, Today), out var bindings);
            var withSink = rule.Evaluate(program.CreateContext(site, Today), out var bindingsWithSink, received.Add);

            Assert.NotEmpty(returned);
            Assert.Empty(withSink);
            Assert.Equal(bindings, bindingsWithSink);
            Assert.Equal(Describe(returned), Describe(received));
        }
    }

    [Fact]
    public void Findings_made_per_rule_on_several_threads_are_those_the_waivers_give_all_violations_at_once()
    {
        var (program, site) = (RuleCompilation.Compile(Rules), LoadSite());
        var rules = Enumerable.Range(0, program.Rules.Count).ToList();
        var all = SiteEvaluation.Run(program, site, Today, EvaluationMonitor.DefaultBudget, rules, threads: 1).Outcomes
            .SelectMany(o => o!.Violations).Select(v => ((IReadOnlyList<Violation>)[v], ViolationFindings.ToDiagnostic(v))).ToList();
        var (inForce, suppressed, notes, states) = WaiverMatcher.Apply(site.Waivers, all, [.. program.Rules.Select(r => r.Rule.Id)], Today);

        var index = new WaiverMatcher.WaiverIndex(site.Waivers, Today);
        var perRule = SiteEvaluation.Run(program, site, Today, EvaluationMonitor.DefaultBudget, rules, threads: 3, _ => new RuleFindings(site.Waivers, index)).Outcomes
            .Select(o => (RuleFindings)o!.Sink!).ToList();
        var used = new int[site.Waivers.Count];
        foreach (var counts in perRule.Select(f => f.Used).OfType<int[]>())
        {
            for (var i = 0; i < used.Length; i++)
            {
                used[i] += counts[i];
            }
        }

        var (notesPerRule, statesPerRule) = WaiverMatcher.Conclude(site.Waivers, used, [.. program.Rules.Select(r => r.Rule.Id)], Today);

        Assert.Equal(Describe(inForce), Describe(perRule.SelectMany(f => f.InForce)));
        Assert.Equal(Describe(suppressed), Describe(perRule.SelectMany(f => f.Suppressed)));
        Assert.Equal(["both", "bound", "path", "reported"], suppressed.Select(d => d.Waiver!.Reason).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Describe(notes), Describe(notesPerRule));
        Assert.Equal(states, statesPerRule);
    }

    private static List<string> Describe(IEnumerable<Violation> violations) =>
        [.. violations.Select(v => $"{v.Rule.Id} at {v.At.Id} on {string.Join(",", v.Bindings.Select(b => b.Id))}: {v.Message} via {v.Witness}")];

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d} [{string.Join(",", d.Entities)}] {d.Waiver?.Reason} {d.Witness.Count}")];

    /// <summary>An external zone, a DMZ and two control zones of five assets each, with flows between them and waivers.</summary>
    private static SiteModel LoadSite()
    {
        string[] kinds = ["external", "dmz", "control", "control"];
        var zones = kinds.Select((kind, z) => $$"""{ "id": "z{{z}}", "kind": "{{kind}}", "securityLevel": {{z + 1}} }""");
        var assets = Enumerable.Range(0, 20).Select(a =>
            $$"""{ "id": "z{{a / 5}}-a{{a % 5}}", "zone": "z{{a / 5}}", "type": "{{(a / 5 >= 2 ? "plc" : "server")}}", "props": { "patched": {{(a % 3 == 0 ? "true" : "false")}} } }""");
        var flows = Enumerable.Range(0, 24).Select(f =>
            $$"""{ "id": "f{{f:D2}}", "from": "z{{f % 4}}-a{{f % 5}}", "to": "z{{(f + 1) % 4}}-a{{(f * 3) % 5}}", "encrypted": {{(f % 4 == 0 ? "true" : "false")}}{{(f % 5 == 0 ? ", \"direction\": \"bidirectional\"" : "")}} }""");
        var json = $$"""{ "schemaVersion": "1", "zones": [{{string.Join(",\n", zones)}}], "assets": [{{string.Join(",\n", assets)}}], {{Waivers}} "flows": [{{string.Join(",\n", flows)}}] }""";
        var loaded = TopologyLoader.LoadText(json, "site.json");
        return loaded.Model ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
    }
}
