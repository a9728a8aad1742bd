using System.Text.Json;
using ZonePolicy.Explaining;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Explaining;

/// <summary>Bad input is a located diagnostic and exit 2; a large site gives a bounded explanation; JSON carries what the text says.</summary>
public sealed class ExplainInputTests : IDisposable
{
    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [ { "id": "cell", "kind": "control", "securityLevel": 3 } ],
          "assets": [
            { "id": "plc-1", "zone": "cell", "type": "plc", "logging": true },
            { "id": "plc-2", "zone": "cell", "type": "plc" }
          ]
        }
        """;

    private const string Rules = """
        param min_sl = 2
        rule LOG-01 "controllers log" {
          for asset a where a.zone.securityLevel >= min_sl
          require a.logging
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void An_unknown_rule_id_is_ZP0371_with_a_suggestion()
    {
        var result = Explain("LOG-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["<command-line>: error ZP0371: no rule `LOG-1` in the rules given; did you mean `LOG-01`?"], Lines(result));
    }

    [Fact]
    public void An_unknown_entity_is_ZP0372_with_a_suggestion()
    {
        var result = Explain("LOG-01", entities: ["plc-3", "plc-1"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"<command-line>: error ZP0372: `{workspace.Root}/site.json` has no entity `plc-3`; did you mean `plc-1`?".Replace('\\', '/')], Lines(result).Select(l => l.Replace('\\', '/')));
    }

    [Fact]
    public void An_invalid_topology_is_reported_at_its_place_with_exit_2()
    {
        var result = Explain("LOG-01", site: "{ \"schemaVersion\": \"1\", \"zones\": [ { \"id\": ");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"site\.json\(1,\d+\): error ZP0201: ", Assert.Single(Lines(result)));
    }

    [Fact]
    public void A_missing_topology_is_ZP0310()
    {
        var result = PolicyEngine.Explain(new ExplainRequest
        {
            Check = new CheckRequest { TopologyFiles = [Path.Combine(workspace.Root, "nowhere.json")], RuleSources = [workspace.Write("rules.zpol", Rules)] },
            RuleId = "LOG-01",
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(": error ZP0310: topology file ", Assert.Single(Lines(result)));
    }

    [Fact]
    public void Rules_with_errors_are_reported_instead_of_an_explanation()
    {
        var result = Explain("LOG-01", rules: "rule LOG-01 \"x\" { for asset a require a.loging }");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error ZP0101: asset has no attribute `loging`; did you mean `logging`?", Assert.Single(Lines(result)));
    }

    [Fact]
    public void A_rule_over_many_entities_shows_a_few_bindings_per_outcome_and_counts_the_rest()
    {
        var assets = string.Join(",\n", Enumerable.Range(0, 10_000).Select(i => $"{{ \"id\": \"a{i}\", \"zone\": \"cell\", \"type\": \"plc\"{(i % 3 == 0 ? ", \"logging\": true" : "")} }}"));
        var site = $"{{ \"schemaVersion\": \"1\", \"zones\": [ {{ \"id\": \"cell\", \"kind\": \"control\", \"securityLevel\": 3 }} ], \"assets\": [ {assets} ] }}";
        const string rules = "rule ALL \"all log\" { for asset a require a.logging }\nrule ZONE \"the zone logs\" { for zone z require count(b in z.assets where b.logging == true) == 10000 }";

        var text = Text(Explain("ALL", site: site, rules: rules));
        var zone = Text(Explain("ZONE", site: site, rules: rules));

        Assert.Equal(TraceRecorder.ShownViolations, Count(text, "\n  violated: "));
        Assert.Equal(TraceRecorder.ShownOthers, Count(text, "\n  passes: "));
        Assert.Contains("\n… 9987 more bindings of `a` not shown: 6656 violate, 3331 pass; `--entity` explains chosen ones\n", text);
        Assert.Contains("\nbindings of `a`: 10000 (6666 violate, 3334 pass)\n", text);
        Assert.Contains("\nfindings: 6666 in force (6666 warnings), 0 suppressed\n", text);
        Assert.Contains($"\n  … {6666 - 20} more\n", text);
        Assert.True(text.Length < 20_000, $"the explanation is {text.Length} characters");
        Assert.Contains("\n      b = a4: b.logging == true is false\n", zone);
        Assert.Contains("\n      … 9995 more elements of 10000 not shown\n", zone);
        Assert.True(zone.Length < 5_000, $"the explanation is {zone.Length} characters");
    }

    [Fact]
    public void A_comprehension_shows_its_first_elements_and_the_one_that_decided_it()
    {
        var assets = string.Join(",\n", Enumerable.Range(0, 50).Select(i => $"{{ \"id\": \"a{i}\", \"zone\": \"cell\", \"type\": \"{(i == 42 ? "firewall" : "plc")}\" }}"));
        var site = $"{{ \"schemaVersion\": \"1\", \"zones\": [ {{ \"id\": \"cell\", \"kind\": \"control\" }} ], \"assets\": [ {assets} ] }}";
        const string rules = "rule FW \"a firewall\" { for zone z require any(d in z.assets where d.type == \"firewall\") }";

        var text = Text(Explain("FW", site: site, rules: rules));

        Assert.Contains("    a = a4: d.type == \"firewall\" is false\n", text.Replace("d = ", "a = "));
        Assert.Contains("    d = a42: d.type == \"firewall\" is true\n", text);
        Assert.Contains("    … 37 more elements of 43 not shown\n", text);
    }

    [Fact]
    public void A_chain_tells_the_operand_that_stopped_it_and_the_operands_it_did_not_evaluate()
    {
        const string site = """
            { "schemaVersion": "1", "zones": [ { "id": "cell", "kind": "control", "securityLevel": 3 } ],
              "assets": [ { "id": "plc-2", "zone": "cell", "type": "plc", "props": { "n": 0 } } ] }
            """;
        const string rules = """
            rule AND "and" { for asset a require a.zone.securityLevel >= 3 and a.logging and a.type == "plc" }
            rule OR "or" { for asset a require a.type == "plc" or a.logging or has(a.os) }
            rule DIV "division" { for asset a require 10 / a.props["n"] > 1 }
            """;

        var and = Text(Explain("AND", site: site, rules: rules));
        var or = Text(Explain("OR", site: site, rules: rules));
        var division = Text(Explain("DIV", site: site, rules: rules));

        Assert.Contains("  require a.zone.securityLevel >= 3 and a.logging and a.type == \"plc\" is null: `a.logging` is null, and `and` with a null operand is null\n", and);
        Assert.Contains("    a.logging is null: `a` (plc-2) has no `logging`\n", and);
        Assert.Contains("    `a.type == \"plc\"` is not evaluated: `null and ...` is null whatever follows\n", and);
        Assert.Contains("    `a.logging`, `has(a.os)` are not evaluated: `true or ...` is true whatever follows\n", or);
        Assert.Contains("    10 / a.props[\"n\"] is null: division by zero gives null\n", division);
    }

    [Fact]
    public void Asking_about_an_entity_no_combination_binds_says_so()
    {
        const string rules = "rule ZN \"zones\" { for zone z require has(z.securityLevel) }";

        var text = Text(Explain("ZN", rules: rules, entities: ["plc-1"]));

        Assert.Contains("\nno binding of this rule binds plc-1\n", text);
    }

    [Fact]
    public void The_baseline_and_a_severity_override_are_told_for_each_violation()
    {
        var site = Site.Replace("{ \"id\": \"plc-2\", \"zone\": \"cell\", \"type\": \"plc\" }", "{ \"id\": \"plc-2\", \"zone\": \"cell\", \"type\": \"plc\" }, { \"id\": \"plc-3\", \"zone\": \"cell\", \"type\": \"plc\" }");
        var baseline = workspace.Write("baseline.json", "{ \"version\": 1, \"violations\": [ { \"rule\": \"LOG-01\", \"entities\": [\"plc-2\"] } ] }");
        var request = new CheckRequest
        {
            TopologyFiles = [workspace.Write("site.json", site)],
            RuleSources = [workspace.Write("rules.zpol", Rules)],
            Today = new DateOnly(2026, 11, 25),
            BaselineFile = baseline,
        };

        var withBaseline = Text(PolicyEngine.Explain(new ExplainRequest { Check = request, RuleId = "LOG-01" }));
        var silenced = Text(PolicyEngine.Explain(new ExplainRequest
        {
            Check = new CheckRequest { TopologyFiles = request.TopologyFiles, RuleSources = request.RuleSources, Severities = [new SeveritySetting("LOG-01", "none", ZonePolicy.Diagnostics.SourceLocation.CommandLine)] },
            RuleId = "LOG-01",
        }));

        Assert.Contains("\n    baseline: accepted, so the violation stays quiet\n    severity: warning, the rule's own\n    result: suppressed by the baseline\n", withBaseline);
        Assert.Contains("\n    baseline: not in the baseline\n    severity: warning, the rule's own\n    result: warning LOG-01, in force\n", withBaseline);
        Assert.Contains("\nfindings: 1 in force (1 warning), 1 suppressed\n", withBaseline);
        Assert.Contains("\n    severity: none, set by `--severity`: not reported\n    result: not reported\n", silenced);
        Assert.Contains("\nfindings: 0 in force, 0 suppressed\n", silenced);
    }

    [Fact]
    public void Json_output_has_the_rule_the_bindings_with_their_traces_and_the_findings_of_check()
    {
        var result = Explain("LOG-01");
        var json = new StringWriter();
        result.Write(json, ExplainFormat.Json);
        var root = JsonDocument.Parse(json.ToString()).RootElement;

        Assert.Equal("LOG-01", root.GetProperty("rule").GetProperty("id").GetString());
        Assert.Equal("a.logging", root.GetProperty("rule").GetProperty("require").GetString());
        var bindings = root.GetProperty("evaluation").GetProperty("bindings").EnumerateArray().ToList();
        Assert.Equal(["plc-1", "plc-2"], bindings.Select(b => b.GetProperty("entity").GetString()));
        Assert.Equal(["passed", "violated"], bindings.Select(b => b.GetProperty("outcome").GetString()));
        var condition = bindings[1].GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("role").GetString() == "condition").GetProperty("trace");
        Assert.Equal("null", condition.GetProperty("value").GetString());
        Assert.Equal("`a` (plc-2) has no `logging`", condition.GetProperty("reason").GetString());
        var where = bindings[1].GetProperty("steps")[0].GetProperty("trace");
        Assert.Equal(["a.zone.securityLevel", "min_sl"], where.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("expression").GetString()));
        Assert.Equal("in-force", bindings[1].GetProperty("violation").GetProperty("result").GetString());
        Assert.Equal("LOG-01", Assert.Single(root.GetProperty("diagnostics").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void Json_output_of_bad_input_is_check_s_json_of_the_diagnostics()
    {
        var json = new StringWriter();
        Explain("NOPE").Write(json, ExplainFormat.Json);
        var root = JsonDocument.Parse(json.ToString()).RootElement;

        Assert.Equal("ZP0371", Assert.Single(root.GetProperty("diagnostics").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    private ExplainResult Explain(string rule, string site = Site, string rules = Rules, string[]? entities = null) =>
        PolicyEngine.Explain(new ExplainRequest
        {
            Check = new CheckRequest
            {
                TopologyFiles = [workspace.Write("site.json", site)],
                RuleSources = [workspace.Write("rules.zpol", rules)],
                Today = new DateOnly(2026, 11, 25),
            },
            RuleId = rule,
            Entities = [.. (entities ?? []).Select(e => (IReadOnlyList<string>)e.Split(","))],
        });

    private static string Text(ExplainResult result)
    {
        Assert.Equal(0, result.ExitCode);
        var text = new StringWriter();
        result.Write(text, ExplainFormat.Text);
        return text.ToString();
    }

    private static List<string> Lines(ExplainResult result)
    {
        var text = new StringWriter();
        result.Write(text, ExplainFormat.Text);
        return [.. text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
