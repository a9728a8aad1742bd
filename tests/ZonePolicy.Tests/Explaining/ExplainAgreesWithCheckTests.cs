using System.Runtime.CompilerServices;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Tests.Explaining;

/// <summary>
/// An explanation tells the engine's own verdict: for every rule of the shipped packs and the sample's starter
/// rules, on every Annex A case, explain's findings in force and suppressed are exactly those of <c>zpol check</c>.
/// </summary>
public sealed class ExplainAgreesWithCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly string[] Cases =
    [
        "case1-cad-to-manufacturing.topology.json",
        "case2-remote-maintenance.topology.json",
        "case3-mes-upgrade.topology.json",
    ];

    /// <summary>
    /// Every shipped pack (each folder of <c>rules/</c>, so a new pack is covered as it lands) on the cases as the
    /// annex leaves them; the starter rules also on the fixed cases, whose waivers suppress some of their violations.
    /// </summary>
    public static TheoryData<string, string> RuleSets
    {
        get
        {
            var sets = new TheoryData<string, string>();
            foreach (var pack in Directory.EnumerateDirectories(Path.Combine(RepositoryRoot(), "rules")).Order(StringComparer.Ordinal))
                sets.Add($"rules/{Path.GetFileName(pack)}", "samples/annex-a-factory");
            sets.Add("samples/annex-a-factory/rules", "samples/annex-a-factory");
            sets.Add("samples/annex-a-factory/rules", "samples/annex-a-factory/fixed");
            return sets;
        }
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Explaining_each_rule_of_a_rule_set_gives_the_findings_check_gives(string rules, string cases)
    {
        var suppressed = 0;
        foreach (var topology in Cases.Select(c => Path.Combine(cases, c)))
        {
            var request = new CheckRequest
            {
                TopologyFiles = [Path.Combine(RepositoryRoot(), topology)],
                RuleSources = [Path.Combine(RepositoryRoot(), rules)],

                // A shipped pack's C# functions run, as they do beside zpol.
                TrustedPacks = [Path.GetFileName(rules)],
                Today = Today,
            };
            var check = PolicyEngine.Check(request);
            Assert.False(check.InputInvalid);
            Assert.NotEmpty(check.Rules);

            foreach (var rule in check.Rules)
            {
                var explained = PolicyEngine.Explain(new ExplainRequest { Check = request, RuleId = rule.Id });

                Assert.Equal(0, explained.ExitCode);
                var explanation = explained.Explanation!;
                Assert.Equal(Findings(check.Diagnostics, rule.Id), Findings(explanation.InForce, rule.Id));
                Assert.Equal(Findings(check.Suppressed, rule.Id), Findings(explanation.Suppressed, rule.Id));
                suppressed += explanation.Suppressed.Count;
            }
        }

        Assert.True(suppressed > 0 || !cases.EndsWith("fixed", StringComparison.Ordinal), "the fixed cases waive some violations of the starter rules");
    }

    private static List<string> Findings(IEnumerable<Diagnostic> diagnostics, string rule) =>
        [.. diagnostics.Where(d => d.Id == rule).Select(d => $"{d} [{string.Join(",", d.Entities)}] waiver={d.Waiver?.Reason} baselined={d.Baselined}")];

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
