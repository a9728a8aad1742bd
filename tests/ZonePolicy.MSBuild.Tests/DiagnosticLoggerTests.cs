using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ZonePolicy.Diagnostics;
using ZonePolicy.MSBuild.Tests.TestUtilities;

namespace ZonePolicy.MSBuild.Tests;

public sealed class DiagnosticLoggerTests
{
    private const string Topology = "/plant/site/site.topology.json";

    private readonly CollectingBuildEngine _engine = new();

    [Fact]
    public void An_error_carries_code_help_file_and_position_without_an_end()
    {
        Log(new Diagnostic("T-ERR", Severity.Error, "plc-1 uses default credentials", new SourceLocation(Topology, 7, 5, 7, 40))
        {
            Rule = new RuleInfo("T-ERR", "no default credentials", Severity.Error, null, [], "https://example.test/T-ERR", SourceLocation.At("/plant/rules.zpol", 3, 1)),
        });

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(
            (null, "T-ERR", "T-ERR", "https://example.test/T-ERR", Topology, 7, 5, 0, 0, "plc-1 uses default credentials"),
            (error.Subcategory, error.Code, error.HelpKeyword, error.HelpLink, error.File, error.LineNumber, error.ColumnNumber, error.EndLineNumber, error.EndColumnNumber, error.Message));
    }

    [Fact]
    public void Text_from_the_inputs_cannot_start_a_line_or_reorder_one_in_the_build_log()
    {
        Log(new Diagnostic("T-ERR", Severity.Error, "plc-1 is named `x\n/plant/a.json(1,1): error T-OK: forged` \u202Eevil", new SourceLocation("/plant/site\r/s.json", 7, 5, 7, 40)));

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("plc-1 is named `x\\n/plant/a.json(1,1): error T-OK: forged` \\u202Eevil", error.Message);
        Assert.Equal("/plant/site\\r/s.json", error.File);
    }

    [Fact]
    public void A_warning_is_logged_as_a_warning_with_the_engine_help_link()
    {
        Log(new Diagnostic(DiagnosticIds.WaiverUnused, Severity.Warning, "waiver `w-1` matches no violation", SourceLocation.At(Topology, 20, 9)));

        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal(("ZP0302", Topology, 20, 9, "https://zonepolicy.dev/docs/diagnostics/ZP0302"),
            (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber, warning.HelpLink));
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void An_info_is_a_high_importance_message_at_its_place()
    {
        Log(new Diagnostic("T-INFO", Severity.Info, "hmi-1 is noted", SourceLocation.At(Topology, 8, 5)));

        var message = Assert.Single(_engine.Messages);
        Assert.Equal((MessageImportance.High, "T-INFO", Topology, 8, 5, "hmi-1 is noted"),
            (message.Importance, message.Code, message.File, message.LineNumber, message.ColumnNumber, message.Message));
    }

    [Fact]
    public void A_diagnostic_set_to_none_is_not_logged()
    {
        Log(new Diagnostic("T-NONE", Severity.None, "quiet", SourceLocation.At(Topology, 1, 1)));

        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        Assert.Empty(_engine.Messages);
    }

    [Fact]
    public void Braces_in_a_message_are_kept_as_written()
    {
        Log(new Diagnostic("T-1", Severity.Error, "expected `{` after {0}", SourceLocation.At(Topology, 1, 1)));

        Assert.Equal("expected `{` after {0}", Assert.Single(_engine.Errors).Message);
    }

    [Fact]
    public void A_diagnostic_without_a_file_is_logged_against_the_project()
    {
        Log(new Diagnostic("ZP0901", Severity.Error, "internal error", SourceLocation.None));

        Assert.Equal(_engine.ProjectFileOfTaskNode, Assert.Single(_engine.Errors).File);
    }

    [Fact]
    public void A_diagnostic_about_the_command_line_is_logged_against_the_project()
    {
        Log(new Diagnostic("ZP0304", Severity.Error, "no rule declares a parameter `x`", SourceLocation.CommandLine));

        var error = Assert.Single(_engine.Errors);
        Assert.Equal((_engine.ProjectFileOfTaskNode, 0, 0), (error.File, error.LineNumber, error.ColumnNumber));
    }

    private void Log(Diagnostic diagnostic)
    {
        var helper = new TaskLoggingHelper(_engine, "CheckZonePolicy");
        new DiagnosticLogger(helper, _engine.ProjectFileOfTaskNode).Log(diagnostic);
    }
}
