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
            { "id": "plc-3", "zone": "cell", "type": "plc", "props": { "text": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } },
            { "id": "plc-4", "zone": "cell", "type": "plc", "props": { "text": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } }
          ]
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_match_that_times_out_is_reported_at_the_match_naming_the_rule_and_the_entity_and_the_rule_stops_after_three()
    {
        var result = workspace.Check("""
            rule R-RE "re" { for asset a where has(a.props["text"]) forbid a.props["text"] matches "^(\\w+)*\\1x$" }
            rule R-OK "ok" { for asset a where a.id == "plc-2" require false }
            """, Site);

        var timeout = Assert.Single(result.Diagnostics, d => d.Id == "ZP0401");
        Assert.Equal((1, 64), (timeout.Location.Line, timeout.Location.Column));
        Assert.Equal(
            "rule `R-RE`: regular expression `^(\\w+)*\\1x$` timed out after 1 s on `plc-1`; simplify it, or write it without backreferences and lookarounds so that it runs in linear time",
            timeout.Message);

        // plc-2's text does not time out; plc-1, plc-3 and plc-4 do, and the third stops the rule.
        var stopped = Assert.Single(result.Diagnostics, d => d.Id == "ZP0402");
        Assert.Equal((1, 6), (stopped.Location.Line, stopped.Location.Column));
        Assert.StartsWith("rule `R-RE` stopped after 3 regular expression matches timed out on `", stopped.Message);
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

    [Fact]
    public void A_concatenation_pays_for_what_it_copies_so_doubling_a_string_stops_at_the_budget()
    {
        var doublings = string.Concat(Enumerable.Range(1, 40).Select(i => $"let s{i} = s{i - 1} + s{i - 1} "));
        var rule = $$"""rule R "r" { for zone z let s0 = "ab" {{doublings}} require len(s40) > 0 }""";

        // The zone and the 4 + 8 + ... + 2^10 characters copied fit in 2,100 steps; the copy of 2^11 more does not.
        Assert.Equal(["ZP0402"], workspace.Check(rule, Site, b => b.EvaluationBudget = 2_100).Ids());
    }

    [Theory]
    [InlineData("s60 == t60")]
    [InlineData("s60 != t60")]
    [InlineData("s60 in [t60]")]
    [InlineData("[t60] contains s60")]
    public void Comparing_lists_built_from_shared_lists_pays_for_each_element_instead_of_running_for_ever(string condition)
    {
        // s60 and t60 are equal lists of 2^60 ones, built separately in 120 steps.
        var nesting = string.Concat(Enumerable.Range(1, 60).Select(i => $"let s{i} = [s{i - 1}, s{i - 1}] let t{i} = [t{i - 1}, t{i - 1}] "));
        var rule = $$"""rule R "r" { for zone z let s0 = [1] let t0 = [1] {{nesting}} require {{condition}} }""";

        Assert.Equal(["ZP0402"], workspace.Check(rule, Site, b => b.EvaluationBudget = 100_000).Ids());
    }
}
