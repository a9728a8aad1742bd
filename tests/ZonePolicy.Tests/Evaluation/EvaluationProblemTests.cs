using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>What goes wrong while rules run is a located ZP04xx diagnostic naming the rule, and the other rules go on.</summary>
public sealed class EvaluationProblemTests : IDisposable
{
    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [ { "id": "cell", "kind": "control", "securityLevel": 3 } ],
          "assets": [
            { "id": "plc-1", "zone": "cell", "type": "plc", "props": { "pattern": "[unclosed", "text": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } },
            { "id": "plc-2", "zone": "cell", "type": "plc", "props": { "pattern": "^plc", "text": "plc" } },
            { "id": "plc-3", "zone": "cell", "type": "plc" },
            { "id": "plc-4", "zone": "cell", "type": "plc" }
          ]
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_match_that_times_out_is_reported_at_the_match_naming_the_rule_and_the_entity()
    {
        var result = workspace.Check("""
            rule R-RE "re" { for asset a where a.id == "plc-1" forbid a.props["text"] matches "^(\\w+)*\\1x$" }
            rule R-OK "ok" { for asset a where a.id == "plc-2" require false }
            """, Site);

        var timeout = Assert.Single(result.Diagnostics, d => d.Id == "ZP0401");
        Assert.Equal((1, 59), (timeout.Location.Line, timeout.Location.Column));
        Assert.Equal(
            "rule `R-RE`: regular expression `^(\\w+)*\\1x$` timed out after 1 s on `plc-1`; simplify it, or write it without backreferences and lookarounds so that it runs in linear time",
            timeout.Message);
        Assert.Contains(result.Diagnostics, d => d.Id == "R-OK");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void A_pattern_without_backreferences_runs_in_linear_time_whatever_the_text()
    {
        // Backtracking would try 2^42 ways to split the a's before the timeout; the linear engine does not time out.
        var result = workspace.Check("""rule R "r" { for asset a where a.id == "plc-1" require a.props["text"] + "b" matches "^(a+)+$" }""", Site);

        Assert.Equal(["R"], result.Ids());
    }

    [Fact]
    public void A_pattern_from_the_data_that_is_not_a_regular_expression_is_reported()
    {
        var result = workspace.Check("""rule R "r" { for asset a where has(a.props["pattern"]) require a.id matches a.props["pattern"] }""", Site);

        var invalid = Assert.Single(result.Diagnostics, d => d.Id == "ZP0403");
        Assert.Equal("rule `R`: `[unclosed` is not a valid regular expression (unterminated [] set) on `plc-1`; check the values the pattern is built from", invalid.Message);
        Assert.Equal((1, 64), (invalid.Location.Line, invalid.Location.Column));

        // The match is unknown, so the `require` fails closed there; plc-2's pattern is valid and matches.
        Assert.Equal(["plc-1"], result.Diagnostics.Where(d => d.Id == "R").SelectMany(d => d.Entities));
    }

    [Fact]
    public void A_rule_over_its_budget_stops_with_a_diagnostic_at_the_rule_and_the_others_go_on()
    {
        var result = workspace.Check("""
            rule R-SLOW "slow" { for asset a for asset b for asset c for asset d forbid a.id == "plc-1" and b.id == "plc-1" }
            rule R-FAST "fast" { for asset a where a.id == "plc-4" require false }
            """, Site, b => b.EvaluationBudget = 30);

        var stopped = Assert.Single(result.Diagnostics, d => d.Id == "ZP0402");
        Assert.Equal((1, 6), (stopped.Location.Line, stopped.Location.Column));
        Assert.StartsWith("rule `R-SLOW` stopped after 30 evaluation steps on `", stopped.Message);
        Assert.EndsWith("site.json`, so its findings there are incomplete; narrow its `for` and `where` clauses", stopped.Message);
        Assert.Contains(result.Diagnostics, d => d.Id == "R-FAST");
        Assert.Contains(result.Diagnostics, d => d.Id == "R-SLOW");
    }

    [Fact]
    public void The_budget_counts_the_elements_comprehensions_visit()
    {
        const string rule = """rule R "r" { for zone z require count(a in z.assets where any(b in assets where b.id == a.id)) == 4 }""";

        // One zone, its four assets, and `any` stopping at each asset's own place in the list: 1 + 2 + 3 + 4.
        Assert.Empty(workspace.Check(rule, Site, b => b.EvaluationBudget = 1 + 4 + 10).Diagnostics);
        Assert.Equal(["ZP0402"], workspace.Check(rule, Site, b => b.EvaluationBudget = 1 + 4 + 9).Ids());
    }
}
