using System.Text.Json;
using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary><c>zpol explain</c> with the real engine: text and JSON, entities, and bad input as located diagnostics with exit 2.</summary>
public sealed class ExplainCommandTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string site;
    private readonly string rules;

    public ExplainCommandTests()
    {
        site = temp.Write("site.json", Examples.NullAndLocationSite);
        rules = temp.Write("rules.zpol", Examples.NullAndLocationRules);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Explain_tells_how_each_binding_fares_and_exits_0()
    {
        var outcome = Explain("--rule", "EX-OS");

        Assert.Equal((0, ""), (outcome.ExitCode, outcome.Error));
        Assert.StartsWith("rule EX-OS \"operating system support date is known and in the future\" at ", outcome.Out);
        Assert.Contains("\na = hmi-2 (", outcome.Out);
        Assert.Contains("\n  require a.os.endOfSupport > today is null: `a.os.endOfSupport` is null, and `>` with a null operand is null (only `==` and `!=` compare with null)\n", outcome.Out);
        Assert.Contains("\n  violated: `require` fails closed on null: the rule cannot confirm the requirement, so it reports\n", outcome.Out);
        Assert.Contains("\n  skipped: the `where` is false\n", outcome.Out);
    }

    [Fact]
    public void Each_entity_option_names_one_combination_and_commas_join_the_entities_of_one()
    {
        var twoCombinations = Explain("--rule", "EX-OS", "--entity", "hmi-1", "--entity", "laptop-7");
        var oneCombination = Explain("--rule", "EX-OS", "--entity", "hmi-1,laptop-7");

        Assert.Contains("; the bindings of hmi-1 or laptop-7\n", twoCombinations.Out);
        Assert.Contains("\na = hmi-1 (", twoCombinations.Out);
        Assert.Contains("\na = laptop-7 (", twoCombinations.Out);
        Assert.DoesNotContain("\na = hmi-2 (", twoCombinations.Out);
        Assert.Contains("\nno binding of this rule binds hmi-1, laptop-7\n", oneCombination.Out);
    }

    [Fact]
    public void Json_output_is_one_json_document()
    {
        var outcome = Explain("--rule", "EX-SL", "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        var root = JsonDocument.Parse(outcome.Out).RootElement;
        Assert.Equal("EX-SL", root.GetProperty("rule").GetProperty("id").GetString());
        Assert.Equal(["passed", "violated"], root.GetProperty("evaluation").GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("outcome").GetString()));
    }

    [Fact]
    public void An_unknown_rule_is_ZP0371_with_exit_2()
    {
        var outcome = Explain("--rule", "EX-0S");

        Assert.Equal((2, "<command-line>: error ZP0371: no rule `EX-0S` in the rules given; did you mean `EX-OS`?\n"), (outcome.ExitCode, outcome.Out));
    }

    [Fact]
    public void An_unknown_entity_is_ZP0372_with_exit_2()
    {
        var outcome = Explain("--rule", "EX-OS", "--entity", "hmi-3");

        Assert.Equal(2, outcome.ExitCode);
        Assert.EndsWith(" has no entity `hmi-3`; did you mean `hmi-1`?\n", outcome.Out);
    }

    [Fact]
    public void A_missing_rule_option_is_an_argument_error()
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, "explain", site, "--rules", rules);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error ZP0311: ", outcome.Error);
        Assert.Contains("--rule", outcome.Error);
    }

    [Fact]
    public void An_unknown_format_is_an_argument_error()
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, "explain", site, "--rules", rules, "--rule", "EX-OS", "--format", "sarif");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error ZP0311: `--format` takes text or json, not `sarif`", outcome.Error);
    }

    [Fact]
    public void Explain_without_rules_is_an_argument_error()
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, "explain", site, "--rule", "EX-OS");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error ZP0311: no rules to explain: give `--rules <file-or-dir>` or `--pack <name>`", outcome.Error);
    }

    [Fact]
    public void The_built_zpol_explains_a_broken_topology_with_a_diagnostic_and_no_stack_trace()
    {
        var broken = temp.Write("broken.json", "{ \"schemaVersion\": \"1\", \"zones\": [ { \"id\": ");

        var outcome = Cli.RunProcess(temp.Path, "explain", broken, "--rules", rules, "--rule", "EX-OS");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(": error ZP0201: ", outcome.Out);
        Assert.DoesNotContain("   at ", outcome.Out + outcome.Error);
    }

    [Fact]
    public void Help_lists_the_options_of_explain()
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, "explain", "--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var option in new[] { "<topology.json>", "--rule <ID>", "--entity <id[,id...]>", "--rules <file-or-dir>", "--pack <name[@versions]>", "--pack-dir <dir>", "--param <name=value>", "--severity <ID=level>", "--today <yyyy-MM-dd>", "--baseline <file>", "--warnaserror", "--format <text|json>" })
            Assert.Contains(option, outcome.Out);
    }

    private CliOutcome Explain(params string[] args) =>
        Cli.Run(Engines.Unreachable, temp.Path, ["explain", site, "--rules", rules, "--today", "2026-11-25", .. args]);
}
