using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>
/// Long operator chains and nesting at the limit go through every pass (parse, bind, compile, evaluate,
/// render) on a one-megabyte stack, in this process: a stack overflow would end the test run.
/// </summary>
public sealed class LongExpressionTests : IDisposable
{
    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [ { "id": "cell", "kind": "control", "securityLevel": 3 } ],
          "assets": [ { "id": "plc", "zone": "cell", "type": "plc" } ]
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData(" + ", "1", "100000")]
    [InlineData(" - ", "1", "-99998")]
    [InlineData(" * ", "1", "1")]
    public void A_hundred_thousand_arithmetic_operators_evaluate(string op, string term, string expected)
    {
        var sum = string.Join(op, Enumerable.Repeat(term, 100_000));

        var result = Check($"rule R \"r\" {{ for zone z forbid ({sum}) == {expected} message \"{{{sum}}}\" }}");

        Assert.Equal([$"R 3: {expected}"], result.Lines());
    }

    [Theory]
    [InlineData("and", "true", "R")]
    [InlineData("or", "false", "")]
    public void A_hundred_thousand_logical_operators_evaluate(string op, string operand, string expected)
    {
        var chain = string.Join($" {op} ", Enumerable.Repeat(operand, 100_000));

        var result = Check($"rule R \"r\" {{ for zone z forbid {chain} }}");

        Assert.Equal(expected.Length == 0 ? [] : [expected], result.Ids());
    }

    [Fact]
    public void A_long_chain_stops_at_the_first_decisive_operand()
    {
        var chain = "false and " + string.Join(" and ", Enumerable.Repeat("z.securityLevel / 0 > 1", 50_000));

        Assert.Empty(Check($"rule R \"r\" {{ for zone z require not ({chain}) }}").Diagnostics);
    }

    [Fact]
    public void Nesting_at_the_limit_binds_compiles_evaluates_and_renders()
    {
        var depth = NestingLimit.MaxDepth - 4;
        var sum = string.Concat(Enumerable.Repeat("1 + (", depth)) + "z.securityLevel" + new string(')', depth);
        var list = new string('[', depth) + "z.id" + new string(']', depth);

        var result = Check($"rule R \"r\" {{ for zone z forbid {sum} == {depth + 3} message \"{{{list}}}\" }}");

        Assert.Equal([$"R 3: {new string('[', depth)}cell{new string(']', depth)}"], result.Lines());
    }

    [Fact]
    public void Helpers_that_nest_past_the_limit_when_expanded_are_reported_at_the_call()
    {
        var helpers = string.Concat(Enumerable.Range(0, 40).Select(i => $"let h{i}(x) = h{i + 1}(x) + 1\n")) + "let h40(x) = x\n";

        var result = Check(helpers + "rule R \"r\" { for zone z require h0(z.securityLevel) > 0 }");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("ZP0007", 42, 33), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal($"expression nested too deeply (more than {NestingLimit.MaxDepth} levels) through the helper functions and constants it uses", diagnostic.Message);
    }

    [Fact]
    public void Constants_defined_through_each_other_past_the_limit_are_reported()
    {
        var constants = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"let c{i} = c{i + 1} + 1\n")) + "let c2000 = 0\n";

        var result = Check(constants + "rule R \"r\" { for zone z require c0 > 0 }");

        Assert.Equal(["ZP0007"], result.Ids().Distinct());
    }

    private CheckResult Check(string rules) => SmallStack.Run(() => workspace.Check(rules, Site));
}
