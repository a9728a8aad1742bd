using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.SpecExamples;

/// <summary>
/// The worked examples of the specification: each folder's expected.txt lists `ID line message`
/// (`*` for any message) that `zpol check site.json --rules rules.zpol --today 2026-11-25` must report.
/// </summary>
public sealed class SpecExampleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    public static TheoryData<string> Examples => new() { "01-null-and-location", "02-paths", "03-waivers" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_reports_exactly_the_expected_diagnostics(string example)
    {
        var result = Run(example);

        var expected = ExpectedLines(example);
        var actual = result.Diagnostics.Select(d => (d.Id, d.Location.Line, d.Message)).ToList();
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (id, line, message) in expected)
        {
            Assert.Contains(actual, a => a.Id == id && a.Line == line && (message == "*" || a.Message == message));
        }
    }

    [Fact]
    public void Waiver_example_with_the_rule_set_to_none_reports_only_the_waiver_diagnostics()
    {
        var result = Run("03-waivers", severities: [new("EX-EP", "none")]);

        Assert.Equal(["ZP0303", "ZP0301", "ZP0302"], result.Ids());
    }

    [Fact]
    public void Waiver_example_with_the_parameter_widened_reports_no_violation()
    {
        var result = Run("03-waivers", parameters: [new("allowed", "[\"antivirus\", \"allowlist\", \"none\"]")]);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "EX-EP");
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void Waived_violations_are_suppressed_with_the_waiver_reason()
    {
        var result = Run("03-waivers");

        Assert.Equal(["vendor forbids agents", "replacement ordered"], result.Suppressed.Select(s => s.Waiver!.Reason));
        Assert.Equal([["pc-1"], ["pc-2"]], result.Suppressed.Select(s => s.Entities));
    }

    [Fact]
    public void Reachability_violation_carries_its_witness_path()
    {
        var result = Run("02-paths");

        var witness = Assert.Single(result.Diagnostics, d => d.Id == "EX-ANY").Witness;
        Assert.Equal(
            ["svc", "up", "fw-e", "up", "proxy", "pull", "mes-1", "recipe", "fw-i", "recipe", "plc-a"],
            witness.Select(s => s.EntityId));
        Assert.Equal(10, witness[0].Location.Line);
    }

    [Fact]
    public void A_witness_that_changes_flows_names_the_flow_of_each_hop_and_passes_the_firewall_once_per_flow()
    {
        var result = Run("02-paths");

        var witness = Assert.Single(result.Diagnostics, d => d.Id == "EX-ROUTE" && d.Entities[0] == "mes-1").Witness;
        Assert.Equal(
            ["mes-1", "recipe", "fw-i", "recipe", "plc-a", "peer", "plc-b", "archive", "fw-i", "archive", "hist"],
            witness.Select(s => s.EntityId));
    }

    private static CheckResult Run(string example, KeyValuePair<string, string>[]? severities = null, KeyValuePair<string, string>[]? parameters = null)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "SpecExamples", example);
        return PolicyEngine.Check(new CheckRequest
        {
            TopologyFiles = [Path.Combine(folder, "site.json")],
            RuleSources = [Path.Combine(folder, "rules.zpol")],
            Today = Today,
            Severities = [.. (severities ?? []).Select(s => new SeveritySetting(s.Key, s.Value, SourceLocation.CommandLine))],
            Parameters = parameters ?? [],
        });
    }

    private static List<(string Id, int Line, string Message)> ExpectedLines(string example)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SpecExamples", example, "expected.txt");
        return File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 3))
            .Select(p => (p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), p[2]))
            .ToList();
    }
}
