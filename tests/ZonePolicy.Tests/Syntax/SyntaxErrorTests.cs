using Xunit;
using static ZonePolicy.Tests.Syntax.Parsing;

namespace ZonePolicy.Tests.Syntax;

public class SyntaxErrorTests
{
    [Theory]
    [InlineData("rule A \"x\" { severity error }", "(1,29): ZP0001: unexpected \"}\", expected \"require\" or \"forbid\"")]
    [InlineData("rule A \"x\" { }", "(1,14): ZP0001: unexpected \"}\", expected \"require\" or \"forbid\"")]
    [InlineData("rule A \"x\" { requre a }", "(1,14): ZP0001: unexpected identifier \"requre\", expected \"severity\", \"category\", \"refs\", \"help\", \"sameAs\", \"for\", \"let\", \"require\", \"forbid\", \"at\" or \"message\"; did you mean \"require\"?")]
    [InlineData("rule A \"x\" { require a mesage \"m\" }", "(1,24): ZP0001: unexpected identifier \"mesage\", expected \"severity\", \"category\", \"refs\", \"help\", \"sameAs\", \"for\", \"let\", \"require\", \"forbid\", \"at\", \"message\" or \"}\"; did you mean \"message\"?")]
    [InlineData("rule \"title\" { require x }", "(1,6): ZP0001: unexpected string \"title\", expected rule id")]
    [InlineData("rule A { require x }", "(1,8): ZP0001: unexpected \"{\", expected rule title")]
    [InlineData("rule A \"t\" require x }", "(1,12): ZP0001: unexpected keyword \"require\", expected \"{\"")]
    [InlineData("rule A \"t\" { for asset where x require x }", "(1,24): ZP0001: unexpected keyword \"where\", expected variable name")]
    [InlineData("rule A \"t\" { for 42 a require x }", "(1,18): ZP0001: unexpected number \"42\", expected entity kind")]
    [InlineData("rule A \"t\" { severity critical require x }", "(1,23): ZP0001: unexpected identifier \"critical\", expected \"error\", \"warning\" or \"info\"")]
    [InlineData("rule A \"t\" { refs require x }", "(1,19): ZP0001: unexpected keyword \"require\", expected string")]
    [InlineData("rule A \"t\" { require x message 42 }", "(1,32): ZP0001: unexpected number \"42\", expected string")]
    [InlineData("rule A \"t\" { let f(x) = 1 require x }", "(1,19): ZP0001: unexpected \"(\", expected \"=\"")]
    public void Rule_mistakes_name_what_was_expected(string text, string expected) =>
        Assert.Equal(expected, Error(text));

    [Theory]
    [InlineData("a +", "(1,25): ZP0001: unexpected end of file, expected expression")]
    [InlineData("}", "(1,22): ZP0001: unexpected \"}\", expected expression")]
    [InlineData("a + }", "(1,26): ZP0001: unexpected \"}\", expected expression")]
    [InlineData("f(a b) }", "(1,26): ZP0001: unexpected identifier \"b\", expected \",\" or \")\"")]
    [InlineData("f(a, ) }", "(1,27): ZP0001: unexpected \")\", expected expression")]
    [InlineData("[1, 2 }", "(1,28): ZP0001: unexpected \"}\", expected \",\" or \"]\"")]
    [InlineData("(a }", "(1,25): ZP0001: unexpected \"}\", expected \")\"")]
    [InlineData("x.5 }", "(1,24): ZP0001: unexpected number \"5\", expected member name")]
    [InlineData("a. }", "(1,25): ZP0001: unexpected \"}\", expected member name")]
    [InlineData("a not b }", "(1,28): ZP0001: unexpected identifier \"b\", expected \"in\"")]
    [InlineData("path(a) }", "(1,28): ZP0001: unexpected \")\", expected \",\"")]
    [InlineData("reachable(a, b, d where d.x) }", "(1,38): ZP0001: unexpected identifier \"d\", expected \"avoid\"")]
    [InlineData("count(x in xs where) }", "(1,41): ZP0001: unexpected \")\", expected expression")]
    [InlineData("count(xs where x) }", "(1,31): ZP0001: unexpected keyword \"where\", expected \")\"")]
    [InlineData("any(x in xs where y z) }", "(1,42): ZP0001: unexpected identifier \"z\", expected \")\"")]
    public void Expression_mistakes_name_what_was_expected(string condition, string expected) =>
        Assert.Equal(expected, Error($"rule A \"t\" {{ require {condition}"));

