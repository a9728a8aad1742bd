using Xunit;
using ZonePolicy.Syntax;
using static ZonePolicy.Tests.Syntax.Parsing;

namespace ZonePolicy.Tests.Syntax;

public class RecoveryTests
{
    [Fact]
    public void Two_broken_rules_give_two_errors_and_the_good_rules_are_kept()
    {
        var text = """
            rule A "a" { require x }
            rule B "b" {
              severity fatal
              require x
            }
            rule C "c" { require y }
            rule D "d" {
              for asset a where
              require a.ok
            }
            rule E "e" { forbid z }
            """;
        var result = RuleParser.Parse(text, FileName);
        Assert.Equal(
            [
                "(3,12): ZP0001: unexpected identifier \"fatal\", expected \"error\", \"warning\" or \"info\"",
                "(9,3): ZP0001: unexpected keyword \"require\", expected expression",
            ],
            result.Diagnostics.Select(Format));
        Assert.Equal(["A", "C", "E"], result.Unit!.Rules.Select(r => r.Id.Name));
    }

    [Fact]
    public void A_rule_missing_its_closing_brace_does_not_swallow_the_next_rule()
    {
        var result = RuleParser.Parse("rule A \"a\" { require x\nrule B \"b\" { require }\nrule C \"c\" { require y }", FileName);
        Assert.Equal(["(2,1): ZP0001", "(2,22): ZP0001"], result.Diagnostics.Select(Where));
        Assert.Equal(["C"], result.Unit!.Rules.Select(r => r.Id.Name));
    }

    [Fact]
    public void Lexical_and_syntax_errors_in_different_rules_are_all_reported()
    {
        var result = RuleParser.Parse("rule A \"a\" { require a # b }\nrule B \"b\" { require a == }\nrule C \"c\" { require c }", FileName);
        Assert.Equal(["(1,24): ZP0003", "(2,27): ZP0001"], result.Diagnostics.Select(Where));
        Assert.Equal(["C"], result.Unit!.Rules.Select(r => r.Id.Name));
    }

    [Fact]
    public void A_broken_rule_reports_one_error_even_with_several_mistakes()
    {
        Assert.Single(Errors("rule A \"a\" { severity fatal require ( forbid ] }"));
    }

    [Fact]
    public void A_broken_header_declaration_does_not_hide_the_rules()
    {
        var result = RuleParser.Parse("param x = \nlet y = (1\nrule A \"a\" { require y }", FileName);
        Assert.Equal(
            ["(2,1): ZP0001: unexpected keyword \"let\", expected literal", "(3,1): ZP0001: unexpected keyword \"rule\", expected \")\""],
            result.Diagnostics.Select(Format));
        Assert.Equal(["A"], result.Unit!.Rules.Select(r => r.Id.Name));
    }

    [Fact]
    public void A_broken_message_template_costs_only_its_rule()
    {
        var result = RuleParser.Parse("rule A \"a\" { require x message \"{x\" }\nrule B \"b\" { require y }", FileName);
        Assert.Equal(["(1,33): ZP0008"], result.Diagnostics.Select(Where));
        Assert.Equal(["B"], result.Unit!.Rules.Select(r => r.Id.Name));
    }
}
