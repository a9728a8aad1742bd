using Xunit;
using ZonePolicy.Syntax;
using static ZonePolicy.Tests.Syntax.Parsing;

namespace ZonePolicy.Tests.Syntax;

public class NestingTests
{
    private const string TooDeep = "ZP0007: expression nested too deeply (more than 200 levels)";

    [Fact]
    public void A_hundred_thousand_open_brackets_are_reported_not_overflowed()
    {
        Assert.Equal($"(1,221): {TooDeep}", Error("rule T \"t\" { require " + new string('[', 100_000)));
    }

    [Fact]
    public void Twenty_thousand_open_parentheses_are_reported_not_overflowed()
    {
        Assert.Equal($"(1,221): {TooDeep}", Error("rule T \"t\" { require " + new string('(', 20_000) + "a" + new string(')', 20_000) + " }"));
    }

    [Fact]
    public void Long_runs_of_prefix_operators_are_reported_not_overflowed()
    {
        Assert.Equal($"(1,818): {TooDeep}", Error("rule T \"t\" { require " + string.Concat(Enumerable.Repeat("not ", 20_000)) + "a }"));
        Assert.Equal($"(1,420): {TooDeep}", Error("rule T \"t\" { require " + string.Concat(Enumerable.Repeat("- ", 20_000)) + "a }"));
        Assert.Equal($"(1,521): {TooDeep}", Error("rule T \"t\" { require " + string.Concat(Enumerable.Repeat("not (", 5_000)) + "a }"));
    }

    [Fact]
    public void Nesting_outside_a_rule_is_limited_too()
    {
        Assert.Equal($"(1,211): {TooDeep}", Error("param x = " + new string('[', 100_000)));
        Assert.Equal($"(1,209): {TooDeep}", Error("let x = " + new string('(', 100_000)));
    }

    [Fact]
    public void Each_rule_nested_too_deeply_is_reported_and_the_others_are_kept()
    {
        var deep = new string('(', 300) + "a" + new string(')', 300);
        var result = RuleParser.Parse($"rule A \"a\" {{ require {deep} }}\nrule B \"b\" {{ require x }}\nrule C \"c\" {{ require {deep} }}", FileName);
        Assert.Equal([$"(1,221): {TooDeep}", $"(3,221): {TooDeep}"], result.Diagnostics.Select(Format));
        Assert.Equal(["B"], result.Unit!.Rules.Select(r => r.Id.Name));
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("f(", ")")]
    [InlineData("any(x in ", ")")]
    [InlineData("not (", ")")]
    [InlineData("- a[", "]")]
    public void Nesting_just_under_the_limit_parses_even_on_a_small_stack(string open, string close)
    {
        var levels = open.StartsWith("not") ? 99 : 199;
        var text = "rule T \"t\" { require " + string.Concat(Enumerable.Repeat(open, levels)) + "a" + string.Concat(Enumerable.Repeat(close, levels)) + " }";
        ParseResult? result = null;
        var thread = new Thread(() => result = RuleParser.Parse(text, FileName), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Empty(result!.Diagnostics);
        Assert.Single(result.Unit!.Rules);
    }

    [Fact]
    public void A_long_flat_chain_of_operators_parses()
    {
        var expression = Condition(string.Join(" + ", Enumerable.Repeat("a", 10_000)));
        var terms = 1;
        while (expression is BinaryExpression { Operator: BinaryOperator.Add } sum)
        {
            Assert.IsType<NameExpression>(sum.Right);
            expression = sum.Left;
            terms++;
        }

        Assert.Equal(10_000, terms);
    }

    [Fact]
    public void Long_chains_of_and_and_of_member_access_parse()
    {
        Assert.IsType<BinaryExpression>(Condition(string.Join(" and ", Enumerable.Repeat("a.ok", 10_000))));
        Assert.IsType<MemberExpression>(Condition("a" + string.Concat(Enumerable.Repeat(".b", 10_000))));
        Assert.IsType<ListExpression>(Condition("[" + string.Join(", ", Enumerable.Repeat("1", 10_000)) + "]"));
    }
}
