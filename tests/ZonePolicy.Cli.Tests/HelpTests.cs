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
    public void Diff_help_lists_the_rule_options_it_takes_and_says_its_packs_come_from_folders()
    {
        var outcome = Cli.Run(Engines.Unreachable, Path.GetTempPath(), "diff", "--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var option in new[] { "<before.json>", "<after.json>", "--rules <file-or-dir>", "--pack <name[@versions]>", "--pack-dir <dir>", "--param <name=value>", "--severity <ID=level>", "--today <yyyy-MM-dd>", "--output <file>", "never a feed" })
        {
            Assert.Contains(option, outcome.Out);
        }

        Assert.DoesNotContain("--no-feeds", outcome.Out);
        Assert.DoesNotContain("NuGet feeds", outcome.Out);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var outcome = Cli.Run(Engines.Unreachable, Path.GetTempPath(), "--version");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", outcome.Out);
    }
}
