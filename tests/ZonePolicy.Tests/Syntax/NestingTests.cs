using Xunit;
using ZonePolicy.Syntax;
using static ZonePolicy.Tests.Syntax.Parsing;

namespace ZonePolicy.Tests.Syntax;

public class NestingTests
{
    private const string TooDeep = "ZP0007: expression nested too deeply (more than 32 levels)";

    [Fact]
    public void A_hundred_thousand_open_brackets_are_reported_not_overflowed()
    {
        Assert.Equal($"(1,53): {TooDeep}", Error("rule T \"t\" { require " + new string('[', 100_000)));
    }

    [Fact]
    public void Twenty_thousand_open_parentheses_are_reported_not_overflowed()
    {
        Assert.Equal($"(1,53): {TooDeep}", Error("rule T \"t\" { require " + new string('(', 20_000) + "a" + new string(')', 20_000) + " }"));
    }

    [Fact]
    public void Long_runs_of_prefix_operators_are_reported_not_overflowed()
    {
        Assert.Equal($"(1,146): {TooDeep}", Error("rule T \"t\" { require " + string.Concat(Enumerable.Repeat("not ", 20_000)) + "a }"));
        Assert.Equal($"(1,84): {TooDeep}", Error("rule T \"t\" { require " + string.Concat(Enumerable.Repeat("- ", 20_000)) + "a }"));
        Assert.Equal($"(1,101): {TooDeep}", Error("rule T \"t\" { require " + string.Concat(Enumerable.Repeat("not (", 5_000)) + "a }"));
    }

    [Fact]
    public void Nesting_outside_a_rule_is_limited_too()
    {
        Assert.Equal($"(1,43): {TooDeep}", Error("param x = " + new string('[', 100_000)));
        Assert.Equal($"(1,41): {TooDeep}", Error("let x = " + new string('(', 100_000)));
    }

    [Fact]
    public void Each_rule_nested_too_deeply_is_reported_and_the_others_are_kept()
    {
        var deep = new string('(', 300) + "a" + new string(')', 300);
        var result = RuleParser.Parse($"rule A \"a\" {{ require {deep} }}\nrule B \"b\" {{ require x }}\nrule C \"c\" {{ require {deep} }}", FileName);
        Assert.Equal([$"(1,53): {TooDeep}", $"(3,53): {TooDeep}"], result.Diagnostics.Select(Format));
        Assert.Equal(["B"], result.Unit!.Rules.Select(r => r.Id.Name));
    }

    [Fact]
    public void A_member_access_chain_deeper_than_the_limit_is_reported_where_it_passes_it()
    {
        var chain = "a" + string.Concat(Enumerable.Repeat(".logsTo", 100_000));

        Assert.Equal($"(1,22): {TooDeep}", Error($"rule T \"t\" {{ require {chain} }}"));
    }

    [Theory]
    [InlineData(10, 21, false)]
    [InlineData(10, 22, true)]
    public void Operators_and_member_accesses_add_up_across_parentheses(int comparisons, int members, bool tooDeep)
    {
        // Each comparison is a level of the tree, and so is each member access; parentheses are not.
        var nested = string.Concat(Enumerable.Repeat("x == (", comparisons)) + "a" + string.Concat(Enumerable.Repeat(".logsTo", members)) + new string(')', comparisons);

        var diagnostics = DiagnosticsOf($"rule T \"t\" {{ require {nested} }}");

        Assert.Equal(tooDeep ? [TooDeep] : [], diagnostics.Select(d => $"{d.Id}: {d.Message}"));
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("f(", ")")]
    [InlineData("any(x in ", ")")]
    [InlineData("not (", ")")]
    [InlineData("- a[", "]")]
    [InlineData("a + (", ")")]
    public void Nesting_at_the_limit_parses_on_a_one_megabyte_stack(string open, string close)
    {
        var levels = open.Contains(' ') && open != "any(x in " ? NestingLimit.MaxDepth / 2 - 1 : NestingLimit.MaxDepth - 1;
        var text = "rule T \"t\" { require " + string.Concat(Enumerable.Repeat(open, levels)) + "a" + string.Concat(Enumerable.Repeat(close, levels)) + " }";

        var result = SmallStack.Run(() => RuleParser.Parse(text, FileName));

        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Unit!.Rules);
    }

    [Fact]
    public void A_long_flat_chain_of_operators_is_one_node()
    {
        var chain = Assert.IsType<ChainExpression>(Condition(string.Join(" + ", Enumerable.Repeat("a", 100_000))));

        Assert.Equal(99_999, chain.Links.Count);
        Assert.All(chain.Links, link => Assert.Equal(BinaryOperator.Add, link.Operator));
        Assert.All(chain.Links, link => Assert.IsType<NameExpression>(link.Operand));
    }

    [Fact]
    public void Chains_of_and_of_mixed_arithmetic_and_of_list_items_parse_on_a_small_stack()
    {
        var and = SmallStack.Run(() => Condition(string.Join(" and ", Enumerable.Repeat("a.ok", 100_000))));
        var arithmetic = SmallStack.Run(() => Condition(string.Join(" - ", Enumerable.Repeat("a * 2 / b % 3 + c", 20_000))));
        var list = SmallStack.Run(() => Condition("[" + string.Join(", ", Enumerable.Repeat("1", 100_000)) + "]"));

        Assert.Equal(99_999, Assert.IsType<ChainExpression>(and).Links.Count);
        Assert.Equal(39_999, Assert.IsType<ChainExpression>(arithmetic).Links.Count);
        Assert.Equal(100_000, Assert.IsType<ListExpression>(list).Items.Count);
    }
}
