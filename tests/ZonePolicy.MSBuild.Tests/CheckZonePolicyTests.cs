using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ZonePolicy.MSBuild.Tests.TestUtilities;

namespace ZonePolicy.MSBuild.Tests;

/// <summary>The task hosted by a collecting engine: how it reads its inputs and that it never throws.</summary>
public sealed class CheckZonePolicyTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("zonepolicy-task-").FullName;
    private readonly CollectingBuildEngine engine = new();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void An_invalid_today_is_reported_against_the_project_file()
    {
        var task = NewTask();
        task.Today = "31/03/2026";

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors, e => e.Code == "ZP0305");
        Assert.Equal((engine.ProjectFileOfTaskNode, 0, 0), (error.File, error.LineNumber, error.ColumnNumber));
        Assert.Equal("invalid `ZonePolicyToday` value `31/03/2026`: use an ISO date such as `2026-03-31`", error.Message);
    }

    [Fact]
    public void A_parameter_without_a_value_is_reported()
    {
        var task = NewTask();
        task.Parameters = [new TaskItem("min_sl")];

        task.Execute();

        var error = Assert.Single(engine.Errors, e => e.Code == "ZP0305");
        Assert.Equal("parameter `min_sl` has no value: set `Value` on its `ZonePolicyParameter` item", error.Message);
    }

    [Fact]
    public void An_invalid_severity_item_is_reported()
    {
        var task = NewTask();
        task.Severities = [Item("T-1", ("Severity", "eror"))];

        task.Execute();

        var error = Assert.Single(engine.Errors, e => e.Code == "ZP0308");
        Assert.Equal((engine.ProjectFileOfTaskNode, 0, 0), (error.File, error.LineNumber, error.ColumnNumber));
        Assert.Equal("`eror` is not a severity level for `T-1`; did you mean `error`?", error.Message);
    }

    [Fact]
    public void An_invalid_analyzer_config_level_is_ZP0308_at_its_line_and_column()
    {
        var config = Path.Combine(directory, ".editorconfig");
        File.WriteAllText(config, "root = true\n\n[*.json]\n  dotnet_diagnostic.T-1.severity = loud\n");
        var task = NewTask();
        task.Topologies = [new TaskItem(Write("site.json", "{ \"schemaVersion\": \"1\" }\n"))];
        task.Rules = [new TaskItem(Write("rules.zpol", "rule T-1 \"one\" { for zone z forbid true }\n"))];
        task.AnalyzerConfigFiles = [new TaskItem(config)];

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("ZP0308", config, 4, 36), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Equal("`loud` is not a severity level for `T-1`; use error, warning, suggestion, silent, none or default", error.Message);
    }

    [Fact]
    public void No_topology_fails_the_task_with_ZP0310()
    {
        var task = NewTask();

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors, e => e.Code == "ZP0310");
        Assert.Equal(("ZP0310", engine.ProjectFileOfTaskNode), (error.Code, error.File));
        Assert.Equal("https://zonepolicy.dev/docs/diagnostics/ZP0310", error.HelpLink);
    }

    [Fact]
    public void A_sarif_log_that_cannot_be_written_is_ZP0319_at_its_path()
    {
        var blocker = Write("not-a-folder", "");
        var task = NewTask();
        task.Topologies = [new TaskItem(Write("site.topology.json", "{ \"schemaVersion\": \"1\" }\n"))];
        task.Rules = [new TaskItem(Write("rules.zpol", "rule T-1 \"one\" { for zone z forbid true }\n"))];
        task.SarifOutput = Path.Combine(blocker, "out", "check.sarif");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("ZP0319", task.SarifOutput, 0), (error.Code, error.File, error.LineNumber));
        Assert.StartsWith($"cannot write `{task.SarifOutput}`: ", error.Message);
    }

    [Fact]
    public void An_exception_becomes_ZP0901_and_never_escapes_the_task()
    {
        var task = NewTask();
        task.Topologies = [new TaskItem(Write("site.topology.json", "{ \"schemaVersion\": \"1\" }\n"))];
        task.PackDirectories = ["packs\0"];

        var succeeded = task.Execute();

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors, e => e.Code == "ZP0901");
        Assert.StartsWith("internal error in the ZonePolicy check: ", error.Message);
        Assert.EndsWith("; please report it with the build log", error.Message);
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.Low && m.Message!.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rules_folder_pack_with_csharp_functions_runs_only_when_a_ZonePolicyTrustedPack_item_names_it()
    {
        var pack = Path.Combine(directory, "acme-text");
        Directory.CreateDirectory(Path.Combine(pack, "functions"));
        File.WriteAllText(Path.Combine(pack, "pack.json"), """
            {
              "name": "acme-text", "version": "1.0.0", "title": "Text", "license": "MIT", "authors": ["Acme"],
              "standards": [{ "name": "Acme OT baseline" }], "minEngineVersion": "0.1.0",
              "functions": [{ "name": "shout", "script": "functions/text.csx", "parameters": [{ "name": "text", "type": "string" }], "returns": "string" }]
            }
            """);
        File.WriteAllText(Path.Combine(pack, "functions", "text.csx"), "static string shout(string text) => text.ToUpperInvariant();\n");
        File.WriteAllText(Path.Combine(pack, "rules.zpol"), "rule T-SHOUT \"zones\" {\n  severity warning\n  for zone z\n  require false\n  message \"{shout(z.id)}\"\n}\n");
        var site = Path.Combine(directory, "site.json");
        File.WriteAllText(site, Scenario.WarningOnlySite);

        var untrusted = NewTask();
        untrusted.Topologies = [new TaskItem(site)];
        untrusted.Rules = [new TaskItem(pack)];
        Assert.False(untrusted.Execute());
        Assert.Equal("ZP0143", Assert.Single(engine.Errors).Code);

        var trusted = NewTask();
        trusted.Topologies = [new TaskItem(site)];
        trusted.Rules = [new TaskItem(pack)];
        trusted.TrustedPacks = [new TaskItem("acme-text")];
        Assert.True(trusted.Execute());
        Assert.Equal(("T-SHOUT", "CELL"), (Assert.Single(engine.Warnings).Code, engine.Warnings[0].Message));
    }

    private CheckZonePolicy NewTask() => new() { BuildEngine = engine };

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static TaskItem Item(string itemSpec, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(itemSpec);
        foreach (var (name, value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }
}
