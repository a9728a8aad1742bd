using Xunit;
using ZonePolicy.Syntax;

namespace ZonePolicy.Tests.Syntax;

public class LiteralTests
{
    [Fact]
    public void Parameter_values_are_read_in_the_literal_syntax()
    {
        Assert.Equal(10L, Parsed("10"));
        Assert.Equal(-3L, Parsed("-3"));
        Assert.Equal(7.5m, Parsed("7.5"));
        Assert.Equal("text with \"quotes\"", Parsed("\"text with \\\"quotes\\\"\""));
        Assert.Equal(new DateOnly(2027, 1, 1), Parsed("@2027-01-01"));
        Assert.Equal(true, Parsed("true"));
        Assert.Equal(false, Parsed(" false "));
    }

    [Fact]
    public void A_list_value_comes_back_as_a_read_only_list()
    {
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(Parsed("[1, \"a\", @2026-01-02, 2.5, true]"));
        Assert.Equal([1L, "a", new DateOnly(2026, 1, 2), 2.5m, true], list);
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<object?>>(Parsed("[]")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("warning")]
    [InlineData("null")]
    [InlineData("\"open")]
    [InlineData("@2026-02-30")]
    [InlineData("1 2")]
    [InlineData("[1, [2]]")]
    [InlineData("1 + 1")]
    [InlineData("12abc")]
    public void Anything_else_is_not_a_literal(string text) =>
        Assert.False(RuleParser.TryParseLiteral(text, out _));

    private static object? Parsed(string text)
    {
        Assert.True(RuleParser.TryParseLiteral(text, out var value));
        return value;
    }
}
