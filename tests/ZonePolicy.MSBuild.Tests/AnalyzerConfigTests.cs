using ZonePolicy.Diagnostics;
using ZonePolicy.MSBuild.Configuration;

namespace ZonePolicy.MSBuild.Tests;

/// <summary>Reading <c>dotnet_diagnostic.ID.severity</c> from .editorconfig and global config files, and their precedence.</summary>
public sealed class AnalyzerConfigTests
{
    private static readonly string Root = OperatingSystem.IsWindows() ? @"C:\plant" : "/plant";

    private static string At(params string[] parts) => Path.Combine([Root, .. parts]);

    private readonly List<Diagnostic> _diagnostics = [];

    private AnalyzerConfigFile Parse(string path, string text) => AnalyzerConfigFile.Parse(path, text, _diagnostics);

    [Fact]
    public void A_file_named_globalconfig_is_global_at_level_100()
    {
        var file = Parse(At(".globalconfig"), "dotnet_diagnostic.T-1.severity = warning\n");

        Assert.Equal((true, 100), (file.IsGlobal, file.GlobalLevel));
        Assert.Equal(("T-1", Severity.Warning, 1, 1), Single(file.GlobalSettings));
    }

    [Fact]
    public void Is_global_and_global_level_are_read_from_the_preamble()
    {
        var file = Parse(At("shared.config"), "# shared\nis_global = true\nglobal_level = 7\nDOTNET_DIAGNOSTIC.T-2.SEVERITY = suggestion\n");

        Assert.Equal((true, 7), (file.IsGlobal, file.GlobalLevel));
        Assert.Equal(("T-2", Severity.Info, 4, 1), Single(file.GlobalSettings));
    }

    [Fact]
    public void An_editorconfig_keeps_its_settings_in_sections_and_knows_its_root()
    {
        var file = Parse(At(".editorconfig"), "root = true\n\n[*.json]\ndotnet_diagnostic.T-1.severity = silent\ndotnet_diagnostic.T-2.severity = default\n; comment\n[*.cs]\ndotnet_diagnostic.CA1000.severity = none\n");

        Assert.Equal((false, true), (file.IsGlobal, file.IsRoot));
        Assert.Empty(file.GlobalSettings);
        Assert.Equal(2, file.Sections.Count);
        Assert.Equal(("T-1", Severity.None, 4, 1), Single(file.Sections[0].Settings));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void An_invalid_severity_is_a_warning_at_the_key()
    {
        var path = At(".globalconfig");

        Parse(path, "\n   dotnet_diagnostic.T-1.severity = high\n");

        var diagnostic = Assert.Single(_diagnostics);
        Assert.Equal((DiagnosticIds.InvalidSeverityOverride, Severity.Warning, new SourceLocation(path, 2, 4, 2, 41)),
            (diagnostic.Id, diagnostic.Severity, diagnostic.Location));
    }

    [Theory]
    [InlineData("*.json", "site/a.topology.json", true)]
    [InlineData("*.json", "a.zpol", false)]
    [InlineData("*.topology.json", "a.topology.json", true)]
    [InlineData("site/*.json", "site/a.json", true)]
    [InlineData("site/*.json", "other/site/a.json", false)]
    [InlineData("/site/*.json", "site/a.json", true)]
    [InlineData("site/*.json", "site/deep/a.json", false)]
    [InlineData("site/**.json", "site/deep/a.json", true)]
    [InlineData("**/plant-?.json", "x/y/plant-1.json", true)]
    [InlineData("*.{json,zpol}", "rules.zpol", true)]
    [InlineData("{line-a,line-b}/*.json", "line-b/s.json", true)]
    [InlineData("[ab].json", "b.json", true)]
    [InlineData("[!ab].json", "b.json", false)]
    [InlineData("case{1..3}.json", "case2.json", true)]
    [InlineData("case{1..3}.json", "case4.json", false)]
    [InlineData(@"\*.json", "a.json", false)]
    [InlineData("{json}", "{json}", true)]
    public void Section_globs_match_as_in_editorconfig(string glob, string relativePath, bool matches)
    {
        var section = EditorConfigGlob.Parse(glob, Root);

        Assert.Equal(matches, section.IsMatch(At(relativePath.Split('/'))));
    }

    [Fact]
    public void A_glob_never_matches_outside_its_folder()
    {
        Assert.False(EditorConfigGlob.Parse("*.json", At("site")).IsMatch(At("other", "a.json")));
    }

    [Fact]
    public void Items_outrank_editorconfig_which_outranks_global_configs()
    {
        var topology = At("site", "a.topology.json");
        var configuration = new SeverityConfiguration(
            [
                Parse(At(".globalconfig"), "dotnet_diagnostic.T-1.severity = error\ndotnet_diagnostic.T-2.severity = error\ndotnet_diagnostic.T-3.severity = error\n"),
                Parse(At("site", ".editorconfig"), "[*.json]\ndotnet_diagnostic.T-1.severity = warning\ndotnet_diagnostic.T-2.severity = warning\n"),
            ],
            [new SeveritySetting("T-1", Severity.None, SourceLocation.InFile("policy.csproj"))]);

        Assert.Equal(
            [new("T-1", Severity.None), new("T-2", Severity.Warning), new KeyValuePair<string, Severity>("T-3", Severity.Error)],
            configuration.For(topology));
    }

    [Fact]
    public void The_higher_global_level_wins_then_the_deeper_file()
    {
        var configuration = new SeverityConfiguration(
            [
                Parse(At("site", "deep.config"), "is_global = true\nglobal_level = 5\ndotnet_diagnostic.T-1.severity = info\ndotnet_diagnostic.T-2.severity = info\n"),
                Parse(At("top.config"), "is_global = true\nglobal_level = 5\ndotnet_diagnostic.T-1.severity = error\n"),
                Parse(At("high.config"), "is_global = true\nglobal_level = 9\ndotnet_diagnostic.T-2.severity = warning\n"),
            ],
            []);

        Assert.Equal(
            [new("T-1", Severity.Info), new KeyValuePair<string, Severity>("T-2", Severity.Warning)],
            configuration.For(At("site", "a.json")));
    }

    [Fact]
    public void The_nearest_editorconfig_wins_and_a_root_file_hides_those_above_it()
    {
        var configuration = new SeverityConfiguration(
            [
                Parse(At(".editorconfig"), "[*]\ndotnet_diagnostic.T-1.severity = error\ndotnet_diagnostic.T-2.severity = error\n"),
                Parse(At("a", ".editorconfig"), "[*]\ndotnet_diagnostic.T-1.severity = warning\n[*.json]\ndotnet_diagnostic.T-1.severity = info\n"),
                Parse(At("b", ".editorconfig"), "root = true\n[*]\ndotnet_diagnostic.T-1.severity = none\n"),
            ],
            []);

        Assert.Equal([new("T-1", Severity.Info), new KeyValuePair<string, Severity>("T-2", Severity.Error)], configuration.For(At("a", "s.json")));
        Assert.Equal([new KeyValuePair<string, Severity>("T-1", Severity.None)], configuration.For(At("b", "s.json")));
        Assert.NotEqual(configuration.KeyFor(At("a", "s.json")), configuration.KeyFor(At("b", "s.json")));
        Assert.Equal(configuration.KeyFor(At("a", "s.json")), configuration.KeyFor(At("a", "t.json")));
    }

    private static (string, Severity, int, int) Single(IReadOnlyList<SeveritySetting> settings)
    {
        var setting = Assert.Single(settings);
        return (setting.Id, setting.Severity, setting.Location.Line, setting.Location.Column);
    }
}
