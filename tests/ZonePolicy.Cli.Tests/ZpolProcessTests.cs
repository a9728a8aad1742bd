using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary>The built <c>zpol</c> as a real process: bad input gives a diagnostic and the right exit code, never a stack trace.</summary>
public sealed class ZpolProcessTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void An_unknown_option_exits_2_with_one_line_on_standard_error()
    {
        var outcome = Zpol("check", "site.json", "--rules", "rules.zpol", "--fromat", "json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("<command-line>: error ZP0311: unknown option `--fromat`; did you mean `--format`?\n", outcome.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void A_missing_topology_file_exits_2_with_ZP0310_in_json_and_no_stack_trace()
    {
        var rules = temp.Write("rules.zpol", Examples.WaiversRules);

        var outcome = Zpol("check", "nowhere.json", "--rules", rules, "--format", "json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(outcome.JsonDiagnostics(), d => d.Id == "ZP0310");
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public void Malformed_topology_json_exits_2_with_ZP0201_and_no_stack_trace()
    {
        temp.Write("site.json", "{ \"schemaVersion\": \"1\", \"zones\": [ { \"id\": ");
        var rules = temp.Write("rules.zpol", Examples.WaiversRules);

        var outcome = Zpol("check", "site.json", "--rules", rules);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("site.json(1,", outcome.Out);
        Assert.Contains(": error ZP0201: ", outcome.Out);
        AssertNoStackTrace(outcome);
    }

    private static void AssertNoStackTrace(CliOutcome outcome)
    {
        Assert.DoesNotContain("   at ", outcome.Out + outcome.Error);
        Assert.DoesNotContain("Unhandled exception", outcome.Out + outcome.Error);
    }

    private CliOutcome Zpol(params string[] args) => Cli.RunProcess(temp.Path, args);
}
