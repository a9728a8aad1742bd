using System.Text.Json;
using ZonePolicy.Compliance;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting.Compliance;
using ZonePolicy.Tests.Compliance;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Reporting;

/// <summary>The compliance matrix in each format: every format shows each clause with the status the engine decided.</summary>
public sealed class ComplianceReporterTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Every_format_gives_each_clause_the_status_of_the_matrix()
    {
        var result = ComplianceTests.CheckDemo(workspace, ComplianceTests.Site);
        var expected = Assert.Single(Assert.Single(result.Compliance).Packs).Clauses.Select(c => (c.Id, c.Status.Name())).ToList();

        using var json = JsonDocument.Parse(Write(result, ComplianceFormat.Json));
        var pack = Assert.Single(Assert.Single(json.RootElement.GetProperty("sites").EnumerateArray()).GetProperty("packs").EnumerateArray());
        Assert.Equal(expected, pack.GetProperty("clauses").EnumerateArray().Select(c => (c.GetProperty("id").GetString()!, c.GetProperty("status").GetString()!.Replace('-', ' '))));
        Assert.Equal(1, pack.GetProperty("counts").GetProperty("failed").GetInt32());
        Assert.Equal(3, pack.GetProperty("counts").GetProperty("not-applicable").GetInt32());

        var rows = Write(result, ComplianceFormat.Csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("site,pack,clause,section,title,status,reason,rules,findings,", rows[0], StringComparison.Ordinal);
        Assert.Equal(expected, rows.Skip(1).Select(r => r.Split(',')).Select(cells => (cells[2], cells[5])));

        var markdown = Write(result, ComplianceFormat.Markdown);
        foreach (var (id, status) in expected)
        {
            Assert.Contains($"| `{id}` |", markdown);
        }

        Assert.Contains("| `STD 2` | Encryption between zones | **failed** | 1 finding | `D-ENC` | D-ENC ", markdown);

        var html = Write(result, ComplianceFormat.Html);
        Assert.Contains("<section id=\"compliance\">", html);
        Assert.Contains("<tr data-status=\"failed\"><td><code>STD 2</code></td>", html);
        Assert.Equal(expected.Count, html.Split("<tr data-status=").Length - 1);
    }

    [Fact]
    public void Missing_evidence_is_listed_before_the_matrix_and_named_in_each_clause()
    {
        var site = ComplianceTests.Site.Replace(ComplianceTests.Site[ComplianceTests.Site.IndexOf("\"attestations\"", StringComparison.Ordinal)..], "\"attestations\": []\n}");
        var result = ComplianceTests.CheckDemo(workspace, site);

        var markdown = Write(result, ComplianceFormat.Markdown);

        Assert.Contains("Problems to fix before the matrix can be trusted:\n\n- warning `ZP0240` ", markdown);
        Assert.True(markdown.IndexOf("ZP0240", StringComparison.Ordinal) < markdown.IndexOf("| clause |", StringComparison.Ordinal));
        Assert.Contains("| **evidence missing** | no attestation: the cloud provider", markdown);
        using var json = JsonDocument.Parse(Write(result, ComplianceFormat.Json));
        Assert.Equal("ZP0240", Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public void An_attestation_shows_its_evidence_owner_and_dates()
    {
        var result = ComplianceTests.CheckDemo(workspace, ComplianceTests.Site);

        var rows = Write(result, ComplianceFormat.Csv).Split("\r\n");
        Assert.Contains(rows, r => r.EndsWith(",met,contract CS-12 section 4,procurement,2026-01-10,2027-01-09", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(Write(result, ComplianceFormat.Json));
        var attestation = json.RootElement.GetProperty("sites")[0].GetProperty("packs")[0].GetProperty("clauses")[3].GetProperty("attestation");
        Assert.Equal(("met", "2027-01-09", false), (attestation.GetProperty("status").GetString(), attestation.GetProperty("expires").GetString(), attestation.GetProperty("expired").GetBoolean()));
    }

    [Fact]
    public void Json_writes_each_finding_once_and_every_clause_that_cites_it_refers_to_it()
    {
        var rule = new RuleInfo("D-ENC", "flows across zones are encrypted", Severity.Error, null, ["STD 2", "OTHER 9"], "", SourceLocation.None);
        var plain = new Diagnostic("D-ENC", Severity.Error, "f-plain is not encrypted", SourceLocation.At("site.json", 12, 7)) { Rule = rule, Entities = ["f-plain"] };
        var other = plain with { Message = "f-old is not encrypted", Location = SourceLocation.At("site.json", 13, 7), Entities = ["f-old"] };
        ClauseResult Clause(string id, params Diagnostic[] findings) =>
            new(id, id, null, findings.Length > 0 ? ClauseStatus.Failed : ClauseStatus.Passed, null, ["D-ENC"], findings, null, SourceLocation.None);
        var result = new CheckResult
        {
            Diagnostics = [plain, other],
            Suppressed = [],
            Rules = [rule],
            InputInvalid = false,
            Compliance =
            [
                new SiteCompliance("site.json", null, null,
                [
                    new PackCompliance("demo", "Demo", "demo/catalogue.json", [Clause("STD 1"), Clause("STD 2", plain, other)]),
                    new PackCompliance("other", "Other", "other/catalogue.json", [Clause("OTHER 9", other, plain)]),
                ]),
            ],
        };

        using var json = JsonDocument.Parse(Write(result, ComplianceFormat.Json));

        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(
            [("f1", "D-ENC", "f-plain is not encrypted", 12), ("f2", "D-ENC", "f-old is not encrypted", 13)],
            findings.Select(f => (f.GetProperty("ref").GetString(), f.GetProperty("id").GetString(), f.GetProperty("message").GetString(), f.GetProperty("line").GetInt32())));
        var cited = json.RootElement.GetProperty("sites")[0].GetProperty("packs").EnumerateArray()
            .SelectMany(pack => pack.GetProperty("clauses").EnumerateArray())
            .Select(clause => $"{clause.GetProperty("id").GetString()}: {string.Join(' ', clause.GetProperty("findings").EnumerateArray().Select(r => r.GetString()))}");
        Assert.Equal(["STD 1: ", "STD 2: f1 f2", "OTHER 9: f2 f1"], cited);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("plain", "plain")]
    public void A_csv_cell_is_quoted_as_RFC_4180_says_and_never_read_as_a_formula(string text, string cell)
    {
        Assert.Equal(cell, ComplianceCsv.Cell(text));
    }

    [Fact]
    public void A_check_without_a_catalogue_says_there_is_no_matrix()
    {
        var result = ComplianceTests.CheckDemo(workspace, ComplianceTests.Site, b => b.Compliance = false);

        Assert.EndsWith("No pack checked has a clause catalogue: there is no matrix to show.\n", Write(result, ComplianceFormat.Markdown), StringComparison.Ordinal);
        Assert.Equal("site,pack,clause,section,title,status,reason,rules,findings,finding details,attestation,evidence,owner,attested on,expires\r\n", Write(result, ComplianceFormat.Csv));
        Assert.DoesNotContain("id=\"compliance\"", Write(result, ComplianceFormat.Html));
    }

    [Fact]
    public void The_same_result_gives_the_same_bytes_in_every_format()
    {
        var first = ComplianceTests.CheckDemo(workspace, ComplianceTests.Site);
        var second = ComplianceTests.CheckDemo(workspace, ComplianceTests.Site);

        foreach (var format in Enum.GetValues<ComplianceFormat>())
        {
            Assert.Equal(Write(first, format), Write(second, format));
        }
    }

    private static string Write(CheckResult result, ComplianceFormat format)
    {
        using var output = new StringWriter();
        ComplianceReporter.Write(result, format, output);
        return output.ToString();
    }
}
