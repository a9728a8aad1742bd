using System.Text.Json;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Reporting;

public sealed class JsonReporterTests
{
    [Fact]
    public void Writes_diagnostics_suppressed_and_summary_in_the_documented_shape() =>
        Approvals.Verify(SampleResults.Write(SampleResults.Mixed(), ReportFormat.Json));

    [Fact]
    public void Keys_of_a_violation_come_in_the_documented_order()
    {
        var violation = Parse(SampleResults.Of(SampleResults.Violation)).GetProperty("diagnostics")[0];

        Assert.Equal(
            ["id", "severity", "message", "file", "line", "column", "rule", "entities"],
            violation.EnumerateObject().Select(p => p.Name));
        Assert.Equal("EX-OS", violation.GetProperty("rule").GetString());
        Assert.Equal(["hmi-1"], violation.GetProperty("entities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(8, violation.GetProperty("line").GetInt32());
        Assert.Equal(5, violation.GetProperty("column").GetInt32());
    }

    [Fact]
    public void An_engine_diagnostic_has_neither_rule_nor_entities()
    {
        var diagnostic = Parse(SampleResults.Of(SampleResults.DanglingReference)).GetProperty("diagnostics")[0];

        Assert.Equal(["id", "severity", "message", "file", "line", "column"], diagnostic.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_waived_violation_is_only_in_suppressed_and_carries_its_waiver()
    {
        var document = Parse(SampleResults.Mixed());

        Assert.DoesNotContain(document.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "EX-EP");
        var waived = Assert.Single(document.GetProperty("suppressed").EnumerateArray());
        var waiver = waived.GetProperty("waiver");
        Assert.Equal("vendor forbids agents", waiver.GetProperty("reason").GetString());
        Assert.Equal("ot security", waiver.GetProperty("approvedBy").GetString());
        Assert.Equal("2027-06-30", waiver.GetProperty("expires").GetString());
    }

    [Fact]
    public void Summary_counts_what_is_in_force_and_what_is_suppressed()
    {
        var summary = Parse(SampleResults.Mixed()).GetProperty("summary");

        Assert.Equal(3, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(1, summary.GetProperty("infos").GetInt32());
        Assert.Equal(1, summary.GetProperty("suppressed").GetInt32());
    }

    [Fact]
    public void Backticks_and_angle_brackets_stay_readable()
    {
        var text = SampleResults.Write(
            SampleResults.Of(new Diagnostic(DiagnosticIds.InvalidArgument, Severity.Error, "unknown option `--fromat` <x>", SourceLocation.CommandLine)),
            ReportFormat.Json);

        Assert.Contains("\"message\": \"unknown option `--fromat` <x>\"", text);
    }

    [Fact]
    public void A_diagnostic_about_the_command_line_names_no_file()
    {
        using var document = JsonDocument.Parse(SampleResults.Write(
            SampleResults.Of(new Diagnostic(DiagnosticIds.InvalidArgument, Severity.Error, "unknown option `--fromat`", SourceLocation.CommandLine)),
            ReportFormat.Json));

        var diagnostic = document.RootElement.GetProperty("diagnostics")[0];

        Assert.Equal(JsonValueKind.Null, diagnostic.GetProperty("file").ValueKind);
        Assert.Equal((0, 0), (diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32()));
    }

    [Fact]
    public void Same_result_gives_the_same_bytes_with_newline_line_ends()
    {
        var first = SampleResults.Write(SampleResults.Mixed(), ReportFormat.Json);

        Assert.Equal(first, SampleResults.Write(SampleResults.Mixed(), ReportFormat.Json));
        Assert.DoesNotContain('\r', first);
    }

    private static JsonElement Parse(CheckResult result) =>
        JsonDocument.Parse(SampleResults.Write(result, ReportFormat.Json)).RootElement;
}
