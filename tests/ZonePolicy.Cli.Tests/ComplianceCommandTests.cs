using System.Runtime.CompilerServices;
using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary>
/// <c>zpol compliance</c> with the real engine and a shipped pack on the Annex A sample: each format, the same
/// findings and exit code as <c>zpol check</c>, and bad arguments as errors with exit 2.
/// </summary>
public sealed class ComplianceCommandTests : IDisposable
{
    private static readonly string Site = Path.Combine(RepositoryRoot(), "samples", "annex-a-factory", "case2-remote-maintenance.topology.json");

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Every_finding_of_check_with_a_clause_is_in_a_failed_clause_and_the_exit_code_is_checks()
    {
        var check = Run("check", Site, "--pack", "iec62443-zones", "--no-feeds", "--today", "2026-11-25", "--format", "json");
        var compliance = Run("compliance", Site, "--pack", "iec62443-zones", "--no-feeds", "--today", "2026-11-25", "--format", "json");

        Assert.Equal((check.ExitCode, ""), (compliance.ExitCode, compliance.Error));
        var clauses = compliance.Json.GetProperty("sites")[0].GetProperty("packs")[0].GetProperty("clauses").EnumerateArray().ToList();
        var byRef = compliance.Json.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("ref").GetString()!);
        var failed = clauses.Where(c => c.GetProperty("status").GetString() == "failed")
            .SelectMany(c => c.GetProperty("findings").EnumerateArray().Select(r => byRef[r.GetString()!]).Select(f => (f.GetProperty("id").GetString(), f.GetProperty("message").GetString())))
            .ToHashSet();
        var findings = check.Json.GetProperty("diagnostics").EnumerateArray().Where(d => d.TryGetProperty("rule", out _))
            .Select(d => (d.GetProperty("id").GetString(), d.GetProperty("message").GetString())).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, finding => Assert.Contains(finding, failed));
    }

    [Fact]
    public void Markdown_is_the_default_and_csv_goes_to_the_output_file()
    {
        var markdown = Run("compliance", Site, "--pack", "iec62443-zones", "--no-feeds", "--today", "2026-11-25");
        var csv = Run("compliance", Site, "--pack", "iec62443-zones", "--no-feeds", "--today", "2026-11-25", "--format", "csv", "--output", "matrix.csv");

        Assert.StartsWith("# Compliance\n\nEvaluated for 2026-11-25.\n", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("| `IEC 62443-3-2 ZCR 3.2` | Separate business and control system assets | **failed** |", markdown.Out);
        Assert.Equal((markdown.ExitCode, ""), (csv.ExitCode, csv.Out));
        var rows = File.ReadAllText(Path.Combine(temp.Path, "matrix.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("site,pack,clause,", rows[0], StringComparison.Ordinal);
        Assert.Equal(markdown.Out.Split('\n').Count(line => line.StartsWith("| `", StringComparison.Ordinal)), rows.Length - 1);
    }

    [Fact]
    public void Html_is_the_report_with_its_compliance_section()
    {
        var html = Run("compliance", Site, "--pack", "iec62443-zones", "--no-feeds", "--today", "2026-11-25", "--format", "html");

        Assert.StartsWith("<!DOCTYPE html>", html.Out, StringComparison.Ordinal);
        Assert.Contains("<section id=\"compliance\">", html.Out);
        Assert.Contains("<section id=\"sites\">", html.Out);
    }

    [Theory]
    [InlineData("--format", "sarif", "`--format` takes markdown, csv, json or html, not `sarif`")]
    [InlineData("--nope", null, "unknown option `--nope`")]
    public void Bad_arguments_are_errors_with_exit_2(string option, string? value, string message)
    {
        var outcome = Run(value is null ? ["compliance", Site, "--pack", "iec62443-zones", option] : ["compliance", Site, "--pack", "iec62443-zones", option, value]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
    }

    [Fact]
    public void Without_rules_there_is_nothing_to_assess()
    {
        var outcome = Run("compliance", Site);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("no rules to assess compliance with: give `--rules <file-or-dir>` or `--pack <name>`", outcome.Error);
    }

    [Fact]
    public void The_matrix_never_replaces_an_input()
    {
        var copy = temp.Write("site.json", File.ReadAllText(Site));

        var outcome = Run("compliance", copy, "--pack", "iec62443-zones", "--no-feeds", "--output", "site.json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(File.ReadAllText(Site), File.ReadAllText(copy));
    }

    private CliOutcome Run(params string[] args) => Cli.Run(PolicyEngine.Check, temp.Path, args);

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
