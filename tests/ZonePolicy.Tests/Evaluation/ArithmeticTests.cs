using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>Arithmetic gives null where its exact result cannot be represented, never a wrapped number or a crash.</summary>
public sealed class ArithmeticTests : IDisposable
{
    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [ { "id": "cell", "kind": "control", "securityLevel": 3 } ],
          "assets": [
            { "id": "plc", "zone": "cell", "type": "plc", "vulnerabilities": [ { "id": "CVE-1", "cvss": 9.8 }, { "id": "CVE-2", "cvss": 1.0 } ] },
            { "id": "hmi", "zone": "cell", "type": "hmi", "vulnerabilities": [] }
          ]
        }
        """;

    private const string Max = "9223372036854775807";
    private const string Min = "(-9223372036854775807 - 1)";

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData(Max + " + 1", "null")]
    [InlineData(Min + " - 1", "null")]
    [InlineData(Max + " * 2", "null")]
    [InlineData("-3037000500 * 3037000500", "null")]
    [InlineData("-" + Min, "null")]
    [InlineData(Min + " % -1", "0")]
    [InlineData(Min + " % 0", "null")]
    [InlineData(Min + " / -1", "9223372036854775808")]
    [InlineData(Max + " + 0", Max)]
    [InlineData(Min + " * 1", "-9223372036854775808")]
    [InlineData("79228162514264337593543950335.0 + 1", "null")]
    [InlineData("1.5 / 0", "null")]
    [InlineData("days(" + Max + ") + days(1)", "null")]
    [InlineData("days(" + Max + ") - days(-1)", "null")]
    [InlineData("-days(" + Min + ")", "null")]
    [InlineData("days(79228162514264337593543950335.0)", "null")]
    [InlineData("days(2.9)", "2 days")]
    [InlineData("@9999-12-31 + days(1)", "null")]
    [InlineData("@0001-01-01 - days(1)", "null")]
    [InlineData("@2026-01-01 + days(" + Max + ")", "null")]
    [InlineData("@2026-01-01 - days(" + Min + ")", "null")]
    [InlineData("@2026-01-01 - days(1)", "2025-12-31")]
    public void An_unrepresentable_result_is_null(string expression, string expected) =>
        Assert.Equal(expected, Render(expression));

    [Fact]
    public void A_sum_that_overflows_stays_null_after_the_overflow()
    {
        Assert.Equal("null", Render($"sum([{Max}, 1, -5])"));
        Assert.Equal("null", Render($"sum(x in [{Max}, 1, -5] select x)"));
        Assert.Equal("null", Render($"sum([days({Max}), days(1), days(-5)])"));
    }

    [Fact]
    public void The_sum_of_nothing_is_the_zero_of_its_type()
    {
        Assert.Equal("0", Render("sum(x in [1, 2] where x > 5 select x)"));
        Assert.Equal("true", Render("sum(x in [1.5, 2.5] where x > 5 select x) == 0.0"));
        Assert.Equal("0 days", Render("sum(x in [1, 2] where x > 5 select days(x))"));
        Assert.Equal("null", Render("min(x in [1, 2] where x > 5 select x)"));
    }

    [Fact]
    public void A_duration_sum_over_no_values_compares_as_a_duration()
    {
        var result = workspace.Check(
            "rule R \"r\" { for asset a forbid sum(v in a.vulnerabilities where v.cvss > 9 select days(1)) < days(1) }",
            Site);

        Assert.Equal(["R"], result.Ids());
        Assert.Equal("hmi", Assert.Single(result.Diagnostics).Entities.Single());
    }

    private string Render(string expression)
    {
        var result = workspace.Check($"rule R \"r\" {{ for zone z forbid true message \"{{{expression}}}\" }}", Site);
        return Assert.Single(result.Diagnostics).Message;
    }
}
