using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using ZonePolicy.Testing;

namespace ZonePolicy.Cli.Tests;

/// <summary>
/// The second sample, a wastewater plant that nobody wrote the packs for, checked with the three shipped packs
/// together: every finding in force (its place, severity, rule, entities and the rules it is shared with) is pinned,
/// so that a rule that starts to pass an unsafe design, or to report a safe one, shows as a diff.
/// </summary>
public sealed partial class RiversideSampleTests
{
    private static readonly string Root = RepositoryRoot();

    private static readonly string[] Check =
    [
        "check", "samples/riverside-wwtp/riverside-wwtp.topology.json",
        "--pack-dir", "rules", "--pack", "meti-factory-guidelines", "--pack", "iec62443-zones", "--pack", "semi-e187-baseline",
        "--trust", "meti-factory-guidelines", "--today", "2026-11-25", "--format", "json",
    ];

    [Fact]
    public void The_three_packs_report_the_findings_an_assessor_expects()
    {
        var outcome = Cli.RunProcess(Root, Check);

        Assert.True(outcome.ExitCode == 1, outcome.Error);
        var findings = outcome.Json.GetProperty("diagnostics").EnumerateArray().Select(Line);
        var suppressed = outcome.Json.GetProperty("suppressed").EnumerateArray().Select(d => "suppressed " + Line(d));
        Approvals.Verify(string.Join('\n', findings.Concat(suppressed)) + "\n");
    }

    [Fact]
    public void No_message_prints_a_missing_value_as_null()
    {
        var outcome = Cli.RunProcess(Root, Check);

        var messages = outcome.Json.GetProperty("diagnostics").EnumerateArray()
            .SelectMany(d => d.TryGetProperty("sharedBy", out var shared) ? shared.EnumerateArray().Append(d) : [d])
            .Select(d => d.GetProperty("message").GetString()!)
            .ToList();
        Assert.NotEmpty(messages);
        Assert.DoesNotContain(messages, m => NullWord().IsMatch(m));
    }

    private static string Line(JsonElement d)
    {
        var entities = d.TryGetProperty("entities", out var list) ? string.Join(",", list.EnumerateArray().Select(e => e.GetString())) : "";
        var shared = d.TryGetProperty("sharedBy", out var by) ? " also " + string.Join(",", by.EnumerateArray().Select(s => s.GetProperty("rule").GetString())) : "";
        return $"({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}) {d.GetProperty("severity").GetString()} {d.GetProperty("id").GetString()} {entities}{shared}".TrimEnd();
    }

    [GeneratedRegex(@"\bnull\b")]
    private static partial Regex NullWord();

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
