using ZonePolicy.Configuration;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Tests.Configuration;

/// <summary>Which <c>dotnet_diagnostic.ID.severity</c> settings apply to a file, read as Roslyn's AnalyzerConfigSet reads them.</summary>
public sealed class AnalyzerConfigSetTests
{
    private static readonly string Root = OperatingSystem.IsWindows() ? @"C:\plant" : "/plant";

    private readonly DiagnosticBag diagnostics = new();

    private static string At(params string[] parts) => Path.Combine([Root, .. parts]);

    private static AnalyzerConfig Parse(string path, string text) => AnalyzerConfig.Parse(path, path, text);

    private Dictionary<string, string> For(string file, params AnalyzerConfig[] configs) =>
        AnalyzerConfigSet.Create(configs, diagnostics).For(file).ToDictionary(p => p.Key, p => p.Value.Level);

    [Fact]
    public void A_file_named_globalconfig_is_global_at_level_100_and_is_global_makes_any_file_global()
    {
        var named = Parse(At(".globalconfig"), "dotnet_diagnostic.T-1.severity = warning\n");
        var marked = Parse(At("shared.config"), "# shared\nis_global = TRUE\nglobal_level = 7\n");
        var plain = Parse(At(".editorconfig"), "root = true\n");

        Assert.Equal((true, 100), (named.IsGlobal, named.GlobalLevel));
        Assert.Equal((true, 7), (marked.IsGlobal, marked.GlobalLevel));
        Assert.Equal((false, true), (plain.IsGlobal, plain.IsRoot));
    }

    [Fact]
    public void Keys_and_values_keep_their_case_and_a_value_is_located_at_its_line_and_column()
    {
        var config = Parse(At(".globalconfig"), "\n  DotNet_Diagnostic.T-1.Severity =   Warning  \n[*]\nx: y\n");

        var entry = Assert.Single(config.Preamble);
        Assert.Equal(("DotNet_Diagnostic.T-1.Severity", "Warning"), (entry.Key, entry.Value));
        Assert.Equal(new SourceLocation(At(".globalconfig"), 2, 38, 2, 45), entry.ValueLocation);
        Assert.Equal(("x", "y"), (config.Sections[0].Entries[0].Key, config.Sections[0].Entries[0].Value));
    }

    [Fact]
    public void A_comment_cannot_follow_a_value_and_lone_carriage_returns_end_lines()
    {
        var config = Parse(At(".globalconfig"), "; note\rdotnet_diagnostic.T-1.severity = none # for now\r\n# end");

        var entry = Assert.Single(config.Preamble);
        Assert.Equal(("none # for now", 2), (entry.Value, entry.ValueLocation.Line));
    }

    [Fact]
    public void Editorconfig_sections_apply_by_glob_relative_to_their_folder_and_the_nearest_file_wins()
    {
        var top = Parse(At(".editorconfig"), "[*]\ndotnet_diagnostic.T-1.severity = error\ndotnet_diagnostic.T-2.severity = error\n[site/**.json]\ndotnet_diagnostic.T-3.severity = warning\n");
        var site = Parse(At("site", ".editorconfig"), "[*.json]\ndotnet_diagnostic.T-1.severity = suggestion\n[other.json]\ndotnet_diagnostic.T-2.severity = none\n");

        Assert.Equal(new Dictionary<string, string> { ["T-1"] = "suggestion", ["T-2"] = "error", ["T-3"] = "warning" }, For(At("site", "a", "s.json"), top, site));
        Assert.Equal(new Dictionary<string, string> { ["T-1"] = "error", ["T-2"] = "error" }, For(At("s.json"), top, site));
        Assert.Empty(For(Path.Combine(Path.GetDirectoryName(Root)!, "elsewhere", "s.json"), top, site));
    }

    [Fact]
    public void Within_a_file_the_last_matching_section_wins()
    {
        var config = Parse(At(".editorconfig"), "[*.json]\ndotnet_diagnostic.T-1.severity = error\n[*]\ndotnet_diagnostic.T-1.severity = warning\n");

        Assert.Equal("warning", For(At("s.json"), config)["T-1"]);
    }

    [Fact]
    public void Root_true_hides_the_editorconfigs_above_but_not_the_global_configs()
    {
        var top = Parse(At(".editorconfig"), "[*]\ndotnet_diagnostic.T-1.severity = error\n");
        var global = Parse(At(".globalconfig"), "dotnet_diagnostic.T-2.severity = warning\n");
        var rooted = Parse(At("b", ".editorconfig"), "root = true\n[*]\ndotnet_diagnostic.T-3.severity = none\n");

        Assert.Equal(new Dictionary<string, string> { ["T-2"] = "warning", ["T-3"] = "none" }, For(At("b", "s.json"), top, global, rooted));
    }

    [Fact]
    public void An_editorconfig_setting_beats_a_global_one_and_a_global_section_names_one_file()
    {
        var global = Parse(At("x", ".globalconfig"), $"dotnet_diagnostic.T-1.severity = error\n[{At("site", "s.json").Replace('\\', '/')}]\ndotnet_diagnostic.T-2.severity = none\n");
        var editor = Parse(At(".editorconfig"), "[*.json]\ndotnet_diagnostic.T-1.severity = warning\n");

        Assert.Equal(new Dictionary<string, string> { ["T-1"] = "warning", ["T-2"] = "none" }, For(At("site", "s.json"), global, editor));
        Assert.Equal(new Dictionary<string, string> { ["T-1"] = "warning" }, For(At("site", "t.json"), global, editor));
    }

    [Fact]
    public void The_higher_global_level_wins_and_two_files_at_one_level_cancel_with_ZP0321()
    {
        var low = Parse(At("low.config"), "is_global = true\nglobal_level = 1\ndotnet_diagnostic.T-1.severity = none\ndotnet_diagnostic.T-2.severity = none\n");
        var high = Parse(At("high.config"), "is_global = true\nglobal_level = 5\ndotnet_diagnostic.T-1.severity = error\n");
        var rival = Parse(At("rival.config"), "is_global = true\nglobal_level = 1\ndotnet_diagnostic.T-2.severity = warning\n");

        Assert.Equal(new Dictionary<string, string> { ["T-1"] = "error" }, For(At("s.json"), low, high, rival));
        var conflict = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticIds.GlobalConfigConflict, Severity.Warning, 3, 34), (conflict.Id, conflict.Severity, conflict.Location.Line, conflict.Location.Column));
        Assert.Equal($"`T-2` is set both here and in `{At("low.config")}` at global level 1, so neither applies; keep one, or give one file a higher `global_level`", conflict.Message);
    }

    [Fact]
    public void Ids_match_without_regard_to_case()
    {
        var config = Parse(At(".editorconfig"), "[*]\ndotnet_diagnostic.t-one.severity = none\n");

        Assert.True(AnalyzerConfigSet.Create([config], diagnostics).For(At("s.json")).ContainsKey("T-ONE"));
    }
}
