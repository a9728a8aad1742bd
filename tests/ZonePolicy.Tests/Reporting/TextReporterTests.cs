using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Reporting;

public sealed class TextReporterTests
{
    [Fact]
    public void Writes_one_canonical_line_per_diagnostic_then_a_blank_line_and_the_summary() =>
        Approvals.Verify(SampleResults.Write(SampleResults.Mixed(), ReportFormat.Text));

    [Fact]
    public void Sorts_by_file_line_column_then_id_whatever_the_input_order()
    {
        var at = new SourceLocation("a.json", 3, 7, 3, 9);
        var result = SampleResults.Of(
            new Diagnostic(DiagnosticIds.InvalidReference, Severity.Error, "second", at),
            new Diagnostic(DiagnosticIds.DuplicateId, Severity.Error, "last", new SourceLocation("b.json", 1, 1, 1, 2)),
            new Diagnostic(DiagnosticIds.SchemaViolation, Severity.Error, "first", at),
            new Diagnostic(DiagnosticIds.InvalidJson, Severity.Error, "column 2", new SourceLocation("a.json", 3, 2, 3, 3)),
            new Diagnostic(DiagnosticIds.InvalidJson, Severity.Error, "line 1", new SourceLocation("a.json", 1, 9, 1, 10)));

        var lines = SampleResults.Write(result, ReportFormat.Text).Split('\n');

        Assert.Equal(
            [
                "a.json(1,9): error ZP0201: line 1",
                "a.json(3,2): error ZP0201: column 2",
                "a.json(3,7): error ZP0202: first",
                "a.json(3,7): error ZP0203: second",
                "b.json(1,1): error ZP0204: last",
            ],
            lines[..5]);
    }

    [Fact]
    public void Summary_says_one_in_the_singular_and_others_in_the_plural()
    {
        var info = new Diagnostic("EX-SL", Severity.Info, "zones declare a security level", SourceLocation.At("s.json", 2, 5));
        var warning = info with { Id = "EX-LOG", Severity = Severity.Warning };
        var error = info with { Id = "EX-OS", Severity = Severity.Error };

        Assert.EndsWith("\n1 error, 0 warnings, 2 infos\n", SampleResults.Write(SampleResults.Of(error, info, info with { Id = "EX-X" }), ReportFormat.Text));
        Assert.EndsWith("\n0 errors, 2 warnings, 1 info\n", SampleResults.Write(SampleResults.Of(warning, warning with { Id = "EX-Y" }, info), ReportFormat.Text));
    }

    [Fact]
    public void Summary_counts_the_suppressed_violations()
    {
        var result = new CheckResult { Diagnostics = [], Suppressed = [SampleResults.Waived], Rules = [], InputInvalid = false };

        Assert.Equal("0 errors, 0 warnings, 0 infos (1 suppressed)\n", SampleResults.Write(result, ReportFormat.Text));
    }

    [Fact]
    public void An_empty_result_is_only_the_summary_line() =>
        Assert.Equal("0 errors, 0 warnings, 0 infos\n", SampleResults.Write(SampleResults.Of(), ReportFormat.Text));

    [Fact]
    public void A_diagnostic_without_a_position_is_reported_at_its_file() =>
        Assert.StartsWith(
            "missing.json: error ZP0310: topology file `missing.json` does not exist\n",
            SampleResults.Write(SampleResults.Of(new Diagnostic(DiagnosticIds.FileNotFound, Severity.Error, "topology file `missing.json` does not exist", SourceLocation.InFile("missing.json"))), ReportFormat.Text));

    [Fact]
    public void Same_result_gives_the_same_bytes_with_newline_line_ends()
    {
        var first = SampleResults.Write(SampleResults.Mixed(), ReportFormat.Text);

        Assert.Equal(first, SampleResults.Write(SampleResults.Mixed(), ReportFormat.Text));
        Assert.DoesNotContain('\r', first);
    }
}
