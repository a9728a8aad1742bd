using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Configuration;

/// <summary>The one precedence of severity settings, applied by the engine for every host.</summary>
public sealed class SeverityPrecedenceTests : IDisposable
{
    private const string Rules = """
        rule T-1 "one" { severity error for zone z forbid true }
        rule T-2 "two" { severity warning for zone z forbid true }
        rule T-3 "three" { severity info for zone z forbid true }
        """;

    private const string Site = """{ "schemaVersion": "1", "zones": [ { "id": "z", "kind": "control" } ] }""";

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Command_line_beats_editorconfig_which_beats_globalconfig_which_beats_the_rule()
    {
        var result = Check(
            b => b.Severities.Add(new("T-1", "suggestion")),
            (".globalconfig", "dotnet_diagnostic.T-1.severity = none\ndotnet_diagnostic.T-2.severity = error\ndotnet_diagnostic.T-3.severity = error\n"),
            (".editorconfig", "[*.json]\ndotnet_diagnostic.T-2.severity = none\n"));

        Assert.Equal([("T-1", Severity.Info), ("T-3", Severity.Error)], Levels(result));
    }

    [Fact]
    public void Default_gives_back_the_rules_own_severity_over_every_lower_setting()
    {
        var result = Check(
            b => b.Severities.Add(new("T-1", "DEFAULT")),
            (".globalconfig", "dotnet_diagnostic.T-1.severity = none\ndotnet_diagnostic.T-2.severity = none\n"),
            (".editorconfig", "[*]\ndotnet_diagnostic.T-2.severity = default\n"));

        Assert.Equal([("T-1", Severity.Error), ("T-2", Severity.Warning), ("T-3", Severity.Info)], Levels(result));
    }

    [Theory]
    [InlineData("error", Severity.Error)]
    [InlineData("warning", Severity.Warning)]
    [InlineData("suggestion", Severity.Info)]
    [InlineData("info", Severity.Info)]
    [InlineData("Silent", null)]
    [InlineData("refactoring", null)]
    [InlineData("none", null)]
    public void Each_level_means_one_thing_wherever_it_is_set(string level, Severity? expected)
    {
        var fromCommandLine = Check(b => b.Severities.Add(new("T-3", level)));
        var fromConfig = Check(_ => { }, (".editorconfig", $"[*]\ndotnet_diagnostic.T-3.severity = {level}\n"));

        foreach (var result in new[] { fromCommandLine, fromConfig })
        {
            Assert.Equal(expected, result.Diagnostics.SingleOrDefault(d => d.Id == "T-3")?.Severity);
            Assert.False(result.InputInvalid);
        }
    }

    [Fact]
    public void An_invalid_level_is_ZP0308_at_the_setting_wherever_it_is_and_the_setting_is_ignored()
    {
        var fromCommandLine = Check(b => b.Severities.Add(new("T-3", "warn")));
        var fromConfig = Check(_ => { }, (".editorconfig", "[*]\ndotnet_diagnostic.T-3.severity = loud\n"));

        var commandLine = Assert.Single(fromCommandLine.Diagnostics, d => d.Id == DiagnosticIds.InvalidSeverityOverride);
        Assert.Equal((SourceLocation.CommandLine, Severity.Error), (commandLine.Location, commandLine.Severity));
        Assert.Equal("`warn` is not a severity level for `T-3`; did you mean `warning`?", commandLine.Message);
        var config = Assert.Single(fromConfig.Diagnostics, d => d.Id == DiagnosticIds.InvalidSeverityOverride);
        Assert.Equal((2, 34, 2, 38), (config.Location.Line, config.Location.Column, config.Location.EndLine, config.Location.EndColumn));
        Assert.EndsWith(".editorconfig", config.Location.File, StringComparison.Ordinal);
        Assert.Equal("`loud` is not a severity level for `T-3`; use error, warning, suggestion, silent, none or default", config.Message);
        foreach (var result in new[] { fromCommandLine, fromConfig })
        {
            Assert.Equal(Severity.Info, result.Diagnostics.Single(d => d.Id == "T-3").Severity);
            Assert.Equal(2, result.ExitCode);
        }
    }

    [Fact]
    public void A_config_file_may_hold_settings_of_other_analyzers_which_are_left_alone()
    {
        var result = Check(_ => { }, (".editorconfig", "[*]\ndotnet_diagnostic.CA1822.severity = loud\ndotnet_diagnostic.IDE0005.severity = warning\n"));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("ZP", StringComparison.Ordinal));
    }

    [Fact]
    public void Ids_match_without_case_and_warnaserror_comes_last()
    {
        var result = Check(
            b =>
            {
                b.Severities.Add(new("t-3", "warning"));
                b.WarningsAsErrors = true;
            });

        Assert.Equal([("T-1", Severity.Error), ("T-2", Severity.Error), ("T-3", Severity.Error)], Levels(result));
    }

    [Fact]
    public void Invalid_input_cannot_be_silenced_from_any_source()
    {
        var result = Check(b => b.Severities.Add(new("ZP0201", "none")), (".globalconfig", "dotnet_diagnostic.ZP0202.severity = none\n"));

        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == DiagnosticIds.InvalidSeverityOverride && d.Message.Contains("cannot be changed", StringComparison.Ordinal)));
    }

    private CheckResult Check(Action<CheckRequestBuilder> configure, params (string Name, string Text)[] configs)
    {
        return workspace.Check(Rules, Site, builder =>
        {
            builder.AnalyzerConfigFiles.AddRange(configs.Select(config => workspace.Write(config.Name, config.Text)));
            configure(builder);
        });
    }

    private static List<(string, Severity)> Levels(CheckResult result) =>
        [.. result.Diagnostics.Where(d => d.Rule is not null).Select(d => (d.Id, d.Severity))];
}
