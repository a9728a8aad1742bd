using Xunit;
using ZonePolicy.Syntax;
using static ZonePolicy.Tests.Syntax.Parsing;

namespace ZonePolicy.Tests.Syntax;

public class ExpressionParserTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("7.5", "7.5m")]
    [InlineData("0.25", "0.25m")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("\"a\\\"b\"", "\"a\\\"b\"")]
    [InlineData("@2026-03-31", "@2026-03-31")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("today", "today")]
    [InlineData("zones", "zones")]
    public void Literals_names_and_today_are_primary_expressions(string text, string expected) =>
        Assert.Equal(expected, Expression(text));

    [Fact]
    public void Literals_have_the_language_types()
    {
        Assert.Equal(42L, ((ZonePolicy.Syntax.LiteralExpression)Condition("42")).Value);
        Assert.Equal(7.5m, ((ZonePolicy.Syntax.LiteralExpression)Condition("7.5")).Value);
        Assert.Equal(new DateOnly(2026, 3, 31), ((ZonePolicy.Syntax.LiteralExpression)Condition("@2026-03-31")).Value);
    }

    [Theory]
    [InlineData("a.os.version", "(. (. a os) version)")]
    [InlineData("d.category", "(. d category)")]
    [InlineData("f.in.count", "(. (. f in) count)")]
    [InlineData("e.props[\"key\"]", "([] (. e props) \"key\")")]
    [InlineData("xs[0][1]", "([] ([] xs 0) 1)")]
    [InlineData("len(s)", "(call len s)")]
    [InlineData("now()", "(call now)")]
    [InlineData("startsWith(a.name, \"plc\")", "(call startsWith (. a name) \"plc\")")]
    [InlineData("days(30).x", "(. (call days 30) x)")]
    public void Member_access_indexing_and_calls_are_postfix(string text, string expected) =>
        Assert.Equal(expected, Expression(text));

    [Theory]
    [InlineData("[]", "[]")]
    [InlineData("[1, 2, 3]", "[1 2 3]")]
    [InlineData("[\"a\", [b], c.d]", "[\"a\" [b] (. c d)]")]
    public void Lists_hold_any_expressions(string text, string expected) =>
        Assert.Equal(expected, Expression(text));

    [Theory]
    [InlineData("any(d in f.via where is_boundary(d))", "(any d (. f via) :where (call is_boundary d))")]
    [InlineData("any(x in xs)", "(any x xs)")]
    [InlineData("all(x in xs where x > 1)", "(all x xs :where (> x 1))")]
    [InlineData("none(x in xs where x.bad)", "(none x xs :where (. x bad))")]
    [InlineData("count(x in xs where x.up)", "(count x xs :where (. x up))")]
    [InlineData("count(xs)", "(count xs)")]
    [InlineData("count(a.flowsIn)", "(count (. a flowsIn))")]
    [InlineData("sum(x in xs select x.cost)", "(sum x xs :select (. x cost))")]
    [InlineData("sum(x in xs where x.on select x.cost)", "(sum x xs :where (. x on) :select (. x cost))")]
    [InlineData("min(v in vs select v.score)", "(min v vs :select (. v score))")]
    [InlineData("max(v in vs where v.open select v.score)", "(max v vs :where (. v open) :select (. v score))")]
    [InlineData("sum(xs)", "(sum xs)")]
    [InlineData("count(a in b)", "(count a b)")]
    [InlineData("count((a in b))", "(count (in a b))")]
    public void Comprehensions_bind_a_variable_or_take_a_plain_list(string text, string expected) =>
        Assert.Equal(expected, Expression(text));

    [Theory]
    [InlineData("path(src, dst)", "(path src dst)")]
    [InlineData("path(src, dst, avoid d where d.type == \"firewall\")", "(path src dst :avoid d (== (. d type) \"firewall\"))")]
    [InlineData("reachable(a, b)", "(reachable a b)")]
    [InlineData("reachable(a.zone, b, avoid x where x.hardened)", "(reachable (. a zone) b :avoid x (. x hardened))")]
    [InlineData("path(a, b).length", "(. (path a b) length)")]
    [InlineData("permittedPath(src, dst)", "(permitted-path src dst)")]
    [InlineData("permittedPath(src, dst, avoid d where d.zone.kind == \"dmz\").conduits", "(. (permitted-path src dst :avoid d (== (. (. d zone) kind) \"dmz\")) conduits)")]
    [InlineData("permittedReachable(a, b.zone)", "(permitted-reachable a (. b zone))")]
    public void Paths_and_reachability_take_two_ends_and_an_optional_avoid(string text, string expected) =>
        Assert.Equal(expected, Expression(text));

    [Theory]
    [InlineData("a == b", "(== a b)")]
    [InlineData("a != b", "(!= a b)")]
    [InlineData("a < b", "(< a b)")]
    [InlineData("a <= b", "(<= a b)")]
    [InlineData("a > b", "(> a b)")]
    [InlineData("a >= b", "(>= a b)")]
    [InlineData("a in xs", "(in a xs)")]
    [InlineData("a not in xs", "(not-in a xs)")]
    [InlineData("name contains \"x\"", "(contains name \"x\")")]
    [InlineData("name matches \"^plc-[0-9]+$\"", "(matches name \"^plc-[0-9]+$\")")]
    [InlineData("a + b", "(+ a b)")]
    [InlineData("a - b", "(- a b)")]
    [InlineData("a * b", "(* a b)")]
    [InlineData("a / b", "(/ a b)")]
    [InlineData("a % b", "(% a b)")]
    [InlineData("a and b", "(and a b)")]
    [InlineData("a or b", "(or a b)")]
    [InlineData("not a", "(not a)")]
    [InlineData("-a", "(- a)")]
    [InlineData("contains contains contains", "(contains contains contains)")]
    public void Every_operator_builds_its_node(string text, string expected) =>
        Assert.Equal(expected, Expression(text));

    [Fact]
    public void Parentheses_keep_their_expression_and_widen_its_location()
    {
        Assert.Equal("(and (or a b) c)", Expression("(a or b) and c"));
        Assert.Equal("(1,22)-(1,30)", Span(((ChainExpression)Condition("(a or b) and c")).First.Location));
    }
}
