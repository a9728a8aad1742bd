using ZonePolicy.Diagnostics;
using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary>Severity overrides from <c>.editorconfig</c>, <c>.globalconfig</c> and the command line, in their precedence.</summary>
public sealed class SeverityConfigurationTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Reads_the_star_json_and_zpol_sections_of_an_editorconfig_and_no_other()
    {
        temp.Write(".editorconfig", """
            root = true
            dotnet_diagnostic.TOP.severity = error

            [*]
            dotnet_diagnostic.ALL.severity = warning
            [*.json]
            dotnet_diagnostic.JSON.severity = info
            [*.zpol]
            dotnet_diagnostic.ZPOL.severity = none
            [*.cs]
            dotnet_diagnostic.CA1822.severity = none
            """);

        Assert.Equal(
            [new("ALL", Severity.Warning), new("JSON", Severity.Info), new("ZPOL", Severity.None)],
            Resolve(temp.Path).Overrides);
    }

    [Fact]
    public void Reads_a_globalconfig_before_its_first_section_only()
    {
        temp.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EX-EP.severity = warning\n\n[/src/site.json]\ndotnet_diagnostic.EX-OS.severity = none\n");

        Assert.Equal([new("EX-EP", Severity.Warning)], Resolve(temp.Path).Overrides);
    }

    [Fact]
    public void The_nearest_editorconfig_wins()
    {
        temp.Write(".editorconfig", "[*]\ndotnet_diagnostic.EX-EP.severity = error\ndotnet_diagnostic.EX-OS.severity = error\n");
        var project = temp.Folder("site/project");
        temp.Write("site/project/.editorconfig", "[*]\ndotnet_diagnostic.EX-EP.severity = none\n");

        Assert.Equal([new("EX-EP", Severity.None), new("EX-OS", Severity.Error)], Resolve(project).Overrides);
    }

    [Fact]
    public void Root_true_stops_the_walk_up()
    {
        temp.Write(".editorconfig", "[*]\ndotnet_diagnostic.EX-OS.severity = error\n");
        var project = temp.Folder("project");
        temp.Write("project/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.EX-EP.severity = none\n");

        Assert.Equal([new("EX-EP", Severity.None)], Resolve(project).Overrides);
    }

    [Fact]
    public void Globalconfigs_are_read_all_the_way_up_the_nearest_winning()
    {
        temp.Write(".globalconfig", "dotnet_diagnostic.EX-EP.severity = error\ndotnet_diagnostic.EX-OS.severity = error\n");
        var project = temp.Folder("project");
        temp.Write("project/.globalconfig", "dotnet_diagnostic.EX-EP.severity = info\n");
        temp.Write("project/.editorconfig", "root = true\n");

        Assert.Equal([new("EX-EP", Severity.Info), new("EX-OS", Severity.Error)], Resolve(project).Overrides);
    }

    [Fact]
    public void An_editorconfig_beats_a_globalconfig_even_a_nearer_one()
    {
        temp.Write(".editorconfig", "[*.json]\ndotnet_diagnostic.EX-EP.severity = warning\n");
        var project = temp.Folder("project");
        temp.Write("project/.globalconfig", "dotnet_diagnostic.EX-EP.severity = none\n");

        Assert.Equal([new("EX-EP", Severity.Warning)], Resolve(project).Overrides);
    }

    [Fact]
    public void The_command_line_beats_every_config_file()
    {
        temp.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.EX-EP.severity = none\n");
        temp.Write(".globalconfig", "dotnet_diagnostic.EX-EP.severity = warning\n");

        Assert.Equal([new("EX-EP", Severity.Error)], Resolve(temp.Path, new KeyValuePair<string, Severity>("EX-EP", Severity.Error)).Overrides);
    }

    [Fact]
    public void Within_a_file_the_last_line_wins()
    {
        temp.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.EX-EP.severity = none\n[*.json]\ndotnet_diagnostic.EX-EP.severity = warning\n");

        Assert.Equal([new("EX-EP", Severity.Warning)], Resolve(temp.Path).Overrides);
    }

    [Fact]
    public void Default_gives_the_id_back_its_own_severity()
    {
        temp.Write(".globalconfig", "dotnet_diagnostic.EX-EP.severity = none\n");
        temp.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.EX-EP.severity = default\n");

        Assert.Empty(Resolve(temp.Path).Overrides);
    }

    [Theory]
    [InlineData("suggestion", Severity.Info)]
    [InlineData("Warning", Severity.Warning)]
    [InlineData("none  # noisy for now", Severity.None)]
    public void Levels_are_read_as_the_engine_reads_them(string level, Severity severity)
    {
        temp.Write(".editorconfig", $"root = true\n[*]\ndotnet_diagnostic.EX-EP.severity = {level}\n");

        Assert.Equal([new("EX-EP", severity)], Resolve(temp.Path).Overrides);
    }

    [Fact]
    public void Keys_ignore_case_and_ids_keep_theirs()
    {
        temp.Write(".editorconfig", "root = true\n[*]\nDotNet_Diagnostic.EX-ep.Severity = none\n");

        Assert.Equal([new("EX-ep", Severity.None)], Resolve(temp.Path).Overrides);
    }

    [Fact]
    public void An_invalid_level_is_ZP0308_at_its_line_and_column_and_sets_nothing()
    {
        temp.Write(".editorconfig", "root = true\n[*]\n  dotnet_diagnostic.EX-EP.severity =   loud\n");

        var configuration = Resolve(temp.Path);

        Assert.Empty(configuration.Overrides);
        var diagnostic = Assert.Single(configuration.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidSeverityOverride, diagnostic.Id);
        Assert.Equal(new SourceLocation(".editorconfig", 3, 40, 3, 44), diagnostic.Location);
        Assert.Equal("`loud` is not a severity for `EX-EP`; use error, warning, info, none or default", diagnostic.Message);
    }

    [Fact]
    public void Overrides_are_ordered_by_id()
    {
        temp.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.ZP0302.severity = none\ndotnet_diagnostic.EX-OS.severity = none\n");

        Assert.Equal(["E187-OS-01", "EX-OS", "ZP0302"], Resolve(temp.Path, new KeyValuePair<string, Severity>("E187-OS-01", Severity.Info)).Overrides.Select(o => o.Key));
    }

    private static SeverityConfiguration Resolve(string folder, params KeyValuePair<string, Severity>[] commandLine) =>
        SeverityConfiguration.Resolve(folder, commandLine);
}
