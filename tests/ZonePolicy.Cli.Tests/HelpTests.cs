using Xunit;

namespace ZonePolicy.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_lists_the_commands(string option)
    {
        var outcome = Cli.Run(Engines.Unreachable, Path.GetTempPath(), option);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("check <topology.json>", outcome.Out);
        Assert.Equal("", outcome.Error);
    }

    [Fact]
    public void Check_help_lists_every_option()
    {
        var outcome = Cli.Run(Engines.Unreachable, Path.GetTempPath(), "check", "--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var option in new[] { "<topology.json>", "--rules <file-or-dir>", "--pack <name[@versions]>", "--pack-dir <dir>", "--trust <pack>", "--no-feeds", "--lock-file <file>", "--locked", "--param <name=value>", "--severity <ID=level>", "--today <yyyy-MM-dd>", "--format <text|json|sarif|markdown|junit|html|dot|mermaid>", "--output <file>", "--baseline <file>", "--warnaserror" })
        {
            Assert.Contains(option, outcome.Out);
        }
    }

    [Fact]
    public void Diff_help_lists_the_rule_options_of_check_and_takes_packs_from_feeds_as_check_does()
    {
        var outcome = Cli.Run(Engines.Unreachable, Path.GetTempPath(), "diff", "--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var option in new[] { "<before.json>", "<after.json>", "--rules <file-or-dir>", "--pack <name[@versions]>", "--pack-dir <dir>", "--trust <pack>", "--no-feeds", "--lock-file <file>", "--locked", "--param <name=value>", "--severity <ID=level>", "--today <yyyy-MM-dd>", "--output <file>", "NuGet feeds" })
        {
            Assert.Contains(option, outcome.Out);
        }

        Assert.DoesNotContain("never a feed", outcome.Out);
        Assert.DoesNotContain("--project", outcome.Out);
    }

    [Fact]
    public void Check_compliance_and_explain_offer_the_same_project_and_rule_options_in_the_same_words()
    {
        var helps = new[] { "check", "compliance", "explain" }.Select(RuleOptionsHelp).ToList();

        Assert.Equal(
            ["--project", "--rules", "--pack", "--pack-dir", "--trust", "--no-feeds", "--lock-file", "--locked", "--param", "--severity", "--today"],
            System.Text.RegularExpressions.Regex.Matches(helps[0], @"(?<=^| )--[a-z-]+(?= <| [A-Z])").Select(m => m.Value));
        Assert.All(helps, help => Assert.Equal(helps[0], help));
    }

    /// <summary>The help from the project option to the end of the date option's description, with its layout (column widths, wrapping) left out.</summary>
    private static string RuleOptionsHelp(string command)
    {
        var help = string.Join(' ', Cli.Run(Engines.Unreachable, Path.GetTempPath(), command, "--help").Out.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var first = help.IndexOf("--project <", StringComparison.Ordinal);
        var today = help.IndexOf("--today <", StringComparison.Ordinal);
        var last = help.IndexOf(" --", today + 1, StringComparison.Ordinal);
        Assert.True(first >= 0 && today > first && last > today, command);
        return help[first..last];
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var outcome = Cli.Run(Engines.Unreachable, Path.GetTempPath(), "--version");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", outcome.Out);
    }
}
