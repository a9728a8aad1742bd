using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>
/// A path search is charged the assets it reaches, not the site's size, so searches from every asset of a
/// large site stay within a budget that is linear in the site.
/// </summary>
public sealed class PathSearchBudgetTests : IDisposable
{
    // Declared flows a1 -> a2 -> a3; a4 and a5 share a1's flat zone; a6 sits alone in a zone no conduit joins.
    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [ { "id": "cell", "kind": "control" }, { "id": "lab", "kind": "control" } ],
          "assets": [
            { "id": "a1", "zone": "cell", "type": "plc" },
            { "id": "a2", "zone": "cell", "type": "plc" },
            { "id": "a3", "zone": "cell", "type": "plc" },
            { "id": "a4", "zone": "cell", "type": "plc" },
            { "id": "a5", "zone": "cell", "type": "plc" },
            { "id": "a6", "zone": "lab", "type": "plc" }
          ],
          "flows": [
            { "id": "f1", "from": "a1", "to": "a2" },
            { "id": "f2", "from": "a2", "to": "a3" }
          ]
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("reachable", "a1", 3)]
    [InlineData("reachable", "a2", 2)]
    [InlineData("permittedReachable", "a1", 5)]
    public void A_search_costs_one_step_per_asset_it_reaches(string function, string from, int reached)
    {
        // The same rule searching from a6, which reaches only itself, costs the same but for its search.
        var alone = LeastBudget(function, "a6");

        Assert.Equal(reached - 1, LeastBudget(function, from) - alone);
    }

    /// <summary>The least budget with which the rule runs to its end, found by bisection.</summary>
    private long LeastBudget(string function, string from)
    {
        var rule = $$"""rule R "r" { for asset a where a.id == "{{from}}" forbid {{function}}(a, a) }""";
        long low = 0, high = 1_000;
        Assert.DoesNotContain(DiagnosticIds.RuleOverBudget, workspace.Check(rule, Site, b => b.EvaluationBudget = high).Ids());
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            var stopped = workspace.Check(rule, Site, b => b.EvaluationBudget = middle).Ids().Contains(DiagnosticIds.RuleOverBudget);
            (low, high) = stopped ? (middle, high) : (low, middle);
        }

        return high;
    }
}