    [Theory]
    [InlineData("pack", "(1,5): ZP0001: unexpected end of file, expected pack name")]
    [InlineData("pack a. \"x\"", "(1,9): ZP0001: unexpected string \"x\", expected member name")]
    [InlineData("import x", "(1,8): ZP0001: unexpected identifier \"x\", expected string")]
    [InlineData("param x = foo", "(1,11): ZP0001: unexpected identifier \"foo\", expected literal")]
    [InlineData("param x = [[1]]", "(1,12): ZP0001: unexpected \"[\", expected literal or \"]\"")]
    [InlineData("param x 1", "(1,9): ZP0001: unexpected number \"1\", expected \"=\"")]
    [InlineData("let f(a, ) = 1", "(1,10): ZP0001: unexpected \")\", expected parameter name")]
    [InlineData("let count = 1", "(1,5): ZP0001: unexpected keyword \"count\", expected identifier")]
    [InlineData("foo bar", "(1,1): ZP0001: unexpected identifier \"foo\", expected \"pack\", \"import\", \"param\", \"let\" or \"rule\"")]
    [InlineData("rule A \"t\" { require x } }", "(1,26): ZP0001: unexpected \"}\", expected \"rule\"")]
    [InlineData("param x = 1 2", "(1,13): ZP0001: unexpected number \"2\", expected \"param\", \"let\" or \"rule\"")]
    public void Declaration_mistakes_name_what_was_expected(string text, string expected) =>
        Assert.Equal(expected, Error(text));

    [Theory]
    [InlineData("rule A \"t\" { require x }\nlet y = 2", "(2,1): ZP0001: unexpected keyword \"let\", expected \"rule\"; declarations go in the order pack, import, param, let, rule")]
    [InlineData("let y = 2\nparam x = 1", "(2,1): ZP0001: unexpected keyword \"param\", expected \"let\" or \"rule\"; declarations go in the order pack, import, param, let, rule")]
    [InlineData("pack a\npack b", "(2,1): ZP0001: unexpected keyword \"pack\", expected \"import\", \"param\", \"let\" or \"rule\"; declarations go in the order pack, import, param, let, rule")]
    [InlineData("import \"a\"\npack b", "(2,1): ZP0001: unexpected keyword \"pack\", expected \"import\", \"param\", \"let\" or \"rule\"; declarations go in the order pack, import, param, let, rule")]
    public void Declarations_out_of_order_are_reported_at_their_keyword(string text, string expected) =>
        Assert.Equal(expected, Error(text));

    [Fact]
    public void A_declaration_out_of_order_is_still_part_of_the_tree()
    {
        var result = ZonePolicy.Syntax.RuleParser.Parse("rule A \"t\" { require x }\nlet y = 2", FileName);
        Assert.Single(result.Unit!.Lets);
        Assert.Single(result.Unit.Rules);
    }

    [Fact]
    public void A_rule_missing_its_closing_brace_is_reported_at_the_next_rule()
    {
        Assert.Equal(
            "(2,1): ZP0001: unexpected keyword \"rule\", expected \"severity\", \"category\", \"refs\", \"help\", \"sameAs\", \"for\", \"let\", \"require\", \"forbid\", \"at\", \"message\" or \"}\"",
            Error("rule A \"t\" { require x\nrule B \"t\" { require y }"));
    }

    [Fact]
    public void The_end_of_the_file_is_reported_just_after_the_last_token()
    {
        Assert.Equal(
            "(2,12): ZP0001: unexpected end of file, expected \"severity\", \"category\", \"refs\", \"help\", \"sameAs\", \"for\", \"let\", \"require\", \"forbid\", \"at\", \"message\" or \"}\"",
            Error("rule A \"t\" {\n  require x\n\n"));
    }

    [Fact]
    public void Syntax_errors_are_errors_with_the_syntax_error_id()
    {
        var diagnostic = Assert.Single(ZonePolicy.Syntax.RuleParser.Parse("rule A \"t\" { }", FileName).Diagnostics);
        Assert.Equal(ZonePolicy.Diagnostics.DiagnosticIds.SyntaxError, diagnostic.Id);
        Assert.Equal(ZonePolicy.Diagnostics.Severity.Error, diagnostic.Severity);
        Assert.Equal("rules.zpol(1,14): error ZP0001: unexpected \"}\", expected \"require\" or \"forbid\"", diagnostic.ToCanonicalString());
    }
}
