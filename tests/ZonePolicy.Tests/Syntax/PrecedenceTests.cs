using Xunit;
using static ZonePolicy.Tests.Syntax.Parsing;

namespace ZonePolicy.Tests.Syntax;

public class PrecedenceTests
{
    [Theory]
    [InlineData("a or b and c", "(or a (and b c))")]
    [InlineData("a and b or c", "(or (and a b) c)")]
    [InlineData("a or b or c", "(or (or a b) c)")]
    [InlineData("a and b and c", "(and (and a b) c)")]
    [InlineData("not a and b", "(and (not a) b)")]
    [InlineData("not a or not b", "(or (not a) (not b))")]
    [InlineData("not a == b", "(not (== a b))")]
    [InlineData("not not a", "(not (not a))")]
    [InlineData("not a in xs", "(not (in a xs))")]
    [InlineData("a == b and c != d", "(and (== a b) (!= c d))")]
    [InlineData("a == b + c", "(== a (+ b c))")]
    [InlineData("a + b == c", "(== (+ a b) c)")]
    [InlineData("a in xs + ys", "(in a (+ xs ys))")]
    [InlineData("a not in xs or b", "(or (not-in a xs) b)")]
    [InlineData("a + b * c", "(+ a (* b c))")]
    [InlineData("a * b + c", "(+ (* a b) c)")]
    [InlineData("a - b - c", "(- (- a b) c)")]
    [InlineData("a + b - c", "(- (+ a b) c)")]
    [InlineData("a * b / c % d", "(% (/ (* a b) c) d)")]
    [InlineData("-a * b", "(* (- a) b)")]
    [InlineData("a - -b", "(- a (- b))")]
    [InlineData("- - a", "(- (- a))")]
    [InlineData("-a.b", "(- (. a b))")]
    [InlineData("-f(x)[0]", "(- ([] (call f x) 0))")]
    [InlineData("a.b[c].d", "(. ([] (. a b) c) d)")]
    [InlineData("today - days(30) > a.os.endOfSupport", "(> (- today (call days 30)) (. (. a os) endOfSupport))")]
    [InlineData("(a + b) * c", "(* (+ a b) c)")]
    [InlineData("not (a and b)", "(not (and a b))")]
    [InlineData("x contains y + 1 and z", "(and (contains x (+ y 1)) z)")]
    public void Operators_bind_in_the_order_of_the_language_reference(string text, string expected) =>
        Assert.Equal(expected, Expression(text));

    [Theory]
    [InlineData("a == b == c", "(1,29): ZP0001: unexpected \"==\": comparisons do not chain; combine them with \"and\"")]
    [InlineData("a < b < c", "(1,28): ZP0001: unexpected \"<\": comparisons do not chain; combine them with \"and\"")]
    [InlineData("a in xs in ys", "(1,30): ZP0001: unexpected keyword \"in\": comparisons do not chain; combine them with \"and\"")]
    [InlineData("a == b not in c", "(1,29): ZP0001: unexpected keyword \"not\": comparisons do not chain; combine them with \"and\"")]
    public void Comparisons_are_not_associative(string text, string expected) =>
        Assert.Equal(expected, Error($"rule T \"t\" {{ require {text} }}"));
}
