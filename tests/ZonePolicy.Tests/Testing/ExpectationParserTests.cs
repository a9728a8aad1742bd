using ZonePolicy.Diagnostics;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Testing;

public class ExpectationParserTests
{
    private static (TestDirectives Directives, List<Diagnostic> Diagnostics) Parse(string text, DirectiveFile kind = DirectiveFile.Expectation)
    {
        var diagnostics = new List<Diagnostic>();
        var directives = ExpectationParser.Parse("case.expect", text, kind, diagnostics);
        return (directives, diagnostics);
    }

    [Fact]
    public void Expected_lines_carry_the_rule_id_and_the_bound_entities_in_order()
    {
        var (directives, diagnostics) = Parse("METI-ZN-01 zone-a\nIEC-ZC-05 ext, cell\nZP0302\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["METI-ZN-01 zone-a", "IEC-ZC-05 ext,cell", "ZP0302"], directives.Expected.Select(e => e.Key));
        Assert.Equal(["ext", "cell"], directives.Expected[1].Entities);
        Assert.Equal((2, 1), (directives.Expected[1].Location.Line, directives.Expected[1].Location.Column));
    }

    [Fact]
    public void Comments_and_blank_lines_are_ignored()
    {
        var (directives, diagnostics) = Parse("# the OA zone\n\n   \nE187-OS-01 pc-1   # support ended\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["E187-OS-01 pc-1"], directives.Expected.Select(e => e.Key));
    }

    [Fact]
    public void Directives_set_the_date_the_parameters_and_the_rules_in_scope()
    {
        var (directives, diagnostics) = Parse("today 2026-06-01\nparam max_cvss = 9.0\nparam label=\"a # b\"\nonly A-1, B-2 C-3\n");

        Assert.Empty(diagnostics);
        Assert.Equal(new DateOnly(2026, 6, 1), directives.Today);
        Assert.Equal([new("max_cvss", "9.0"), new("label", "\"a # b\"")], directives.Parameters);
        Assert.Equal(["A-1", "B-2", "C-3"], directives.Only!.Select(r => r.Id));
        Assert.True(directives.InScope("B-2"));
        Assert.False(directives.InScope("D-4"));
    }

    [Fact]
    public void Severity_settings_are_kept_with_where_they_are_written_and_a_later_one_replaces_an_earlier()
    {
        var (directives, diagnostics) = Parse("severity ZP0240=none\nseverity A-1 = info\nseverity zp0240=warning\n");

        Assert.Empty(diagnostics);
        Assert.Equal([("A-1", "info"), ("zp0240", "warning")], directives.Severities.Select(s => (s.Id, s.Level)));
        Assert.Equal((3, 10), (directives.Severities[1].Location.Line, directives.Severities[1].Location.Column));
    }

    [Fact]
    public void Without_only_every_rule_is_in_scope()
    {
        var (directives, _) = Parse("A-1 x\n");

        Assert.True(directives.InScope("ANY-RULE"));
    }

    [Fact]
    public void Settings_accept_require_coverage()
    {
        var (directives, diagnostics) = Parse("today @2026-06-01\nrequire-coverage\n", DirectiveFile.Settings);

        Assert.Empty(diagnostics);
        Assert.True(directives.RequireCoverage);
        Assert.Equal(new DateOnly(2026, 6, 1), directives.Today);
    }

    [Theory]
    [InlineData("today 2026-13-01\n", 1, 7, "`2026-13-01` is not a date; write `today yyyy-MM-dd`")]
    [InlineData("A-1 x\n  9bad x\n", 2, 3, "`9bad` is not a rule id; expected `RULE-ID entity[,entity...]`, `only`, `today`, `param` or `severity`")]
    [InlineData("A-1 x,,y\n", 1, 5, "`x,,y` has an empty entity id; separate entity ids with single commas")]
    [InlineData("A-1 x\nA-1 x\n", 2, 1, "`A-1 x` is expected twice; remove one line")]
    [InlineData("only A-1\nonly B-2\n", 2, 1, "`only` is given twice; list every rule on one `only` line")]
    [InlineData("only\n", 1, 1, "`only` needs at least one rule id")]
    [InlineData("only A-1 b_c\n", 1, 10, "`b_c` is not a rule id")]
    [InlineData("param 1x=2\n", 1, 7, "`1x=2` is not a parameter override; write `param name=value`")]
    [InlineData("param x=\n", 1, 7, "`x=` is not a parameter override; write `param name=value`")]
    [InlineData("today 2026-01-01\ntoday 2026-01-02\n", 2, 1, "`today` is set twice; keep one `today` line")]
    [InlineData("require-coverage\n", 1, 1, "`require-coverage` applies to the whole pack; move it to tests/settings")]
    [InlineData("severity ZP0240\n", 1, 10, "`ZP0240` is not a severity setting; write `severity ID=level`")]
    [InlineData("severity 9x=none\n", 1, 10, "`9x=none` is not a severity setting; write `severity ID=level`")]
    [InlineData("severity A-1=\n", 1, 10, "`A-1=` is not a severity setting; write `severity ID=level`")]
    public void Mistakes_in_an_expectation_file_are_reported_at_their_line_and_column(string text, int line, int column, string message)
    {
        var (_, diagnostics) = Parse(text);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.InvalidTestExpectation, diagnostic.Id);
        Assert.Equal(("case.expect", line, column), (diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal(message, diagnostic.Message);
    }

    [Theory]
    [InlineData("only A-1\n", 1, 1, "unknown setting `only`; expected `today`, `param`, `severity` or `require-coverage`")]
    [InlineData("A-1 x\n", 1, 1, "unknown setting `A-1`; expected `today`, `param`, `severity` or `require-coverage`")]
    [InlineData("require-coverage yes\n", 1, 18, "`require-coverage` takes no value; remove `yes`")]
    public void Mistakes_in_the_settings_file_are_reported_at_their_line_and_column(string text, int line, int column, string message)
    {
        var (_, diagnostics) = Parse(text, DirectiveFile.Settings);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.InvalidTestExpectation, diagnostic.Id);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        var (directives, diagnostics) = Parse("only A-1\r\nA-1 x\r\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["A-1 x"], directives.Expected.Select(e => e.Key));
    }
}
