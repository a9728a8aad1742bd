using System.Runtime.CompilerServices;
using CsCheck;
using ZonePolicy.Formatting;
using ZonePolicy.Syntax;

namespace ZonePolicy.Tests.Formatting;

/// <summary>
/// Formatting keeps the meaning and the comments of every rule file and is idempotent: over every rule file in
/// the repository, and over generated programs with comments and white space in random places.
/// </summary>
public sealed class FormatterPropertyTests
{
    public static TheoryData<string> RepositoryRuleFiles => [.. RuleFiles()];

    [Theory]
    [MemberData(nameof(RepositoryRuleFiles))]
    public void Formatting_a_rule_file_of_the_repository_keeps_its_meaning_and_comments(string file)
    {
        FormatterInvariants.AssertFormatsSafely(File.ReadAllText(Path.Combine(RepositoryRoot(), file)));
    }

    [Fact]
    public void Every_shipped_pack_and_sample_rule_file_is_formatted()
    {
        var shipped = RuleFiles().Where(f => f.StartsWith("rules/", StringComparison.Ordinal) || f.StartsWith("samples/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(shipped);
        Assert.All(shipped, file =>
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot(), file));
            Assert.True(text == RuleFormatter.Format(text, file).Text, $"{file} is not formatted; run `zpol fmt {file}`");
        });
    }

    [Fact]
    public void Formatting_generated_programs_keeps_their_meaning_and_comments()
    {
        ProgramGenerator.Program.Sample(text => { FormatterInvariants.AssertFormatsSafely(text); }, iter: 150);
    }

    [Fact]
    public void Formatting_generated_programs_with_windows_line_ends_gives_the_same_text()
    {
        ProgramGenerator.Program.Sample(text =>
        {
            var unix = RuleFormatter.Format(text, "input.zpol").Text;
            Assert.Equal(unix, RuleFormatter.Format(text.ReplaceLineEndings("\r\n"), "input.zpol").Text);
        }, iter: 50);
    }

    [Fact]
    public void A_rule_file_with_a_byte_order_mark_formats_without_it()
    {
        Assert.Equal("param a = 1\n", RuleFormatter.Format("\uFEFFparam a=1", "input.zpol").Text);
    }

    private static IEnumerable<string> RuleFiles() => Directory
        .EnumerateFiles(RepositoryRoot(), "*.zpol", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepositoryRoot(), f).Replace('\\', '/'))
        .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.StartsWith('.'))
        .Order(StringComparer.Ordinal);

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
