using Xunit;
using ZonePolicy.Syntax;
using static ZonePolicy.Tests.Syntax.Parsing;

namespace ZonePolicy.Tests.Syntax;

public class TemplateTests
{
    private const string Prefix = "rule T \"t\" { require x message ";

    private static MessageTemplate Template(string message)
    {
        var rule = Valid($"{Prefix}{message} }}").Rules.Single();
        return ((MessageClause)rule.Clauses[1]).Template;
    }

    private static string Printed(string message) => SyntaxPrinter.Print(Template(message));

    [Theory]
    [InlineData("\"plain text\"", "\"plain text\"")]
    [InlineData("\"{f}\"", "{f}")]
    [InlineData("\"{f} sends {f.from.zone}.\"", "{f} \" sends \" {(. (. f from) zone)} \".\"")]
    [InlineData("\"{{literal}} {x}\"", "\"{literal} \" {x}")]
    [InlineData("\"{x}}}\"", "{x} \"}\"")]
    [InlineData("\"{{}}\"", "\"{}\"")]
    [InlineData("\"line\\nnext \\\"quoted\\\" \\\\ \\t\"", "\"line\\nnext \\\"quoted\\\" \\\\ \\t\"")]
    [InlineData("\"{a.props[\\\"owner\\\"]} owns it\"", "{([] (. a props) \"owner\")} \" owns it\"")]
    [InlineData("\"{x == \\\"q}\\\"}\"", "{(== x \"q}\")}")]
    [InlineData("\"{ dst.securityLevel >= 3 }\"", "{(>= (. dst securityLevel) 3)}")]
    [InlineData("\"\"", "")]
    public void A_message_splits_into_text_and_expression_holes(string message, string expected) =>
        Assert.Equal(expected, Printed(message));

    [Fact]
    public void Hole_locations_point_into_the_file_past_escapes()
    {
        var text = "rule T \"t\" {\n  require x\n  message \"a\\\"b {x.y} {\\\"s\\\" + z}\"\n}";
        var template = ((MessageClause)Valid(text).Rules[0].Clauses[1]).Template;
        Assert.Equal("(3,11)-(3,35)", Span(template.Location));
        Assert.Equal(
            ["text (3,12)-(3,17)", "hole (3,17)-(3,22)", "text (3,22)-(3,23)", "hole (3,23)-(3,34)"],
            template.Parts.Select(p => $"{(p is TemplateText ? "text" : "hole")} {Span(p.Location)}"));
        Assert.Equal("a\"b ", ((TemplateText)template.Parts[0]).Text);

        var member = (MemberExpression)((TemplateHole)template.Parts[1]).Expression;
        Assert.Equal("(3,18)-(3,21)", Span(member.Location));
        Assert.Equal("(3,20)-(3,21)", Span(member.Member.Location));

        var sum = (ChainExpression)((TemplateHole)template.Parts[3]).Expression;
        Assert.Equal("(3,24)-(3,33)", Span(sum.Location));
        Assert.Equal("(3,24)-(3,29)", Span(sum.First.Location));
        Assert.Equal("s", ((LiteralExpression)sum.First).Value);
        Assert.Equal("(3,30)-(3,31)", Span(sum.Links[0].OperatorLocation));
        Assert.Equal("(3,32)-(3,33)", Span(sum.Links[0].Operand.Location));
    }

    [Fact]
    public void Literal_braces_keep_the_location_of_what_is_written()
    {
        var text = Assert.IsType<TemplateText>(Assert.Single(Template("\"{{x}}\"").Parts));
        Assert.Equal("{x}", text.Text);
        Assert.Equal("(1,33)-(1,38)", Span(text.Location));
    }

    [Theory]
    [InlineData("\"a } b\"", "(1,35): ZP0008: unbalanced `}` in message template; write `}}` for a literal brace")]
    [InlineData("\"a { b\"", "(1,35): ZP0008: unbalanced `{` in message template; close the expression with `}` or write `{{` for a literal brace")]
    [InlineData("\"{a == \\\"x}\"", "(1,33): ZP0008: unbalanced `{` in message template; close the expression with `}` or write `{{` for a literal brace")]
    [InlineData("\"x {} y\"", "(1,35): ZP0008: empty `{}` in message template; put an expression between the braces or write `{{}}` for literal braces")]
    [InlineData("\"{ }\"", "(1,33): ZP0008: empty `{}` in message template; put an expression between the braces or write `{{}}` for literal braces")]
    [InlineData("\"{x +}\"", "(1,37): ZP0001: unexpected \"}\", expected expression")]
    [InlineData("\"{a b}\"", "(1,36): ZP0001: unexpected identifier \"b\", expected \"}\"")]
    [InlineData("\"{a # b}\"", "(1,36): ZP0003: invalid character `#`")]
    [InlineData("\"{a == \\\"\\\\q\\\"}\"", "(1,41): ZP0004: invalid escape sequence `\\q` in string; use `\\\"`, `\\\\`, `\\n` or `\\t`")]
    [InlineData("\"{d == @2026-13-01}\"", "(1,39): ZP0005: invalid date `@2026-13-01`: there is no month 13")]
    public void A_broken_template_is_reported_where_the_mistake_is_written(string message, string expected) =>
        Assert.Equal(expected, Error($"{Prefix}{message} }}"));

    [Fact]
    public void A_hole_nested_too_deeply_is_reported_at_the_level_that_crosses_the_limit()
    {
        var hole = new string('(', 33) + "a" + new string(')', 33);
        Assert.Equal(
            "(1,66): ZP0007: expression nested too deeply (more than 32 levels)",
            Error($"{Prefix}\"{{{hole}}}\" }}"));
    }

    [Fact]
    public void Other_strings_are_plain_text()
    {
        var rule = Valid("rule T \"{not} a {template\" { category \"{x}\" require x }").Rules[0];
        Assert.Equal("{not} a {template", rule.Title.Value);
        Assert.Equal("{x}", ((CategoryClause)rule.Clauses[0]).Category.Value);
    }
}
