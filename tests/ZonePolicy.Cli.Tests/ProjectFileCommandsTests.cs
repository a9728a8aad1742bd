using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary>
/// <c>zpol compliance</c> and <c>zpol explain</c> take what their command line leaves out from the workspace's project
/// file, as <c>zpol check</c> does: the same topologies, rules, packs, parameters, severities and date.
/// </summary>
public sealed class ProjectFileCommandsTests : IDisposable
{
    private const string Site = """
        { "schemaVersion": "1",
          "zones": [ { "id": "cell", "kind": "control", "securityLevel": 2 }, { "id": "lab", "kind": "control", "securityLevel": 1 } ] }
        """;

    private readonly TempFolder temp = new();

    public ProjectFileCommandsTests()
    {
        temp.Write("site/plant.topology.json", Site);
        temp.Write("policy/zones.zpol", """
            param min_sl = 2
            rule ZN-1 "zones have a level" {
              severity warning
              for zone z
              require z.securityLevel >= min_sl
              message "{z} has level {z.securityLevel}, below {min_sl}"
            }
            """);
        temp.Write("zonepolicy.json", """
            {
              "topologies": ["site/*.topology.json"],
              "rules": ["policy"],
              "packs": ["iec62443-zones"],
              "parameters": { "min_sl": 3 },
              "severities": { "ZN-1": "error" },
              "today": "2026-11-25"
            }
            """);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Compliance_with_no_arguments_assesses_what_the_project_file_says()
    {
        var fromProject = Run("compliance", "--format", "json");
        var spelledOut = Run("compliance", "site/plant.topology.json", "--rules", "policy", "--pack", "iec62443-zones",
            "--param", "min_sl=3", "--severity", "ZN-1=error", "--today", "2026-11-25", "--format", "json");
        var withoutSeverity = Run("compliance", "site/plant.topology.json", "--rules", "policy", "--pack", "iec62443-zones",
            "--param", "min_sl=3", "--today", "2026-11-25", "--format", "json");

        Assert.Equal((spelledOut.ExitCode, spelledOut.Out, ""), (fromProject.ExitCode, fromProject.Out, fromProject.Error));
        Assert.Equal((1, 0), (fromProject.ExitCode, withoutSeverity.ExitCode));
        Assert.Equal("2026-11-25", fromProject.Json.GetProperty("today").GetString());
        Assert.Contains("iec62443-zones", fromProject.Out);
    }

    [Fact]
    public void Compliance_on_one_topology_takes_the_rest_from_the_project_file()
    {
        var outcome = Run("compliance", "site/plant.topology.json");

        Assert.Equal((1, ""), (outcome.ExitCode, outcome.Error));
        Assert.StartsWith("# Compliance\n\nEvaluated for 2026-11-25.\n", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Compliance_reports_a_broken_project_file_as_a_located_error_with_exit_2()
    {
        temp.Write("zonepolicy.json", """{ "topologies": ["site/*.topology.json"], "packz": ["iec62443-zones"] }""");

        var outcome = Run("compliance");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("zonepolicy.json(1,43): error ZP0381: ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compliance_without_rules_or_a_project_file_has_nothing_to_assess()
    {
        using var elsewhere = new TempFolder();
        var site = elsewhere.Write("plant.topology.json", Site);

        var outcome = RunIn(elsewhere.Path, "compliance", site);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error ZP0311: no rules to assess compliance with: give `--rules <file-or-dir>` or `--pack <name>`, or add a project file (zonepolicy.json)", outcome.Error);
    }

    [Fact]
    public void Explain_takes_the_project_files_rules_and_parameters()
    {
        var outcome = Run("explain", "site/plant.topology.json", "--rule", "ZN-1", "--entity", "cell");

        Assert.Equal((0, ""), (outcome.ExitCode, outcome.Error));
        Assert.Contains("\n  require z.securityLevel >= min_sl is false\n    z.securityLevel is 2\n    min_sl is 3\n", outcome.Out);
        Assert.Contains("\n    severity: error, ", outcome.Out);
    }

    [Fact]
    public void Explain_with_the_project_option_reads_that_project_file()
    {
        var outcome = RunIn(temp.Folder("elsewhere"), "explain", "../site/plant.topology.json", "--rule", "ZN-1", "--project", "..");

        Assert.Equal((0, ""), (outcome.ExitCode, outcome.Error));
        Assert.StartsWith("rule ZN-1 \"zones have a level\" at ", outcome.Out, StringComparison.Ordinal);
    }

    private CliOutcome Run(params string[] args) => RunIn(temp.Path, args);

    private static CliOutcome RunIn(string workingDirectory, params string[] args) => Cli.Run(PolicyEngine.Check, workingDirectory, args);
}
