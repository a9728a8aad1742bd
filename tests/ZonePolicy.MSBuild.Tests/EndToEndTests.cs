using ZonePolicy.MSBuild.Tests.TestUtilities;

namespace ZonePolicy.MSBuild.Tests;

/// <summary>
/// Real <c>dotnet build</c> runs of fresh policy-only projects (no C# source) that reference the
/// packed ZonePolicy.MSBuild. Each build costs seconds: each test checks several things at once.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class EndToEndTests(PackageFixture package)
{
    [Fact]
    public void Violations_fail_the_build_with_canonical_lines_at_the_topology()
    {
        var project = NewProject("bad").Write(Scenario.Topology, Scenario.BadSite).Write(Scenario.Rules, Scenario.RuleText);

        var build = project.Build();

        Assert.True(build.ExitCode == 1, build.ToString());
        var topology = project.PathOf(Scenario.Topology);
        Assert.Equal([new LoggedDiagnostic(topology, 7, 5, "error", "T-ERR", "plc-1 uses default credentials")], build.Errors);
        Assert.Equal([new LoggedDiagnostic(topology, 7, 5, "warning", "T-WARN", "plc-1 does not log security events")], build.Warnings);
        Assert.Contains(new LoggedDiagnostic(topology, 8, 5, "message", "T-INFO", "hmi-1 is an hmi that logs"), build.Infos);
        Assert.Contains($"{topology}(7,5): error T-ERR: plc-1 uses default credentials [{project.ProjectFile}]", build.Output);
        Assert.False(File.Exists(project.StampFile), "a failing check must not touch its stamp");
    }

    [Fact]
    public void Second_build_skips_the_check_and_an_edit_to_the_topology_runs_it_again()
    {
        var project = NewProject("incremental").Write(Scenario.Topology, Scenario.WarningOnlySite).Write(Scenario.Rules, Scenario.RuleText);

        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Single(first.Warnings, w => w.Id == "T-WARN");
        var stampTime = File.GetLastWriteTimeUtc(project.StampFile);

        var second = project.Build();
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Skipping target \"_ZonePolicyCheckInProcess\" because all output files are up-to-date", second.Output);
        Assert.Empty(second.Diagnostics);
        Assert.Equal(stampTime, File.GetLastWriteTimeUtc(project.StampFile));

        project.Write(Scenario.Topology, Scenario.BadSite);
        var third = project.Build();
        Assert.True(third.ExitCode == 1, third.ToString());
        Assert.Single(third.Errors, e => e.Id == "T-ERR" && e.Line == 7 && e.Column == 5);

        project.Write(Scenario.Topology, Scenario.WarningOnlySite);
        Assert.Equal(0, project.Build().ExitCode);
        var clean = project.Clean();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.False(File.Exists(project.StampFile), "dotnet clean must remove the stamp file");
    }

    [Fact]
    public void Severity_items_editorconfig_globalconfig_and_parameters_shape_the_outcome()
    {
        var project = NewProject("overrides", Scenario.Items + """
                <ZonePolicySeverity Include="T-ERR" Severity="warning" />
                <ZonePolicyParameter Include="min_sl" Value="4" />
            """)
            .Write(Scenario.Topology, Scenario.BadSite)
            .Write(Scenario.Rules, Scenario.RuleText)
            // The item outranks the .globalconfig for T-ERR; the .editorconfig section outranks it for T-WARN.
            .Write(".globalconfig", "is_global = true\ndotnet_diagnostic.T-ERR.severity = error\ndotnet_diagnostic.T-WARN.severity = none\ndotnet_diagnostic.T-INFO.severity = warning\n")
            .Write("site/.editorconfig", "[*.json]\ndotnet_diagnostic.T-WARN.severity = error\n");

        var build = project.Build();

        Assert.True(build.ExitCode == 1, build.ToString());
        var topology = project.PathOf(Scenario.Topology);
        Assert.Equal(
            [new LoggedDiagnostic(topology, 4, 5, "error", "T-PARAM", "cell is below security level 4"),
             new LoggedDiagnostic(topology, 7, 5, "error", "T-WARN", "plc-1 does not log security events")],
            build.Errors.OrderBy(e => e.Line));
        Assert.Equal(
            [new LoggedDiagnostic(topology, 7, 5, "warning", "T-ERR", "plc-1 uses default credentials"),
             new LoggedDiagnostic(topology, 8, 5, "warning", "T-INFO", "hmi-1 is an hmi that logs")],
            build.Warnings.OrderBy(w => w.Line));
    }

    [Fact]
    public void TreatWarningsAsErrors_promotes_policy_warnings_in_a_project_with_csharp()
    {
        var project = NewProject("warnaserror", properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>")
            .Write(Scenario.Topology, Scenario.WarningOnlySite)
            .Write(Scenario.Rules, Scenario.RuleText)
            .Write("Plant.cs", "namespace Plant; public static class Line { }\n");

        var build = project.Build();

        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.Equal([new LoggedDiagnostic(project.PathOf(Scenario.Topology), 7, 5, "error", "T-WARN", "plc-1 does not log security events")], build.Errors);
        Assert.Empty(build.Warnings);

        var optedOut = project.Build("-p:ZonePolicyTreatWarningsAsErrors=false");
        Assert.True(optedOut.ExitCode == 0, optedOut.ToString());
        Assert.Single(optedOut.Warnings, w => w.Id == "T-WARN");
    }

    [Fact]
    public void A_broken_rule_file_is_reported_at_its_own_location()
    {
        var project = NewProject("broken-rules").Write(Scenario.Topology, Scenario.BadSite).Write(Scenario.Rules, Scenario.BrokenRuleText);

        var build = project.Build();

        Assert.True(build.ExitCode == 1, build.ToString());
        var error = Assert.Single(build.Errors, e => e.File == project.PathOf(Scenario.Rules));
        Assert.StartsWith("ZP00", error.Id);
        Assert.Equal((3, 3), (error.Line, error.Column));
    }

    [Fact]
    public void A_missing_topology_file_is_reported_by_its_path()
    {
        var project = NewProject("missing-topology", """
                <ZonePolicyTopology Include="site/missing.topology.json" />
                <ZonePolicyRules Include="policy/rules.zpol" />
            """).Write(Scenario.Rules, Scenario.RuleText);

        var build = project.Build();

        Assert.True(build.ExitCode == 1, build.ToString());
        var error = Assert.Single(build.Errors);
        Assert.Equal("ZP0310", error.Id);
        Assert.Contains("missing.topology.json", error.File + error.Message);
    }

    [Fact]
    public void A_wildcard_that_matches_no_topology_fails_the_build()
    {
        var project = NewProject("no-topology").Write(Scenario.Rules, Scenario.RuleText);

        var build = project.Build();

        Assert.True(build.ExitCode == 1, build.ToString());
        var error = Assert.Single(build.Errors);
        Assert.Equal(("ZP0310", project.ProjectFile, 0), (error.Id, error.File, error.Line));
        Assert.StartsWith("no topology file to check", error.Message);
    }

    [Fact]
    public void A_bad_setting_is_reported_against_the_project_and_neither_a_disabled_check_nor_a_design_time_build_runs_it()
    {
        var project = NewProject("bad-setting", Scenario.Items + """
                <ZonePolicySeverity Include="T-ERR" Severity="fatal" />
            """).Write(Scenario.Rules, Scenario.RuleText);

        var build = project.Build();

        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.Contains(new LoggedDiagnostic(project.ProjectFile, 0, 0, "error", "ZP0308",
            "`fatal` is not a severity level for `T-ERR`; use error, warning, suggestion, silent, none or default"), build.Errors);

        var disabled = project.Build("-p:ZonePolicyEnabled=false");
        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        Assert.Empty(disabled.Diagnostics);

        var designTime = project.Build("-p:DesignTimeBuild=true");
        Assert.True(designTime.ExitCode == 0, designTime.ToString());
        Assert.Empty(designTime.Diagnostics);
    }

    [Fact]
    public void The_zpol_command_line_reports_the_same_lines_out_of_process()
    {
        var project = NewProject("out-of-process").Write(Scenario.Topology, Scenario.BadSite).Write(Scenario.Rules, Scenario.RuleText);

        var build = project.Build("-p:ZonePolicyRunOutOfProcess=true");

        Assert.True(build.ExitCode == 1, build.ToString());
        var topology = project.PathOf(Scenario.Topology);
        Assert.Equal([new LoggedDiagnostic(topology, 7, 5, "error", "T-ERR", "plc-1 uses default credentials")], build.Errors);
        Assert.Equal([new LoggedDiagnostic(topology, 7, 5, "warning", "T-WARN", "plc-1 does not log security events")], build.Warnings);
        Assert.DoesNotContain("_ZonePolicyCheckInProcess:", build.Output);
    }

    private PolicyProject NewProject(string name, string items = Scenario.Items, string properties = "") =>
        new(package, name, items, properties);
}
