using System.Xml.Linq;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Reporting;

/// <summary>The Markdown and JUnit reports: what CI systems and pull requests show.</summary>
public sealed class SummaryReporterTests
{
    private static readonly CheckResult Result = DemoSite.Check();

    [Fact]
    public void Markdown_gives_counts_findings_by_rule_and_the_most_severe_findings_first() =>
        Approvals.Verify(DemoSite.Write(Result, ReportFormat.Markdown));

    [Fact]
    public void Markdown_stays_within_its_size_cap_and_says_how_many_findings_it_left_out()
    {
        var many = Enumerable.Range(0, 5000)
            .Select(i => new Diagnostic("R-X", Severity.Warning, $"finding {i} " + new string('x', 300), SourceLocation.At("site.json", i + 1, 5)))
            .ToArray();

        var markdown = SampleResults.Write(SampleResults.Of(many), ReportFormat.Markdown);

        Assert.True(markdown.Length <= MarkdownReporter.MaxCharacters, $"{markdown.Length} characters");
        Assert.Contains($"_Showing {MarkdownReporter.MaxFindings} of 5000 findings", markdown);
    }

    [Fact]
    public void Markdown_keeps_a_message_in_its_table_cell_and_its_names_in_code()
    {
        var hostile = new Diagnostic("R-X", Severity.Error, "`a|b` has <script>alert(1)</script> | and *stars*\nand a break", SourceLocation.At("site.json", 3, 5));

        var markdown = SampleResults.Write(SampleResults.Of(hostile), ReportFormat.Markdown);
        var row = markdown.Split('\n').Single(l => l.Contains("`site.json:3:5`", StringComparison.Ordinal));

        Assert.EndsWith(" | `site.json:3:5` | `a\\|b` has \\<script\\>alert(1)\\</script\\> \\| and \\*stars\\* and a break |", row);
    }

    [Fact]
    public void Junit_makes_each_rule_a_test_case_per_site_and_each_violation_a_failure()
    {
        var suites = XDocument.Parse(DemoSite.Write(Result, ReportFormat.Junit)).Root!;
        var suite = Assert.Single(suites.Elements("testsuite"));

        Assert.Equal("demo.topology.json", (string?)suite.Attribute("name"));
        Assert.Equal(
            ["R-ENC: Flows between zones are encrypted", "R-OS: Operating systems are supported", "R-REACH: External zones reach SL 3 zones only through a firewall", "R-SL: Assets meet their zone's security level"],
            suite.Elements("testcase").Select(c => (string?)c.Attribute("name")));
        Assert.All(suite.Elements("testcase"), c => Assert.Equal("demo.reports", (string?)c.Attribute("classname")));
        var failures = suite.Elements("testcase").ToDictionary(c => ((string)c.Attribute("name")!)[..c.Attribute("name")!.Value.IndexOf(':')], c => c.Elements("failure").Select(f => (string?)f.Attribute("type")).ToList());
        Assert.Equal(["info", "info"], failures["R-ENC"]);
        Assert.Equal(["error"], failures["R-OS"]);
        Assert.Equal(["error"], failures["R-REACH"]);
        Assert.Equal(["warning"], failures["R-SL"]);
        Assert.Equal(("4", "5", "0"), ((string?)suites.Attribute("tests"), (string?)suites.Attribute("failures"), (string?)suites.Attribute("errors")));
    }

    [Fact]
    public void Junit_shows_the_witness_path_in_the_failure_and_waived_violations_in_system_out()
    {
        var cases = XDocument.Parse(DemoSite.Write(Result, ReportFormat.Junit)).Descendants("testcase").ToList();

        var reach = cases.Single(c => c.Attribute("name")!.Value.StartsWith("R-REACH", StringComparison.Ordinal)).Element("failure")!.Value;
        Assert.Contains("path: asset cloud-svc -> flow f-cloud-pc -> asset pc-1 -> flow f-pc-hist -> asset historian", reach);
        var waived = cases.Single(c => c.Attribute("name")!.Value.StartsWith("R-OS", StringComparison.Ordinal)).Element("system-out")!.Value;
        Assert.StartsWith("waived until 2027-06-30 (air-gapped test bench): demo.topology.json(", waived);
    }

    [Fact]
    public void Junit_reports_input_errors_as_errors_of_a_zpol_suite()
    {
        var suites = XDocument.Parse(SampleResults.Write(new CheckResult { Diagnostics = [SampleResults.DanglingReference], Suppressed = [], Rules = [], InputInvalid = true }, ReportFormat.Junit)).Root!;

        var suite = Assert.Single(suites.Elements("testsuite"));
        Assert.Equal("zpol", (string?)suite.Attribute("name"));
        var error = Assert.Single(suite.Descendants("error"));
        Assert.Equal(SampleResults.DanglingReference.Message, (string?)error.Attribute("message"));
        Assert.Equal("1", (string?)suites.Attribute("errors"));
    }

    [Fact]
    public void Junit_replaces_characters_xml_cannot_hold()
    {
        var control = new Diagnostic("R-X", Severity.Error, "bell \u0007 and lone \ud800 surrogate, pair \ud83d\ude00", SourceLocation.At("site.json", 3, 5));

        var failure = XDocument.Parse(SampleResults.Write(SampleResults.Of(control), ReportFormat.Junit)).Descendants("failure").Single();

        Assert.Equal("bell \uFFFD and lone \uFFFD surrogate, pair \ud83d\ude00", (string?)failure.Attribute("message"));
    }
}
