using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary><c>zpol check</c> with the workspace's project file, run as a real process in the workspace.</summary>
public sealed class ProjectFileCheckTests : IDisposable
{
    private const string Rules = """
        param min_sl = 2
        rule ZN-1 "zones have a level" {
          severity warning
          for zone z
          require z.securityLevel >= min_sl
          message "{z} has level {z.securityLevel}, below {min_sl}"
        }
        """;

    private readonly TempFolder temp = new();

    public ProjectFileCheckTests()
    {
        temp.Write("site/a.topology.json", Site("za", 2));
        temp.Write("site/b.topology.json", Site("zb", 3));
        temp.Write("policy/zones.zpol", Rules);
        temp.Write("zonepolicy.json", """
            {
              "topologies": ["site/*.topology.json"],
              "rules": ["policy"],
              "parameters": { "min_sl": 3 },
              "severities": { "ZN-1": "error" },
              "today": "2026-11-25"
            }
            """);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void With_no_arguments_check_runs_exactly_what_the_project_file_says()
    {
        var outcome = Cli.RunProcess(temp.Path, "check");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("""
            site/a.topology.json(1,36): error ZN-1: za has level 2, below 3

            1 error, 0 warnings, 0 infos

            """, outcome.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void From_a_folder_below_it_the_project_file_is_found_and_paths_are_shown_from_there()
    {
        var outcome = Cli.RunProcess(temp.Folder("site/deeper"), "check");

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("../a.topology.json(1,36): error ZN-1: za has level 2, below 3\n", outcome.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Command_line_topologies_parameters_and_severities_win_over_the_project()
    {
        var outcome = Cli.RunProcess(temp.Path, "check", "site/b.topology.json", "--param", "min_sl=4", "--severity", "ZN-1=warning");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("""
            site/b.topology.json(1,36): warning ZN-1: zb has level 3, below 4

            0 errors, 1 warning, 0 infos

            """, outcome.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_command_line_that_names_topologies_and_rules_reads_no_project_file()
    {
        var outcome = Cli.RunProcess(temp.Path, "check", "site/a.topology.json", "--rules", "policy", "--today", "2026-11-25");

        // The rule's own level 2 and severity apply: the project's `min_sl` of 3 would report za.
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 infos\n", outcome.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_project_option_names_another_workspace()
    {
        var other = temp.Folder("other");

        var outcome = Cli.RunProcess(other, "check", "--project", "..");

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("../site/a.topology.json(1,36): error ZN-1", outcome.Out);
    }

    [Fact]
    public void A_broken_project_file_is_a_located_error_in_the_chosen_format_with_exit_code_2()
    {
        temp.Write("zonepolicy.json", """{ "topologies": ["site/*.topology.json"], "rulez": ["policy"] }""");

        var outcome = Cli.RunProcess(temp.Path, "check", "--format", "json");

        Assert.Equal(2, outcome.ExitCode);
        var diagnostic = Assert.Single(outcome.JsonDiagnostics());
        Assert.Equal(("ZP0381", 1, 43), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
        Assert.EndsWith("; did you mean `rules`?", diagnostic.Message);
        Assert.Equal("zonepolicy.json", outcome.Json.GetProperty("diagnostics")[0].GetProperty("file").GetString());
    }

    private static string Site(string zone, int level) =>
        $$"""{ "schemaVersion": "1", "zones": [ { "id": "{{zone}}", "kind": "control", "securityLevel": {{level}} } ] }""";
}
