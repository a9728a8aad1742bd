using System.Text;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli.Tests;

/// <summary>How an engine result becomes output and an exit code.</summary>
public sealed class OutcomeTests : IDisposable
{
    private static readonly string[] Check = ["check", "site.json", "--rules", "rules.zpol"];

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void No_findings_exit_0()
    {
        var outcome = Run(Results.Of());

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 infos\n", outcome.Out);
        Assert.Equal("", outcome.Error);
    }

    [Fact]
    public void Warnings_and_infos_alone_exit_0() =>
        Assert.Equal(0, Run(Results.Of(Results.Finding("EX-LOG", Severity.Warning, 9), Results.Finding("EX-SL", Severity.Info, 5))).ExitCode);

    [Fact]
    public void An_error_finding_exits_1_and_is_printed_in_the_canonical_format()
    {
        var outcome = Run(Results.Of(Results.Finding("EX-OS", Severity.Error, 8), Results.Finding("EX-LOG", Severity.Warning, 9)));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("site.json(8,5): error EX-OS: finding of `EX-OS`\nsite.json(9,5): warning EX-LOG: finding of `EX-LOG`\n\n1 error, 1 warning, 0 infos\n", outcome.Out);
    }

    [Fact]
    public void Invalid_input_exits_2()
    {
        var result = Results.Of(new Diagnostic(DiagnosticIds.InvalidJson, Severity.Error, "unexpected `}`; expected a value", SourceLocation.At("site.json", 3, 14)));

        Assert.Equal(2, Run(new CheckResult { Diagnostics = result.Diagnostics, Suppressed = [], Rules = [], InputInvalid = true }).ExitCode);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void An_engine_crash_is_a_ZP0901_diagnostic_in_the_chosen_format_with_exit_code_3_and_no_stack_trace(string format)
    {
        var outcome = Cli.Run(_ => throw new InvalidOperationException("index was\nout of range."), temp.Path, [.. Check, "--format", format]);

        Assert.Equal(3, outcome.ExitCode);
        const string message = "internal error `InvalidOperationException`: index was out of range; please report it with the input that caused it";
        Assert.Contains(format == "text" ? $"zpol: error ZP0901: {message}\n" : $"\"{message}\"", outcome.Out);
        Assert.DoesNotContain("   at ", outcome.Out + outcome.Error);
    }

    [Theory]
    [InlineData("text", ReportFormat.Text)]
    [InlineData("JSON", ReportFormat.Json)]
    [InlineData("sarif", ReportFormat.Sarif)]
    public void The_report_is_the_reporter_output_for_the_chosen_format(string option, ReportFormat format)
    {
        var result = Results.Of(Results.Finding("EX-OS", Severity.Error, 8));
        var expected = new StringWriter();
        Reporter.Write(result, format, expected);

        Assert.Equal(expected.ToString(), Run(result, "--format", option).Out);
    }

    [Fact]
    public void Output_writes_the_report_to_the_file_as_utf8_without_a_bom_and_nothing_to_standard_output()
    {
        var result = Results.Of(Results.Finding("EX-OS", Severity.Error, 8) with { Message = "Größe `hmi-1` ≠ 3" });
        var report = Path.Combine(temp.Path, "report.json");

        var outcome = Run(result, "--format", "json", "--output", report);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("", outcome.Out);
        var bytes = File.ReadAllBytes(report);
        Assert.NotEqual(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal(Run(result, "--format", "json").Out, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Output_replaces_an_earlier_report()
    {
        var report = temp.Write("report.txt", new string('x', 10_000));

        Run(Results.Of(), "-o", report);

        Assert.Equal("0 errors, 0 warnings, 0 infos\n", File.ReadAllText(report));
    }

    private CliOutcome Run(CheckResult result, params string[] options) =>
        Cli.Run(Engines.Returning(result), temp.Path, [.. Check, .. options]);
}
