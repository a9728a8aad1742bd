using Xunit;
using static ZonePolicy.Tests.Syntax.Parsing;

namespace ZonePolicy.Tests.Syntax;

public class LexicalErrorTests
{
    private static string InRule(string condition) => Error($"rule T \"t\" {{ require {condition} }}");

    [Theory]
    [InlineData("\"abc }", "(1,22): ZP0002: unterminated string; close it with `\"` before the end of the line")]
    [InlineData("\"abc\\", "(1,22): ZP0002: unterminated string; close it with `\"` before the end of the line")]
    [InlineData("\"abc\\\" }", "(1,22): ZP0002: unterminated string; close it with `\"` before the end of the line")]
    [InlineData("\"a\\q", "(1,22): ZP0002: unterminated string; close it with `\"` before the end of the line")]
    public void An_unterminated_string_is_reported_at_its_opening_quote(string condition, string expected) =>
        Assert.Equal(expected, InRule(condition));

    [Fact]
    public void A_string_does_not_run_past_the_end_of_its_line()
    {
        Assert.Equal(
            ["(2,11): ZP0002: unterminated string; close it with `\"` before the end of the line"],
            Errors("rule A \"a\" {\n  require \"abc\n}\nrule B \"b\" { require x }"));
    }

    [Theory]
    [InlineData("a # b", "(1,24): ZP0003: invalid character `#`")]
    [InlineData("a && b", "(1,24): ZP0003: invalid character `&`; use `and`")]
    [InlineData("a || b", "(1,24): ZP0003: invalid character `|`; use `or`")]
    [InlineData("!a", "(1,22): ZP0003: invalid character `!`; use `not`, or `!=` to compare")]
    [InlineData("a == 'x y'", "(1,27): ZP0003: invalid character `'`; strings are written in double quotes")]
    [InlineData("café", "(1,25): ZP0003: invalid character `é`; identifiers use ASCII letters, digits and `_`")]
    [InlineData("a\u200B", "(1,23): ZP0003: invalid character U+200B")]
    [InlineData("a;", "(1,23): ZP0003: invalid character `;`")]
    public void An_invalid_character_is_reported_once_per_run(string condition, string expected) =>
        Assert.Equal(expected, InRule(condition));

    [Theory]
    [InlineData("\"a\\qb\"", "(1,24): ZP0004: invalid escape sequence `\\q` in string; use `\\\"`, `\\\\`, `\\n` or `\\t`")]
    [InlineData("\"\\r\"", "(1,23): ZP0004: invalid escape sequence `\\r` in string; use `\\\"`, `\\\\`, `\\n` or `\\t`")]
    public void An_invalid_escape_is_reported_at_its_backslash(string condition, string expected) =>
        Assert.Equal(expected, InRule(condition));

    [Fact]
    public void Each_invalid_escape_in_a_string_is_reported()
    {
        Assert.Equal(["(1,24): ZP0004", "(1,27): ZP0004"], DiagnosticsOf("rule T \"t\" { require \"a\\qb\\x\" }").Select(Where));
    }

    [Theory]
    [InlineData("@2026-02-30", "(1,22): ZP0005: invalid date `@2026-02-30`: 2026-02 has 28 days")]
    [InlineData("@2024-02-30", "(1,22): ZP0005: invalid date `@2024-02-30`: 2024-02 has 29 days")]
    [InlineData("@2026-04-31", "(1,22): ZP0005: invalid date `@2026-04-31`: 2026-04 has 30 days")]
    [InlineData("@2026-13-01", "(1,22): ZP0005: invalid date `@2026-13-01`: there is no month 13")]
    [InlineData("@2026-00-10", "(1,22): ZP0005: invalid date `@2026-00-10`: there is no month 00")]
    [InlineData("@0000-01-01", "(1,22): ZP0005: invalid date `@0000-01-01`: there is no year 0000")]
    [InlineData("@2026-3-1", "(1,22): ZP0005: invalid date `@2026-3-1`; write dates as `@yyyy-MM-dd`")]
    [InlineData("@today", "(1,22): ZP0005: invalid date `@today`; write dates as `@yyyy-MM-dd`")]
    [InlineData("@ 2026-01-01", "(1,22): ZP0005: invalid date `@`; write dates as `@yyyy-MM-dd`")]
    public void An_invalid_date_says_what_is_wrong_with_it(string condition, string expected) =>
        Assert.Equal(expected, InRule(condition));

    [Theory]
    [InlineData("12abc", "(1,22): ZP0006: invalid number `12abc`; write numbers like `42` or `7.5`")]
    [InlineData("1.2.3", "(1,22): ZP0006: invalid number `1.2.3`; write numbers like `42` or `7.5`")]
    [InlineData("1e5", "(1,22): ZP0006: invalid number `1e5`; write numbers like `42` or `7.5`")]
    [InlineData("99999999999999999999", "(1,22): ZP0006: number `99999999999999999999` is too large")]
    [InlineData("99999999999999999999999999999.5", "(1,22): ZP0006: number `99999999999999999999999999999.5` is too large")]
    public void An_invalid_number_is_reported_whole(string condition, string expected) =>
        Assert.Equal(expected, InRule(condition));

    [Fact]
    public void An_unterminated_block_comment_is_reported_where_it_opens()
    {
        Assert.Equal(
            ["(2,3): ZP0009: unterminated block comment; close it with `*/`"],
            Errors("rule T \"t\" { require x }\n  /* the rest\n rule U \"u\" { require y }"));
    }

    [Fact]
    public void A_file_with_a_nul_character_is_not_text()
    {
        var result = ZonePolicy.Syntax.RuleParser.Parse("rule T \"t\" {\n  re\0quire x }", FileName);
        Assert.Null(result.Unit);
        Assert.Equal(
            "(2,5): ZP0010: the file is not UTF-8 text: it contains a NUL character; rule files must be UTF-8 text",
            Format(Assert.Single(result.Diagnostics)));
    }

    [Fact]
    public void A_file_that_was_not_valid_utf8_is_not_text()
    {
        Assert.Equal(
            "(1,3): ZP0010: the file is not UTF-8 text: it contains bytes that are not valid UTF-8; rule files must be UTF-8 text",
            Error("ru\uFFFDle"));
    }

    [Fact]
    public void Every_lexical_mistake_in_a_file_is_reported()
    {
        Assert.Equal(
            ["(1,24): ZP0003", "(2,22): ZP0002", "(3,22): ZP0005", "(3,37): ZP0006"],
            DiagnosticsOf("rule A \"a\" { require a # b }\nrule B \"b\" { require \"abc }\nrule C \"c\" { require @2026-02-30 or 12x }").Select(Where));
    }
}
