using System.Text.Json;
using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary>Every bad command line: one line on standard error, exit code 2, and the engine never runs.</summary>
public sealed class ArgumentErrorTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("", "missing command; run `zpol --help` to see the commands")]
    [InlineData("frobnicate", "unknown command `frobnicate`")]
    [InlineData("--verison", "unknown option `--verison`; did you mean `--version`?")]
    [InlineData("chek site.json", "unknown command `chek`; did you mean `check`?\n<command-line>: error ZP0311: unknown command `site.json`")]
    [InlineData("check site.json", "no rules to check against: give `--rules <file-or-dir>` or `--pack <name>`, or add a project file (zonepolicy.json) to the working folder or one above it")]
    [InlineData("check --rules rules.zpol", "no topology to check: name topology files, or add a project file (zonepolicy.json) to the working folder or one above it")]
    [InlineData("check site.json --rules rules.zpol --frobnicate", "unknown option `--frobnicate`")]
    [InlineData("check site.json --rules rules.zpol --warnaserorr", "unknown option `--warnaserorr`; did you mean `--warnaserror`?")]
    [InlineData("check site.json --rules --pack meti", "`--rules` needs a value")]
    [InlineData("check site.json --rules rules.zpol --today", "`--today` needs a value")]
    [InlineData("check site.json --rules rules.zpol --today 2026-13-01", "`--today` takes a date as yyyy-MM-dd, not `2026-13-01`")]
    [InlineData("check site.json --rules rules.zpol --today 2026-1-5", "`--today` takes a date as yyyy-MM-dd, not `2026-1-5`")]
    [InlineData("check site.json --rules rules.zpol --today 2026-01-05T00:00", "`--today` takes a date as yyyy-MM-dd, not `2026-01-05T00:00`")]
    [InlineData("check site.json --rules rules.zpol --severity EX-EP", "`--severity` takes ID=level, not `EX-EP`")]
    [InlineData("check site.json --rules rules.zpol --severity =error", "`--severity` takes ID=level, not `=error`")]
    [InlineData("check site.json --rules rules.zpol --param allowed", "`--param` takes name=value, not `allowed`")]
    [InlineData("check site.json --rules rules.zpol --param =5", "`--param` takes name=value, not `=5`")]
    [InlineData("check site.json --rules rules.zpol --format xml", "`--format` takes text, json, sarif, markdown, junit, html, dot or mermaid, not `xml`")]
    [InlineData("check site.json --rules rules.zpol --format 1", "`--format` takes text, json, sarif, markdown, junit, html, dot or mermaid, not `1`")]
    [InlineData("check site.json --rules rules.zpol --output no-such-folder-7f3a/report.json", "cannot write the report to `no-such-folder-7f3a/report.json`: folder `no-such-folder-7f3a` does not exist; create it first")]
    public void A_bad_command_line_is_one_line_on_standard_error_and_exit_code_2(string commandLine, string message)
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, Split(commandLine));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"<command-line>: error ZP0311: {message}\n", outcome.Error);
        Assert.Equal("", outcome.Out);
    }

    [Theory]
    [InlineData("check site.json", "no rules to check against: give `--rules <file-or-dir>` or `--pack <name>`, or add a project file (zonepolicy.json) to the working folder or one above it")]
    [InlineData("check --rules rules.zpol", "no topology to check: name topology files, or add a project file (zonepolicy.json) to the working folder or one above it")]
    [InlineData("check site.json --rules rules.zpol --fromat", "unknown option `--fromat`; did you mean `--format`?")]
    [InlineData("check site.json --rules rules.zpol --today 2026-02-30", "`--today` takes a date as yyyy-MM-dd, not `2026-02-30`")]
    [InlineData("check site.json --rules rules.zpol --severity EX-EP", "`--severity` takes ID=level, not `EX-EP`")]
    [InlineData("check site.json --rules rules.zpol --param allowed", "`--param` takes name=value, not `allowed`")]
    [InlineData("check site.json --rules rules.zpol --output no-such-folder-7f3a/report.json", "cannot write the report to `no-such-folder-7f3a/report.json`: folder `no-such-folder-7f3a` does not exist; create it first")]
    public void With_json_format_a_bad_command_line_is_also_a_json_report(string commandLine, string message)
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, [.. Split(commandLine), "--format", "json"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"<command-line>: error ZP0311: {message}\n", outcome.Error);
        var diagnostic = Assert.Single(outcome.Json.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("ZP0311", diagnostic.GetProperty("id").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(message, diagnostic.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, diagnostic.GetProperty("file").ValueKind);
        Assert.Equal(0, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(0, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal(1, outcome.Json.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void With_sarif_format_a_bad_command_line_is_a_sarif_result_without_a_location()
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, "check", "site.json", "--rules", "r.zpol", "--today", "soon", "--format", "sarif");

        Assert.Equal(2, outcome.ExitCode);
        var run = outcome.Json.GetProperty("runs")[0];
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("ZP0311", result.GetProperty("ruleId").GetString());
        Assert.Equal("`--today` takes a date as yyyy-MM-dd, not `soon`", result.GetProperty("message").GetProperty("text").GetString());
        Assert.False(result.TryGetProperty("locations", out _));
        Assert.Equal("ZP0311", Assert.Single(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public void With_a_usable_output_file_the_json_report_of_a_bad_command_line_goes_there()
    {
        var report = Path.Combine(temp.Path, "report.json");

        var outcome = Cli.Run(Engines.Unreachable, temp.Path, "check", "site.json", "--today", "2026-11-25", "--format", "json", "--output", report);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Out);
        Assert.Contains("error ZP0311: no rules to check against", outcome.Error);
        var diagnostic = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("ZP0311", diagnostic.GetProperty("id").GetString());
    }

    [Fact]
    public void Output_that_names_a_folder_is_an_error()
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, "check", "site.json", "--rules", "r.zpol", "--output", temp.Path);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"<command-line>: error ZP0311: `--output` names the folder `{temp.Path}`; give a file name\n", outcome.Error);
    }

    [Fact]
    public void Output_and_write_baseline_may_not_name_one_file()
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, "check", "site.json", "--rules", "r.zpol", "--output", "out.json", "--write-baseline", "./out.json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("<command-line>: error ZP0311: `--output` and `--write-baseline` name the same file `out.json`; give each its own file\n", outcome.Error);
        Assert.False(File.Exists(Path.Combine(temp.Path, "out.json")));
    }

    [Fact]
    public void Every_error_of_one_command_line_is_reported()
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, "check", "site.json", "--rules", "r.zpol", "--severity", "A", "--param", "x");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(2, outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("`--severity` takes", outcome.Error);
        Assert.Contains("`--param` takes", outcome.Error);
    }

    private static string[] Split(string commandLine) => commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
