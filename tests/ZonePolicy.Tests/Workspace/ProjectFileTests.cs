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
        Assert.Equal([new("ZN-001", Severity.Warning), new("ZP0302", Severity.None)], project.Severities);
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
    [InlineData("""{ "severities": { "ZN-001": "loud" } }""", "ZP0382 (1,29): `loud` is not a severity for `ZN-001`; use `error`, `warning`, `info` or `none`")]
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
    public void A_missing_file_a_folder_and_a_device_are_reported_not_thrown()
    {
        Assert.Equal("ZP0380", Assert.Single(ProjectFile.Load(Full("none.json"), "none.json").Diagnostics).Id);
        Assert.Equal("ZP0380", Assert.Single(ProjectFile.Load(workspace.Root, "folder").Diagnostics).Id);
        if (File.Exists("/dev/zero"))
        {
            Assert.Equal("ZP0380", Assert.Single(ProjectFile.Load("/dev/zero", "zero").Diagnostics).Id);
        }
    }

    [Fact]
    public void A_huge_file_is_refused_before_it_is_parsed()
    {
        var path = workspace.Write("zonepolicy.json", "{ \"packs\": [" + string.Join(",", Enumerable.Repeat("\"p\"", 400_000)) + "] }");

        var diagnostic = Assert.Single(ProjectFile.Load(path, "zonepolicy.json").Diagnostics);

        Assert.Equal("project file `zonepolicy.json` is not a regular file of at most 1024 KiB", diagnostic.Message);
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

    private string Full(string relative) => Path.GetFullPath(Path.Combine(workspace.Root, relative));
}
