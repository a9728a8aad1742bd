using ZonePolicy.Evaluation;
using ZonePolicy.Tests.Support;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>Rules evaluated on several threads give exactly what evaluating them one after another in one context gives.</summary>
public sealed class ConcurrentEvaluationTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly SiteModel Site = LoadSite();

    [Fact]
    public void Attribute_join_and_path_rules_find_the_same_on_several_threads_as_on_one()
    {
        var program = RuleCompilation.Compile("""
            let gateways = ["firewall", "data-diode"]
            let is_gateway(d) = d.type in gateways
            rule R-OS "os" { for asset a where a.type == "plc" require a.props["patched"] == true message "{a} in {a.zone}" }
            rule R-PATH "path" { for zone s where s.kind == "external" for zone d where d.kind == "control" let p = path(s, d, avoid x where is_gateway(x)) forbid p != null at d message "{d} from {s}: {p}" }
            rule R-JOIN "join" { for zone z for flow f in z.flowsIn where f.from.zone != z require f.encrypted message "{f} into {z}" }
            rule R-REACH "reach" { for zone s where s.kind == "external" for asset a where a.type == "plc" forbid reachable(s, a) }
            rule R-PERMIT "permitted" { for zone s where s.kind == "external" for zone d where d.kind == "control" forbid permittedPath(s, d) != null at d }
            rule R-COUNT "count" { for zone z require count(a in z.assets where a.props["patched"] == true) * 2 >= count(z.assets) message "{z}: {count(z.assets)}" }
            """);

        var one = Outcomes(program, threads: 1);
        var several = Outcomes(program, threads: 4);
        var lanes = OneRuleALane(program);

        Assert.Equal(one, several);
        Assert.NotNull(lanes);
        Assert.Equal(one, Lines(program, lanes.Value.Outcomes));
        Assert.All(["R-OS", "R-PATH", "R-JOIN", "R-REACH", "R-PERMIT", "R-COUNT"], id => Assert.Contains(one, line => line.StartsWith(id + " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_constant_with_a_problem_is_reported_once_under_the_first_rule_that_computes_it_as_on_one_thread()
    {
        var program = RuleCompilation.Compile("""
            let broken = "x" matches lower("[unclosed")
            rule R-A "a" { for asset a where a.type == "plc" require broken or a.props["patched"] == true }
            rule R-B "b" { for flow f require broken or f.encrypted }
            rule R-C "c" { for zone z require broken or z.securityLevel > 1 }
            """);

        var one = Outcomes(program, threads: 1);
        var several = Outcomes(program, threads: 4);

        Assert.Equal(one, several);
        Assert.Single(several, line => line.Contains("ZP0403", StringComparison.Ordinal));
        Assert.Contains(several, line => line.StartsWith("R-A problem ZP0403", StringComparison.Ordinal));

        // Each rule in a context of its own computes the constant and reports it: that run is left for one context.
        Assert.Null(OneRuleALane(program));
    }

    [Fact]
    public void A_context_that_dropped_its_graphs_builds_them_again_and_finds_the_same_paths()
    {
        var program = RuleCompilation.Compile("""
            rule R-PATH "path" { for zone s where s.kind == "external" for zone d where d.kind == "control" let p = path(s, d) forbid p != null at d message "{d} from {s}: {p}" }
            rule R-PERMIT "permitted" { for zone s where s.kind == "external" for zone d where d.kind == "control" forbid permittedPath(s, d) != null at d }
            """);
        var context = program.CreateContext(Site, Today);
        List<string> Found() => [.. program.Rules.SelectMany(rule => rule.Evaluate(context)).Select(v => $"{v.Rule.Id} {v.At.Id}: {v.Message} via {v.Witness}")];

        var before = Found();
        context.DropGraphs();

        Assert.Contains(before, line => line.StartsWith("R-PATH ", StringComparison.Ordinal));
        Assert.Equal(before, Found());
    }

    [Fact]
    public void A_zone_stands_for_its_assets_numbers_in_its_own_order_each_time_and_an_asset_for_itself()
    {
        var assets = new AssetIndex(Site);
        var zone = Site.OfKind(EntityKind.Zone)[1];
        var members = (IReadOnlyList<Entity>)zone["assets"]!;

        Assert.Equal(members.Select(assets.NumberOf), assets.NumbersOf(zone));
        Assert.Same(assets.NumbersOf(zone), assets.NumbersOf(zone));
        Assert.Equal([assets.NumberOf(members[2])], assets.NumbersOf(members[2]));
        Assert.Empty(assets.NumbersOf(Site.OfKind(EntityKind.Flow)[0]));
    }

    /// <summary>Each rule on a thread and in a context of its own.</summary>
    private static (RuleOutcome?[] Outcomes, EvaluationContext Context)? OneRuleALane(CompiledProgram program) =>
        SiteEvaluation.InLanes(
            program, Site, Today, EvaluationMonitor.DefaultBudget, [.. Enumerable.Range(0, program.Rules.Count).Select(index => (IReadOnlyList<int>)[index])], []);

    /// <summary>Each rule's outcome, one line per violation, bindings count and problem, in rule order.</summary>
    private static List<string> Outcomes(CompiledProgram program, int threads)
    {
        var rules = Enumerable.Range(0, program.Rules.Count).ToList();
        return Lines(program, SiteEvaluation.Run(program, Site, Today, EvaluationMonitor.DefaultBudget, rules, threads).Outcomes);
    }

    private static List<string> Lines(CompiledProgram program, RuleOutcome?[] outcomes)
    {
        var lines = new List<string>();
        for (var index = 0; index < outcomes.Length; index++)
        {
            var (violations, bindings, problems, failure) = outcomes[index]!;
            var id = program.Rules[index].Rule.Id;
            Assert.Null(failure);
            lines.Add($"{id} checked {bindings}");
            lines.AddRange(violations.Select(v => $"{id} at {v.At.Id} on {string.Join(",", v.Bindings.Select(b => b.Id))}: {v.Message} via {v.Witness}"));
            lines.AddRange(problems.Select(p => $"{id} problem {p.Id} {p.Location}: {p.Message}"));
        }

        return lines;
    }

    /// <summary>A site of three plants, each an external zone, a DMZ and two control zones, with flows inside and between them.</summary>
    private static SiteModel LoadSite()
    {
        var zones = new List<string>();
        var assets = new List<string>();
        var flows = new List<string>();
        for (var plant = 0; plant < 3; plant++)
        {
            string[] kinds = ["external", "dmz", "control", "control"];
            for (var z = 0; z < kinds.Length; z++)
            {
                zones.Add($$"""{ "id": "p{{plant}}-z{{z}}", "kind": "{{kinds[z]}}", "securityLevel": {{z + 1}} }""");
                for (var a = 0; a < 6; a++)
                {
                    var type = a == 0 && z > 0 ? "firewall" : z >= 2 ? "plc" : "server";
                    assets.Add($$"""{ "id": "p{{plant}}-z{{z}}-a{{a}}", "zone": "p{{plant}}-z{{z}}", "type": "{{type}}", "props": { "patched": {{(a % 3 == 0 ? "true" : "false")}} } }""");
                }
            }

            for (var f = 0; f < 30; f++)
            {
                var (from, to) = ($"p{plant}-z{f % 4}-a{f % 6}", $"p{plant}-z{(f + 1 + f / 4) % 4}-a{(f * 5 + 1) % 6}");
                flows.Add($$"""{ "id": "p{{plant}}-f{{f:D2}}", "from": "{{from}}", "to": "{{to}}", "encrypted": {{(f % 4 == 0 ? "true" : "false")}}{{(f % 5 == 0 ? ", \"direction\": \"bidirectional\"" : "")}} }""");
            }
        }

        var json = $$"""{ "schemaVersion": "1", "zones": [{{string.Join(",\n", zones)}}], "assets": [{{string.Join(",\n", assets)}}], "flows": [{{string.Join(",\n", flows)}}] }""";
        var loaded = TopologyLoader.LoadText(json, "site.json");
        return loaded.Model ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
    }
}
