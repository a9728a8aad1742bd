using System.Xml.Linq;
using Xunit;
using ZonePolicy.Reporting;
using ZonePolicy.Testing;

namespace ZonePolicy.Cli.Tests;

/// <summary>The formats that describe sites: the CLI asks the engine for the sites and reports input errors in them.</summary>
public sealed class ReportFormatTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("markdown", ReportFormat.Markdown)]
    [InlineData("junit", ReportFormat.Junit)]
    [InlineData("html", ReportFormat.Html)]
    [InlineData("dot", ReportFormat.Dot)]
    [InlineData("mermaid", ReportFormat.Mermaid)]
    public void A_format_that_draws_the_site_asks_the_engine_to_describe_it_and_writes_the_reporter_output(string option, ReportFormat format)
    {
        CheckRequest? asked = null;
        var outcome = Cli.Run(request => PolicyEngine.Check(asked = request), temp.Path, Check("--format", option));

        Assert.True(asked!.DescribeSites);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(DemoSite.Write(DemoSite.Check(), format), outcome.Out.Replace(DemoSite.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void The_finding_formats_do_not_ask_for_the_site(string option)
    {
        CheckRequest? asked = null;
        Cli.Run(request => PolicyEngine.Check(asked = request), temp.Path, Check("--format", option));

        Assert.False(asked!.DescribeSites);
    }

    [Theory]
    [InlineData("markdown", "ZP0201")]
    [InlineData("junit", "ZP0201")]
    [InlineData("html", "ZP0201")]
    [InlineData("dot", "// ")]
    [InlineData("mermaid", "%% ")]
    public void A_broken_topology_is_reported_in_the_chosen_format_with_exit_code_2(string option, string marker)
    {
        var broken = temp.Write("broken.topology.json", "{ \"schemaVersion\": \"1\", }");

        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, ["check", broken, "--rules", DemoSite.Rules, "--format", option]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(marker, outcome.Out);
        Assert.Contains("ZP0201", outcome.Out);
        if (option == "junit")
        {
            Assert.Equal("error", XDocument.Parse(outcome.Out).Descendants("error").Single().Attribute("type")!.Value);
        }
    }

    [Fact]
    public void An_argument_error_is_reported_in_markdown_too()
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, ["check", DemoSite.Topology, "--rules", DemoSite.Rules, "--format", "markdown", "--today", "soon"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("## ZonePolicy: 1 error, 0 warnings, 0 infos", outcome.Out);
        Assert.Contains("`--today` takes a date", outcome.Out);
    }

    [Fact]
    public void An_unknown_format_names_every_format()
    {
        var outcome = Cli.Run(Engines.Unreachable, temp.Path, Check("--format", "pdf"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("`--format` takes text, json, sarif, markdown, junit, html, dot or mermaid, not `pdf`", outcome.Error);
    }

    private static string[] Check(params string[] options) =>
        ["check", DemoSite.Topology, "--rules", DemoSite.Rules, "--today", "2026-11-25", .. options];
}
