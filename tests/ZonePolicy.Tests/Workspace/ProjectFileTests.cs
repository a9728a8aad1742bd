using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;
using ZonePolicy.Workspace;

namespace ZonePolicy.Tests.Workspace;

public sealed class ProjectFileTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Every_setting_is_read_with_paths_resolved_against_the_project_folder()
    {
        workspace.Write("site/a.topology.json", "{}");
        workspace.Write("site/b.topology.json", "{}");
        workspace.Write("site/notes.json", "{}");
        workspace.Write("policy/zoning.zpol", "");
        workspace.Write("extra.zpol", "");
        var path = workspace.Write("zonepolicy.json", """
            {
              "$schema": "./schema/zonepolicy.schema.json",
              "topologies": ["site/*.topology.json"],
              "rules": ["policy", "extra.zpol"],
              "packs": ["iec62443-zones"],
              "parameters": { "max_gap": 2, "ratio": 7.5, "strict": true, "cutoff": "@2027-03-31", "owner": "OT \"security\"", "kinds": ["plc", "hmi"] },
              "severities": { "ZN-001": "warning", "ZP0302": "none" },
              "today": "2026-11-25",
              "baseline": "policy/baseline.json",
              "warningsAsErrors": true
            }
            """);

        var project = ProjectFile.Load(path, "zonepolicy.json");

        Assert.Empty(project.Diagnostics);
        Assert.Equal([Full("site/a.topology.json"), Full("site/b.topology.json")], project.Topologies);
        Assert.Equal([Full("policy"), Full("extra.zpol")], project.RuleSources);
        Assert.Equal(["iec62443-zones"], project.Packs);
        Assert.Equal(
            ["max_gap=2", "ratio=7.5", "strict=true", "cutoff=@2027-03-31", "owner=\"OT \\\"security\\\"\"", "kinds=[\"plc\", \"hmi\"]"],
            project.Parameters.Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["ZN-001=warning (7,19)-(7,38)", "ZP0302=none (7,40)-(7,56)"], project.Severities.Select(s =>
            $"{s.Id}={s.Level} ({s.Location.Line},{s.Location.Column})-({s.Location.EndLine},{s.Location.EndColumn})"));
        Assert.Equal(new DateOnly(2026, 11, 25), project.Today);
        Assert.Equal(Full("policy/baseline.json"), project.Baseline);
        Assert.True(project.WarningsAsErrors);
    }

    [Fact]
    public void A_topology_folder_stands_for_every_topology_file_below_it()
    {
        workspace.Write("site/north/a.topology.json", "{}");
        workspace.Write("site/b.topology.json", "{}");
        workspace.Write("site/readme.json", "{}");
        var path = workspace.Write("zonepolicy.json", """{ "topologies": ["site"] }""");

        var project = ProjectFile.Load(path, "zonepolicy.json");

        Assert.Equal([Full("site/b.topology.json"), Full("site/north/a.topology.json")], project.Topologies);
    }

    [Theory]
    [InlineData("""{ "rulez": ["r"] }""",
        "ZP0381 (1,3): unknown project setting `rulez`: the settings are `topologies`, `rules`, `packs`, `parameters`, `severities`, `today`, `baseline`, `warningsAsErrors`; did you mean `rules`?")]
    [InlineData("""{ "topologies": "site.json" }""", "ZP0382 (1,17): `topologies` is a list of topology files or wildcards, found a text")]
    [InlineData("""{ "topologies": [1] }""", "ZP0382 (1,18): `topologies` is a list of topology files or wildcards, found a number")]
    [InlineData("""{ "topologies": ["missing.json"] }""", "ZP0383 (1,18): topology file `missing.json` does not exist (paths are relative to the project file's folder)")]
    [InlineData("""{ "topologies": ["site/*.json"] }""", "ZP0383 (1,18): no topology file matches `site/*.json` (paths are relative to the project file's folder)")]
    [InlineData("""{ "rules": ["policy"] }""", "ZP0383 (1,13): rule file or folder `policy` does not exist (paths are relative to the project file's folder)")]
    [InlineData("""{ "severities": { "ZN-001": 2 } }""", "ZP0382 (1,29): the severity of `ZN-001` is a level (error, warning, suggestion, silent, none or default), found a number")]
    [InlineData("""{ "today": "2026-02-30" }""", "ZP0382 (1,12): `today` is a date as yyyy-MM-dd, not `2026-02-30`")]
    [InlineData("""{ "parameters": { "cutoff": "@2027-02-30" } }""", "ZP0382 (1,29): parameter `cutoff`: `@2027-02-30` is not a date; write a date as \"@yyyy-MM-dd\"")]
    [InlineData("""{ "parameters": { "n": 1e3 } }""", "ZP0382 (1,24): parameter `n`: `1e3` is not a number of the rule language (digits, an optional fraction, no exponent)")]
    [InlineData("""{ "parameters": { "n": null } }""", "ZP0382 (1,24): parameter `n`: needs a number, a text, a date (\"@yyyy-MM-dd\"), a boolean or a list of them, found `null`")]
    [InlineData("""{ "parameters": { "n": [[1]] } }""", "ZP0382 (1,25): parameter `n`: a list holds numbers, texts, dates or booleans, not lists")]
    [InlineData("""{ "parameters": { "n": "a\u0001b" } }""", "ZP0382 (1,24): parameter `n`: a text value may not contain control characters")]
    [InlineData("""{ "warningsAsErrors": "yes" }""", "ZP0382 (1,23): `warningsAsErrors` is `true` or `false`, found a text")]
    [InlineData("""{ "today": "2026-01-01", "today": "2026-01-02" }""", "ZP0382 (1,26): `today` is set twice; keep one")]
    [InlineData("""[ "site.json" ]""", "ZP0380 (1,1): a project file is a JSON object of settings, found a list")]
    [InlineData("""{ "topologies": [ }""", "ZP0380 (1,19): invalid JSON: expected a value, found `}`")]
    public void Each_mistake_is_a_located_diagnostic(string text, string expected)
    {
        var path = workspace.Write("zonepolicy.json", text);

        var project = ProjectFile.Load(path, "zonepolicy.json");

        var diagnostic = Assert.Single(project.Diagnostics);
        Assert.Equal(expected, $"{diagnostic.Id} ({diagnostic.Location.Line},{diagnostic.Location.Column}): {diagnostic.Message}");
        Assert.Equal("zonepolicy.json", diagnostic.Location.File);
        Assert.True(project.HasErrors);
    }

    [Fact]
    public void An_unsaved_text_replaces_the_file_on_disk()
    {
        workspace.Write("site.topology.json", "{}");
        var path = workspace.Write("zonepolicy.json", """{ "topologies": ["nothing.json"] }""");

        var project = ProjectFile.Load(path, "zonepolicy.json", """{ "topologies": ["site.topology.json"] }""");

        Assert.Empty(project.Diagnostics);
        Assert.Equal([Full("site.topology.json")], project.Topologies);
    }

    [Fact]
    public void A_missing_file_a_folder_a_device_and_a_pipe_are_reported_as_any_input_is()
    {
        Assert.Equal("ZP0310: project file `none.json` does not exist", Describe(ProjectFile.Load(Full("none.json"), "none.json")));
        Assert.Equal("ZP0315: project file `folder` is a folder, not a file; name a file in it", Describe(ProjectFile.Load(workspace.Root, "folder")));
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("ZP0315: project file `zero` is a character device, not a file", Describe(ProjectFile.Load("/dev/zero", "zero")));
            var pipe = Full("pipe.json");
            using var process = System.Diagnostics.Process.Start("mkfifo", [pipe]);
            process.WaitForExit();
            Assert.Equal("ZP0315: project file `pipe.json` is a named pipe (FIFO), not a file", Describe(ProjectFile.Load(pipe, "pipe.json")));
        }
    }

    [Fact]
    public void A_huge_file_or_unsaved_text_is_refused_before_it_is_parsed()
    {
        var text = "{ \"packs\": [" + string.Join(",", Enumerable.Repeat("\"p\"", 400_000)) + "] }";
        var path = workspace.Write("zonepolicy.json", text);

        Assert.Equal("ZP0316: project file `zonepolicy.json` is 1.5 MiB, over the 1 MiB limit for a project file; split it into smaller files",
            Describe(ProjectFile.Load(path, "zonepolicy.json")));
        Assert.Equal(Describe(ProjectFile.Load(path, "zonepolicy.json")), Describe(ProjectFile.Load(path, "zonepolicy.json", text)));
    }

    [Fact]
    public void The_nearest_project_file_from_a_folder_upwards_is_found()
    {
        var outer = workspace.Write("zonepolicy.json", "{}");
        var inner = workspace.Write("a/zonepolicy.json", "{}");
        Directory.CreateDirectory(Full("a/b/c"));
        Directory.CreateDirectory(Full("d"));

        Assert.Equal(inner, ProjectFile.Find(Full("a/b/c")));
        Assert.Equal(inner, ProjectFile.Find(Full("a")));
        Assert.Equal(outer, ProjectFile.Find(Full("d")));
    }

    [Fact]
    public void The_project_check_finds_what_the_same_command_line_finds()
    {
        workspace.Write("site.topology.json", """{ "schemaVersion": "1", "zones": [ { "id": "z", "kind": "control" } ] }""");
        workspace.Write("rules/zones.zpol", """
            param min_sl = 2
            rule ZN-1 "zones have a level" { for zone z require z.securityLevel >= min_sl }
            """);
        var path = workspace.Write("zonepolicy.json", """{ "topologies": ["site.topology.json"], "rules": ["rules"], "parameters": { "min_sl": 3 }, "severities": { "ZN-1": "error" }, "today": "2026-11-25" }""");

        var result = PolicyEngine.Check(ProjectFile.Load(path, "zonepolicy.json").ToRequest());

        var violation = Assert.Single(result.Diagnostics);
        Assert.Equal(("ZN-1", Severity.Error, Full("site.topology.json")), (violation.Id, violation.Severity, violation.Location.File));
    }

    [Fact]
    public void A_severity_the_engine_does_not_know_is_reported_at_its_entry_and_the_check_goes_on()
    {
        workspace.Write("site.topology.json", """{ "schemaVersion": "1", "zones": [ { "id": "z", "kind": "control" } ] }""");
        workspace.Write("rules/zones.zpol", """rule ZN-1 "zones have a level" { for zone z require has(z.securityLevel) }""");
        var path = workspace.Write("zonepolicy.json", """
            {
              "topologies": ["site.topology.json"], "rules": ["rules"],
              "severities": { "ZN-1": "loud", "ZN-9": "error" }
            }
            """);

        var result = PolicyEngine.Check(ProjectFile.Load(path, "zonepolicy.json").ToRequest());

        Assert.Equal(
            """
            ZN-1 site.topology.json(1,36): zones have a level
            ZP0308 zonepolicy.json(3,19): `loud` is not a severity level for `ZN-1`; use error, warning, suggestion, silent, none or default
            ZP0314 zonepolicy.json(3,35): severity override for `ZN-9`, which no rule has; did you mean `ZN-1`?
            """,
            string.Join("\n", result.Diagnostics.Select(d => $"{d.Id} {d.Location.ToString().Replace(workspace.Root + "/", "")}: {d.Message}")));
    }

    private static string Describe(ProjectFile project) =>
        string.Join("\n", project.Diagnostics.Select(d => $"{d.Id}: {d.Message}"));

    private string Full(string relative) => Path.GetFullPath(Path.Combine(workspace.Root, relative));
}
