using Xunit;
using ZonePolicy.Syntax;

namespace ZonePolicy.Tests.Syntax;

public class TokenizerTests
{
    private static string Tokens(string text)
    {
        var (tokens, errors) = RuleTokenizer.Scan(text);
        Assert.Empty(errors);
        return string.Join(" ", tokens.Select(t => $"{t.Kind}:{t.ToStringValue()}"));
    }

    [Fact]
    public void Keywords_are_reserved_and_other_words_are_identifiers()
    {
        Assert.Equal(
            "Pack:pack Version:version Title:title Import:import Param:param Let:let Severity:severity Rule:rule",
            Tokens("pack version title import param let severity rule"));
        Assert.Equal(
            "Category:category Refs:refs Help:help SameAs:sameAs For:for In:in Where:where Require:require Forbid:forbid At:at Message:message",
            Tokens("category refs help sameAs for in where require forbid at message"));
        Assert.Equal(
            "And:and Or:or Not:not True:true False:false Null:null Any:any All:all None:none Count:count Sum:sum Min:min Max:max",
            Tokens("and or not true false null any all none count sum min max"));
        Assert.Equal(
            "Path:path Reachable:reachable Avoid:avoid Select:select Today:today Error:error Warning:warning Info:info",
            Tokens("path reachable avoid select today error warning info"));
        Assert.Equal("Identifier:zone Identifier:_x1 Identifier:contains Identifier:Rule", Tokens("zone _x1 contains Rule"));
    }

    [Fact]
    public void After_a_dot_any_word_is_a_member_name()
    {
        Assert.Equal(
            "Identifier:d Dot:. Identifier:category Dot:. Identifier:in Dot:. Identifier:version",
            Tokens("d.category.in.version"));
        Assert.Equal("Identifier:a Dot:. Identifier:count", Tokens("a. /* gap */ count"));
    }

    [Fact]
    public void A_rule_id_is_read_only_right_after_rule()
    {
        Assert.Equal("Rule:rule RuleId:E187-OS-01 String:\"t\"", Tokens("rule E187-OS-01 \"t\""));
        Assert.Equal("Rule:rule RuleId:ZN-001", Tokens("rule // comment\n ZN-001"));
        Assert.Equal("Identifier:E187 Minus:- Identifier:OS", Tokens("E187-OS"));
        Assert.Equal("Rule:rule RuleId:A-1 Minus:-", Tokens("rule A-1-"));
    }

    [Fact]
    public void Comments_are_skipped()
    {
        Assert.Equal("Identifier:a Identifier:b Slash:/ Identifier:c", Tokens("a // line comment\n/* block\n comment */ b / c"));
    }

    [Fact]
    public void Numbers_dates_and_strings_are_single_tokens()
    {
        Assert.Equal("Number:42 Number:7.5 Date:@2026-03-31 String:\"a \\\"b\\\" \\\\ \\n \\t\"", Tokens("42 7.5 @2026-03-31 \"a \\\"b\\\" \\\\ \\n \\t\""));
        Assert.Equal("Number:1 Dot:. Identifier:length", Tokens("1.length"));
    }

    [Fact]
    public void Every_operator_is_recognised()
    {
        Assert.Equal(
            "EqualEqual:== NotEqual:!= Less:< LessOrEqual:<= Greater:> GreaterOrEqual:>= Plus:+ Minus:- Asterisk:* Slash:/ Percent:%",
            Tokens("== != < <= > >= + - * / %"));
        Assert.Equal(
            "Dot:. Comma:, LParen:( RParen:) LBracket:[ RBracket:] LBrace:{ RBrace:} Assign:=",
            Tokens(". , ( ) [ ] { } ="));
        Assert.Equal("Identifier:a LessOrEqual:<= Identifier:b Assign:= Minus:- Number:1", Tokens("a<=b=-1"));
    }

    [Fact]
    public void String_values_resolve_their_escapes()
    {
        var (tokens, _) = RuleTokenizer.Scan("\"say \\\"hi\\\"\\n\\tback\\\\slash\"");
        Assert.Equal("say \"hi\"\n\tback\\slash", StringLiterals.Value(Assert.Single(tokens).Span));
    }

    [Fact]
    public void Tokens_know_their_line_and_column()
    {
        var (tokens, _) = RuleTokenizer.Scan("a\n  /* x\n */ b\r\n\tc");
        Assert.Equal(["1:1", "3:5", "4:2"], tokens.Select(t => $"{t.Position.Line}:{t.Position.Column}"));
    }

    [Fact]
    public void Lexical_mistakes_produce_no_token_and_scanning_goes_on()
    {
        var (tokens, errors) = RuleTokenizer.Scan("a # b \"c\\q\" d");
        Assert.Equal(["a", "b", "d"], tokens.Select(t => t.ToStringValue()));
        Assert.Equal(["ZP0003", "ZP0004"], errors.Select(e => e.Descriptor.Id));
    }
}
