using System.Text.Json;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;
using ZonePolicy.Testing;
using Xunit;

namespace ZonePolicy.Tests.Reporting;

public sealed class SarifReporterTests
{
    [Fact]
    public void Writes_a_sarif_log_with_rules_results_code_flows_and_suppressions() =>
        Approvals.Verify(SampleResults.Write(SampleResults.Mixed(), ReportFormat.Sarif).Replace(Reporter.ToolVersion, "<version>"));

    [Fact]
    public void Names_the_version_schema_and_tool()
    {
        var log = Parse(SampleResults.Of());

        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", log.GetProperty("$schema").GetString());
        var driver = Run(log).GetProperty("tool").GetProperty("driver");
        Assert.Equal("zpol", driver.GetProperty("name").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", driver.GetProperty("semanticVersion").GetString());
    }

    [Fact]
    public void Rules_hold_every_rule_that_ran_and_every_engine_id_reported_ordered_by_id()
    {
        var ids = Rules(Parse(SampleResults.Mixed())).Select(r => r.GetProperty("id").GetString());

        Assert.Equal(["EX-ANY", "EX-EP", "EX-LOG", "EX-OS", "ZP0203", "ZP0301", "ZP0303"], ids);
    }

    [Fact]
    public void A_rule_carries_its_title_help_level_and_category()
    {
        var rule = Rules(Parse(SampleResults.Mixed())).Single(r => r.GetProperty("id").GetString() == "EX-OS");

        Assert.Equal("OperatingSystemSupportDateIsKnownAndInTheFuture", rule.GetProperty("name").GetString());
        Assert.Equal("operating system support date is known and in the future", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("https://zonepolicy.dev/rules/EX-OS", rule.GetProperty("helpUri").GetString());
        Assert.Contains("- SEMI E187 6.1", rule.GetProperty("help").GetProperty("markdown").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal(["lifecycle"], rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void An_engine_id_is_described_from_the_catalog_and_tagged_with_its_range()
    {
        var rule = Rules(Parse(SampleResults.Mixed())).Single(r => r.GetProperty("id").GetString() == "ZP0203");

        Assert.Equal(DiagnosticDescriptors.Get("ZP0203").Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal(DiagnosticDescriptor.HelpUri("ZP0203"), rule.GetProperty("helpUri").GetString());
        Assert.Equal(["topology"], rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Every_result_points_at_its_rule_by_index()
    {
        var log = Parse(SampleResults.Mixed());
        var rules = Rules(log).ToList();

        foreach (var result in Results(log))
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        }
    }

    [Fact]
    public void Severities_become_sarif_levels()
    {
        var levels = Results(Parse(SampleResults.Mixed())).ToDictionary(r => r.GetProperty("ruleId").GetString()!, r => r.GetProperty("level").GetString());

        Assert.Equal("error", levels["EX-OS"]);
        Assert.Equal("warning", levels["ZP0303"]);
        Assert.Equal("note", levels["EX-ANY"]);
    }

    [Fact]
    public void A_result_is_located_by_a_relative_uri_under_the_source_root_and_a_region()
    {
        var location = Result(SampleResults.Violation).GetProperty("locations")[0].GetProperty("physicalLocation");

        Assert.Equal("site.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = location.GetProperty("region");
        Assert.Equal([8, 5, 8, 121], new[] { "startLine", "startColumn", "endLine", "endColumn" }.Select(p => region.GetProperty(p).GetInt32()));
    }

    [Theory]
    [InlineData("/plant/site #2/100% line.json", "file:///plant/site%20%232/100%25%20line.json")]
    [InlineData("/plant/a?b/c.json", "file:///plant/a%3Fb/c.json")]
    [InlineData("/plant/ünicode.json", "file:///plant/%C3%BCnicode.json")]
    public void An_absolute_path_becomes_a_file_uri_with_every_segment_escaped(string file, string uri)
    {
        var diagnostic = new Diagnostic(DiagnosticIds.InvalidJson, Severity.Error, "unexpected end of input", SourceLocation.At(file, 1, 1));

        Assert.Equal(uri, Result(diagnostic).GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void A_rule_without_a_help_link_has_no_help_uri_and_the_log_stays_valid()
    {
        var rule = SampleResults.Logging with { HelpUri = "" };
        var violation = new Diagnostic("EX-LOG", Severity.Warning, "plc-1 does not log", SourceLocation.At(SampleResults.Site, 3, 5)) { Rule = rule, Entities = ["plc-1"] };

        var descriptor = Assert.Single(Rules(Parse(new CheckResult { Diagnostics = [violation], Suppressed = [], Rules = [rule], InputInvalid = false })));

        Assert.False(descriptor.TryGetProperty("helpUri", out _));
        Assert.Equal(rule.Title, descriptor.GetProperty("help").GetProperty("text").GetString());
    }

    [Fact]
    public void The_schema_check_refuses_an_empty_help_uri_and_an_unescaped_file_uri()
    {
        var log = SampleResults.Write(SampleResults.Of(SampleResults.Violation with { Rule = null }), ReportFormat.Sarif);
        var withEmptyHelp = log.Replace("\"helpUri\": \"https://zonepolicy.dev/docs/diagnostics/EX-OS\"", "\"helpUri\": \"\"", StringComparison.Ordinal);
        var withBadUri = log.Replace("\"uri\": \"site.json\"", "\"uri\": \"file:///a b#c\"", StringComparison.Ordinal);

        Assert.NotEqual(log, withEmptyHelp);
        Assert.NotEqual(log, withBadUri);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ZonePolicy.Tests.Shared.SarifSchema.AssertValid(withEmptyHelp));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ZonePolicy.Tests.Shared.SarifSchema.AssertValid(withBadUri));
    }

    [Theory]
    [InlineData("rules/site rules.zpol", "rules/site%20rules.zpol")]
    [InlineData(@"sites\north\line.json", "sites/north/line.json")]
    [InlineData("./site.json", "site.json")]
    public void A_relative_path_becomes_a_forward_slash_uri(string file, string uri)
    {
        var diagnostic = new Diagnostic(DiagnosticIds.InvalidJson, Severity.Error, "unexpected end of input", SourceLocation.At(file, 1, 1));

        Assert.Equal(uri, Result(diagnostic).GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void An_absolute_path_becomes_a_file_uri_without_a_base()
    {
        var file = Path.Combine(Path.GetTempPath(), "north site", "line.json");
        var diagnostic = new Diagnostic(DiagnosticIds.InvalidJson, Severity.Error, "unexpected end of input", SourceLocation.At(file, 1, 1));

        var artifact = Result(diagnostic).GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

        Assert.Equal(new Uri(file).AbsoluteUri, artifact.GetProperty("uri").GetString());
        Assert.StartsWith("file:///", artifact.GetProperty("uri").GetString());
        Assert.False(artifact.TryGetProperty("uriBaseId", out _));
    }

    [Fact]
    public void A_diagnostic_without_a_position_has_a_location_without_a_region()
    {
        var diagnostic = new Diagnostic(DiagnosticIds.FileNotFound, Severity.Error, "topology file `missing.json` does not exist", SourceLocation.InFile("missing.json"));

        var location = Result(diagnostic).GetProperty("locations")[0].GetProperty("physicalLocation");

        Assert.Equal("missing.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(location.TryGetProperty("region", out _));
    }

    [Fact]
    public void A_command_line_diagnostic_has_no_location()
    {
        var diagnostic = new Diagnostic(DiagnosticIds.InvalidArgument, Severity.Error, "unknown option `--fromat`", SourceLocation.CommandLine);

        Assert.False(Result(diagnostic).TryGetProperty("locations", out _));
    }

    [Fact]
    public void A_violation_relates_to_where_its_rule_is_declared()
    {
        var related = Assert.Single(Result(SampleResults.Violation).GetProperty("relatedLocations").EnumerateArray());

        Assert.Equal("rule `EX-OS` is declared here", related.GetProperty("message").GetProperty("text").GetString());
        var location = related.GetProperty("physicalLocation");
        Assert.Equal("rules/site%20rules.zpol", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void A_witness_path_is_one_thread_flow_with_a_location_per_step()
    {
        var flow = Assert.Single(Result(SampleResults.Reachability).GetProperty("codeFlows").EnumerateArray());
        var steps = Assert.Single(flow.GetProperty("threadFlows").EnumerateArray()).GetProperty("locations").EnumerateArray().Select(s => s.GetProperty("location")).ToList();

        Assert.Equal(
            ["asset `svc`", "flow `up`", "asset `fw-e`", "flow `up`", "asset `proxy`"],
            steps.Select(s => s.GetProperty("message").GetProperty("text").GetString()));
        Assert.Equal(
            [13, 22, 14, 22, 15],
            steps.Select(s => s.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()));
    }

    [Fact]
    public void A_waived_result_is_in_results_with_an_accepted_external_suppression_giving_the_reason()
    {
        var waived = Results(Parse(SampleResults.Mixed())).Single(r => r.GetProperty("ruleId").GetString() == "EX-EP");

        var suppression = Assert.Single(waived.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("accepted", suppression.GetProperty("status").GetString());
        Assert.Equal("vendor forbids agents", suppression.GetProperty("justification").GetString());
        Assert.Equal(27, suppression.GetProperty("location").GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void A_result_suppressed_by_the_baseline_says_so()
    {
        var result = new CheckResult { Diagnostics = [], Suppressed = [SampleResults.Violation], Rules = [], InputInvalid = false };

        var suppression = Results(Parse(result)).Single().GetProperty("suppressions")[0];

        Assert.Equal("accepted in the baseline", suppression.GetProperty("justification").GetString());
    }

    [Fact]
    public void Results_in_force_have_no_suppressions() =>
        Assert.False(Result(SampleResults.Violation).TryGetProperty("suppressions", out _));

    [Fact]
    public void The_fingerprint_is_the_rule_and_entities_not_the_place()
    {
        var moved = SampleResults.Violation with { Location = new SourceLocation("site.json", 40, 9, 40, 130), Message = "reworded" };
        var other = SampleResults.Violation with { Entities = ["hmi-2"] };

        Assert.Equal(Fingerprint(SampleResults.Violation), Fingerprint(moved));
        Assert.NotEqual(Fingerprint(SampleResults.Violation), Fingerprint(other));
        Assert.False(Result(SampleResults.DanglingReference).TryGetProperty("partialFingerprints", out _));
    }

    [Fact]
    public void Same_result_gives_the_same_bytes_with_newline_line_ends()
    {
        var first = SampleResults.Write(SampleResults.Mixed(), ReportFormat.Sarif);

        Assert.Equal(first, SampleResults.Write(SampleResults.Mixed(), ReportFormat.Sarif));
        Assert.DoesNotContain('\r', first);
    }

    private static string? Fingerprint(Diagnostic diagnostic) =>
        Result(diagnostic).GetProperty("partialFingerprints").GetProperty("ruleIdentity/v1").GetString();

    private static JsonElement Result(Diagnostic diagnostic) =>
        Results(Parse(SampleResults.Of(diagnostic))).Single();

    private static JsonElement Parse(CheckResult result) =>
        JsonDocument.Parse(SampleResults.Write(result, ReportFormat.Sarif)).RootElement;

    private static JsonElement Run(JsonElement log) => Assert.Single(log.GetProperty("runs").EnumerateArray());

    private static IEnumerable<JsonElement> Rules(JsonElement log) =>
        Run(log).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray();

    private static IEnumerable<JsonElement> Results(JsonElement log) => Run(log).GetProperty("results").EnumerateArray();
}
