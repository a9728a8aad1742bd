using Xunit;
using ZonePolicy.Syntax;
using static ZonePolicy.Tests.Syntax.Parsing;

namespace ZonePolicy.Tests.Syntax;

public class DeclarationParserTests
{
    [Theory]
    [InlineData("pack example.zoning version \"1.0.0\" title \"Example\"", "(pack example.zoning :version \"1.0.0\" :title \"Example\")")]
    [InlineData("pack meti", "(pack meti)")]
    [InlineData("pack semi.e187.in version \"2.1.0\"", "(pack semi.e187.in :version \"2.1.0\")")]
    [InlineData("pack a.b title \"t\"", "(pack a.b :title \"t\")")]
    public void A_pack_has_a_dotted_name_and_an_optional_version_and_title(string text, string expected) =>
        Assert.Equal(expected, SyntaxPrinter.Print(Valid(text)));

    [Fact]
    public void Imports_name_relative_paths()
    {
        Assert.Equal("(import \"common/zones.zpol\")\n(import \"../x.zpol\")", SyntaxPrinter.Print(Valid("import \"common/zones.zpol\"\nimport \"../x.zpol\"")));
    }

    [Theory]
    [InlineData("param max_sl_gap = 1", "(param max_sl_gap 1)")]
    [InlineData("param ratio = 0.5", "(param ratio 0.5m)")]
    [InlineData("param offset = -2", "(param offset -2)")]
    [InlineData("param owner = \"ops\"", "(param owner \"ops\")")]
    [InlineData("param cutoff = @2027-01-01", "(param cutoff @2027-01-01)")]
    [InlineData("param strict = true", "(param strict true)")]
    [InlineData("param allowed = [\"antivirus\", \"allowlist\"]", "(param allowed [\"antivirus\" \"allowlist\"])")]
    [InlineData("param none_yet = []", "(param none_yet [])")]
    public void A_param_is_a_literal_or_a_list_of_literals(string text, string expected) =>
        Assert.Equal(expected, SyntaxPrinter.Print(Valid(text)));

    [Theory]
    [InlineData("let limit = 3 * 2", "(let limit (* 3 2))")]
    [InlineData("let is_boundary(a) = a.type in [\"firewall\"]", "(let is_boundary (a) (in (. a type) [\"firewall\"]))")]
    [InlineData("let between(x, lo, hi) = x >= lo and x <= hi", "(let between (x lo hi) (and (>= x lo) (<= x hi)))")]
    [InlineData("let always() = true", "(let always () true)")]
    public void A_let_is_a_constant_or_a_helper_function(string text, string expected) =>
        Assert.Equal(expected, SyntaxPrinter.Print(Valid(text)));

    [Fact]
    public void A_constant_has_no_parameter_list_and_a_function_of_no_parameters_has_an_empty_one()
    {
        var unit = Valid("let c = 1\nlet f() = 1");
        Assert.Null(unit.Lets[0].Parameters);
        Assert.Empty(unit.Lets[1].Parameters!);
    }

    [Fact]
    public void A_rule_keeps_every_clause_in_source_order()
    {
        var text = """
            rule E187-OS-01 "supported operating system" {
              severity error
              category "patching"
              refs "SEMI E187 6.1", "IEC 62443-3-3 SR 3.4"
              help "docs/E187-OS-01.md"
              sameAs "IEC-OS-01", "METI-SW-04"
              for asset a where has(a.os)
              for flow f in a.flowsIn
              let limit = today + days(90)
              require a.os.endOfSupport > limit
              at a
              message "{a} runs {a.os.name}"
            }
            """;
        Assert.Equal(
            """
            (rule E187-OS-01 "supported operating system"
              (severity error)
              (category "patching")
              (refs "SEMI E187 6.1" "IEC 62443-3-3 SR 3.4")
              (help "docs/E187-OS-01.md")
              (sameAs "IEC-OS-01" "METI-SW-04")
              (for asset a :where (call has (. a os)))
              (for flow f :in (. a flowsIn))
              (let limit (+ today (call days 90)))
              (require (> (. (. a os) endOfSupport) limit))
              (at a)
              (message {a} " runs " {(. (. a os) name)}))
            """.ReplaceLineEndings("\n"),
            SyntaxPrinter.Print(Valid(text)));
    }

    [Fact]
    public void Clauses_may_come_in_any_order_and_repeat_the_binder_checks_them()
    {
        Assert.Equal(
            "(rule T \"t\"\n  (message \"m\")\n  (forbid x)\n  (severity info)\n  (severity warning)\n  (require y))",
            Rule("message \"m\" forbid x severity info severity warning require y"));
    }

    [Theory]
    [InlineData("severity error", "(severity error)")]
    [InlineData("severity warning", "(severity warning)")]
    [InlineData("severity info", "(severity info)")]
    public void Severity_takes_one_of_the_three_levels(string clause, string expected) =>
        Assert.Equal($"(rule T \"t\"\n  {expected}\n  (require x))", Rule($"{clause} require x"));

    [Theory]
    [InlineData("for zone z", "(for zone z)")]
    [InlineData("for flow f in a.flowsIn", "(for flow f :in (. a flowsIn))")]
    [InlineData("for zone z where z.kind == \"external\"", "(for zone z :where (== (. z kind) \"external\"))")]
    [InlineData("for flow f in flows where f.control", "(for flow f :in flows :where (. f control))")]
    public void A_for_clause_has_a_kind_a_variable_and_an_optional_source_and_filter(string clause, string expected) =>
        Assert.Equal($"(rule T \"t\"\n  {expected}\n  (require x))", Rule($"{clause} require x"));

    [Fact]
    public void Forbid_is_a_condition_clause_marked_as_forbidding()
    {
        var rule = Valid("rule T \"t\" { forbid a.authentication.defaultCredentials }").Rules.Single();
        Assert.True(((ConditionClause)rule.Clauses.Single()).IsForbid);
    }

    [Fact]
    public void Declarations_are_gathered_by_kind()
    {
        var unit = Valid("pack p\nimport \"a.zpol\"\nparam x = 1\nparam y = 2\nlet z = x\nrule A \"a\" { require z }\nrule B \"b\" { require z }");
        Assert.Equal("p", unit.Pack!.Name.Name);
        Assert.Single(unit.Imports);
        Assert.Equal(["x", "y"], unit.Params.Select(p => p.Name.Name));
        Assert.Single(unit.Lets);
        Assert.Equal(["A", "B"], unit.Rules.Select(r => r.Id.Name));
        Assert.Equal(FileName, unit.File);
    }

    [Fact]
    public void An_empty_file_or_one_of_only_comments_is_an_empty_compilation_unit()
    {
        foreach (var text in new[] { "", "  \n", "// nothing\n/* at all */" })
        {
            var unit = Valid(text);
            Assert.Null(unit.Pack);
            Assert.Empty(unit.Rules);
        }
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var unit = Valid("\uFEFFrule A \"a\" { require x }");
        Assert.Equal("(1,1)-(1,25)", Span(unit.Rules[0].Location));
    }

    [Fact]
    public void Windows_line_endings_are_accepted()
    {
        var unit = Valid("rule A \"a\" {\r\n  require x\r\n}\r\n");
        Assert.Equal("(2,3)-(2,12)", Span(unit.Rules[0].Clauses[0].Location));
    }
}
