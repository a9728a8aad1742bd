using ZonePolicy.Diagnostics;
using ZonePolicy.Formatting;
using ZonePolicy.Syntax;

namespace ZonePolicy.Tests.Formatting;

/// <summary>Long and deep inputs format without overflowing the stack; broken inputs are reported, never formatted.</summary>
public sealed class FormatterRobustnessTests
{
    [Fact]
    public void A_hundred_thousand_operand_chain_formats_one_operand_per_line()
    {
        var text = Rule(string.Join(" and ", Enumerable.Repeat("a.ok", 100_000)));

        var formatted = RuleFormatter.Format(text, "long.zpol").Text!;

        FormatterInvariants.AssertSameTokensAndComments(text, formatted);
        Assert.Equal(99_999, formatted.Split('\n').Count(line => line == "    and a.ok"));
    }

    [Theory]
    [InlineData("sum", 20_000)]
    [InlineData("list", 20_000)]
    [InlineData("or of ands", 20_000)]
    public void Long_chains_of_every_kind_format_idempotently(string kind, int length)
    {
        var text = kind switch
        {
            "sum" => Rule(string.Join(" + ", Enumerable.Repeat("a.n", length)) + " > 0"),
            "list" => "param p = [" + string.Join(", ", Enumerable.Repeat("1", length)) + "]",
            _ => Rule(string.Join(" or ", Enumerable.Repeat("a.x and a.y", length / 2))),
        };

        var formatted = RuleFormatter.Format(text, "long.zpol").Text!;

        FormatterInvariants.AssertSameTokensAndComments(text, formatted);
        FormatterInvariants.AssertCanonicalText(formatted);
        Assert.Equal(formatted, RuleFormatter.Format(formatted, "long.zpol").Text);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("f(", ")")]
    [InlineData("any(x in ", ")")]
    [InlineData("not (", ")")]
    [InlineData("- a[", "]")]
    public void The_deepest_nesting_the_parser_accepts_formats(string open, string close)
    {
        string Nested(int levels) => Rule(string.Concat(Enumerable.Repeat(open, levels)) + "a" + string.Concat(Enumerable.Repeat(close, levels)));
        var deepest = Enumerable.Range(1, NestingLimit.MaxDepth).Last(levels => RuleParser.Parse(Nested(levels), "deep.zpol").Succeeded);

        Assert.True(deepest >= NestingLimit.MaxDepth / 3, $"only {deepest} levels parse");
        FormatterInvariants.AssertFormatsSafely(Nested(deepest));
    }

    [Fact]
    public void A_file_with_syntax_errors_is_not_formatted_and_gets_the_diagnostics_check_reports()
    {
        const string text = "rule R-1 \"t\" {\n  for asset a\n  require a.x ==\n}\nrule R-2 \"u\" { for asset a require \"open }\n";

        var result = RuleFormatter.Format(text, "rules/bad.zpol");

        Assert.Null(result.Text);
        Assert.Equal(
            ["rules/bad.zpol(4,1): error ZP0001: unexpected \"}\", expected expression", "rules/bad.zpol(5,36): error ZP0002: unterminated string; close it with `\"` before the end of the line"],
            result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(
            DiagnosticOrder.Sort(ZonePolicy.Syntax.RuleParser.Parse(text, "rules/bad.zpol").Diagnostics).Select(d => d.ToString()),
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("rule R \"t\" { require \0 }", "ZP0010")]
    [InlineData("rule R \"t\" { require a \uFFFD }", "ZP0010")]
    [InlineData("rule R \"t\" { require " + "((((((((((", "ZP0001")]
    [InlineData("rule R \"t\" { require a" + ".b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b }", "ZP0007")]
    [InlineData("/* never closed", "ZP0009")]
    [InlineData("rule R \"t\" { require a.x matches 'x' }", "ZP0003")]
    public void Bad_input_gives_its_diagnostic_and_no_text(string text, string id)
    {
        var result = RuleFormatter.Format(text, "bad.zpol");

        Assert.Null(result.Text);
        Assert.Contains(result.Diagnostics, d => d.Id == id && d.Location.Line >= 1);
    }

    private static string Rule(string condition) => $"rule T \"t\" {{ for asset a require {condition} }}";
}
