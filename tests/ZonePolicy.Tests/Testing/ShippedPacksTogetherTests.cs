using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Topology;

namespace ZonePolicy.Tests.Testing;

/// <summary>
/// The three shipped packs checked together on the samples, as a user runs them: a finding the packs share
/// (their rules are declared <c>sameAs</c>) is reported once with every pack's own report, and none is lost.
/// </summary>
public sealed partial class ShippedPacksTogetherTests
{
    private static readonly string[] PackNames = ["meti-factory-guidelines", "iec62443-zones", "semi-e187-baseline"];

    public static TheoryData<string> Samples => new(SampleFiles);

    private static IEnumerable<string> SampleFiles =>
        Directory.GetFiles(TopologyTestSupport.RepositoryFile("samples"), "*.topology.json", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(TopologyTestSupport.RepositoryFile("samples"), file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_finding_of_each_pack_is_reported_once_however_many_packs_share_it(string sample)
    {
        var together = Findings(sample, PackNames);
        var alone = PackNames.SelectMany(pack => Findings(sample, [pack])).ToList();

        Assert.Equal(alone.Select(Key).Order(StringComparer.Ordinal), together.SelectMany(f => f.PerRule).Select(Key).Order(StringComparer.Ordinal));
        var same = SameAsGroups();
        var twice = together
            .GroupBy(f => $"{same.GetValueOrDefault(f.Id, f.Id)} {string.Join(",", f.Entities)}", StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" and ", g.Select(f => $"{f.Id} on {string.Join(",", f.Entities)}")));
        Assert.Empty(twice);
        Assert.All(together.Where(f => f.SharedBy.Count > 0), f => Assert.True(
            f.SharedBy.Select(s => s.Rule!.Pack).Distinct().Count() == f.SharedBy.Count,
            $"{f.Id} on {string.Join(",", f.Entities)} is shared by rules of one pack"));
    }

    [Fact]
    public void The_sample_has_findings_the_packs_share_so_the_check_above_is_not_empty()
    {
        var shared = SampleFiles.SelectMany(sample => Findings(sample, PackNames)).Where(f => f.SharedBy.Count > 1).ToList();

        Assert.NotEmpty(shared);
        Assert.All(shared, f => Assert.All(f.SharedBy, s => Assert.NotEmpty(s.Rule!.Refs)));
    }

    [Fact]
    public void A_zone_with_no_level_and_an_unencrypted_flow_into_an_SL_4_zone_are_each_one_finding_of_two_packs()
    {
        using var site = new TempPack("site");
        var file = site.Write("site.topology.json", """
            {
              "schemaVersion": "1",
              "zones": [
                { "id": "z-lab", "kind": "operations", "operations": ["op-1"] },
                { "id": "z-vault", "kind": "operations", "operations": ["op-1"],
                  "securityLevels": { "iac": 2, "uc": 2, "si": 2, "dc": 4, "rdf": 2, "tre": 2, "ra": 2 } }
              ],
              "assets": [ { "id": "pc-1", "zone": "z-lab" }, { "id": "srv-1", "zone": "z-vault" } ],
              "flows": [ { "id": "f-1", "from": "pc-1", "to": "srv-1", "data": ["d-1"] } ],
              "data": [ { "id": "d-1", "confidentiality": "critical" } ],
              "operations": [ { "id": "op-1" } ]
            }
            """);

        var findings = PolicyEngine.Check(new CheckRequest
        {
            TopologyFiles = [file],
            RuleSources = [.. PackNames.Select(ShippedPackLayoutTests.PackFolder)],
            TrustedPacks = PackNames,
            Today = new DateOnly(2026, 6, 1),
        }).Diagnostics.Where(d => d.Rule is not null).ToList();

        Assert.Equal(["IEC-ZC-01 METI-ZN-01"], SharedBy(findings, "z-lab"));
        Assert.Equal(["IEC-DC-02 METI-TH-02"], SharedBy(findings, "f-1"));
    }

    private static IEnumerable<string> SharedBy(List<Diagnostic> findings, string entity) =>
        findings.Where(f => f.Entities.SequenceEqual([entity]) && (f.Id.EndsWith("ZC-01", StringComparison.Ordinal) || f.Id.EndsWith("ZN-01", StringComparison.Ordinal) || f.Id.EndsWith("DC-02", StringComparison.Ordinal) || f.Id.EndsWith("TH-02", StringComparison.Ordinal)))
            .Select(f => string.Join(" ", f.SharedBy.Select(s => s.Id).Order(StringComparer.Ordinal)));

    private static List<Diagnostic> Findings(string sample, IReadOnlyList<string> packs) =>
        [.. PolicyEngine.Check(new CheckRequest
        {
            TopologyFiles = [TopologyTestSupport.RepositoryFile("samples/" + sample)],
            RuleSources = [.. packs.Select(ShippedPackLayoutTests.PackFolder)],

            // The shipped packs' C# functions run, as they do beside zpol.
            TrustedPacks = packs,
            Today = new DateOnly(2026, 6, 1),
        }).Diagnostics.Where(d => d.Rule is not null)];

    private static string Key(Diagnostic finding) => $"{finding.Id} {string.Join(",", finding.Entities)} {finding.Message}";

    /// <summary>Each rule id of a <c>sameAs</c> group mapped to one name of the group, read from the packs' text.</summary>
    private static Dictionary<string, string> SameAsGroups()
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string id) => groups.TryGetValue(id, out var parent) && parent != id ? Find(parent) : id;
        foreach (var pack in PackNames)
        {
            foreach (Match rule in SameAsPattern().Matches(File.ReadAllText(Path.Combine(ShippedPackLayoutTests.PackFolder(pack), pack + ".zpol"))))
            {
                foreach (Capture other in rule.Groups["other"].Captures)
                {
                    groups[Find(other.Value)] = Find(rule.Groups["id"].Value);
                }
            }
        }

        return groups.Keys.ToDictionary(id => id, Find, StringComparer.Ordinal);
    }

    [GeneratedRegex("(?ms)^rule (?<id>\\S+) \"[^\"]*\" \\{(?:(?!^\\}).)*?^\\s*sameAs(?: \"(?<other>[^\"]+)\",?)+")]
    private static partial Regex SameAsPattern();
}
