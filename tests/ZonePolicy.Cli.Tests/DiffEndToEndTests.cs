using System.Runtime.CompilerServices;
using System.Text.Json;
using ZonePolicy.Testing;

namespace ZonePolicy.Cli.Tests;

/// <summary><c>zpol diff</c> through the real command line: on the Annex A review of case (ii), on small changes, and on bad inputs.</summary>
public sealed class DiffEndToEndTests : IDisposable
{
    private const string Before = "samples/annex-a-factory/case2-remote-maintenance.topology.json";
    private const string After = "samples/annex-a-factory/fixed/case2-remote-maintenance.topology.json";

    private const string Small = """
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "z-office", "kind": "enterprise" },
            { "id": "z-cell", "kind": "control", "securityLevel": 3 },
            { "id": "z-vendor", "kind": "external" }
          ],
          "assets": [
            { "id": "pc-1", "zone": "z-office", "type": "workstation" },
            { "id": "fw-1", "zone": "z-office", "type": "firewall" },
            { "id": "ews-1", "zone": "z-office", "type": "engineering-workstation" },
            { "id": "plc-1", "zone": "z-cell", "type": "plc" },
            { "id": "vendor-pc", "zone": "z-vendor", "type": "workstation" }
          ],
          "conduits": [
            { "id": "c-office-cell", "zones": ["z-office", "z-cell"], "boundary": ["fw-1"], "denyByDefault": true },
            { "id": "c-vendor-office", "zones": ["z-vendor", "z-office"], "boundary": ["fw-1"], "denyByDefault": true,
              "allow": [{ "device": "fw-1", "from": "vendor-pc", "to": "ews-1", "protocol": "rdp", "port": 3389 }] }
          ]
        }
        """;

    private static readonly string Root = RepositoryRoot();

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_case_ii_review_closes_the_cellular_bypass_opens_the_dmz_crossings_and_fixes_its_violations()
    {
        var outcome = Cli.RunProcess(Root, "diff", Before, After, "--rules", "samples/annex-a-factory/rules", "--today", "2026-11-25", "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        var json = outcome.Json;
        var paths = json.GetProperty("paths").EnumerateArray()
            .Select(p => $"{p.GetProperty("change").GetString()} {p.GetProperty("from").GetString()} -> {p.GetProperty("to").GetString()}: {p.GetProperty("text").GetString()}")
            .ToList();
        Assert.Equal(
            [
                "added z-ext-services -> z-warehouse: rm-service -[c-ext-services-dmz]-> rm-jump-1 -[c-dmz-warehouse]-> wh-rm-server",
                "changed z-rm-provider -> z-warehouse: rm-support-desk -[c-rm-provider-ext]-> rm-service -[c-ext-services-dmz]-> rm-jump-1 -[c-dmz-warehouse]-> wh-rm-server",
            ],
            paths);
        Assert.Equal("rm-support-desk -[z-rm-provider]-> vpn-rm-lte", json.GetProperty("paths")[1].GetProperty("previous").GetString());
        var crossings = json.GetProperty("crossings").EnumerateArray()
            .Select(c => $"{c.GetProperty("change").GetString()} {c.GetProperty("from").GetString()} -> {c.GetProperty("to").GetString()} {c.GetProperty("through").GetString()}")
            .ToList();
        Assert.Contains("added z-ext-services -> z-ot-dmz c-ext-services-dmz", crossings);
        Assert.Contains("added z-ot-dmz -> z-warehouse c-dmz-warehouse", crossings);
        Assert.Contains("removed z-rm-provider -> z-warehouse vpn-rm-lte", crossings);
        Assert.Contains("removed z-warehouse -> z-rm-provider vpn-rm-lte", crossings);
        var violations = json.GetProperty("violations");
        Assert.Empty(violations.GetProperty("new").EnumerateArray());
        Assert.Contains(violations.GetProperty("fixed").EnumerateArray(), v => v.GetProperty("rule").GetString() == "SF-NET-02"
            && v.GetProperty("entities").EnumerateArray().Select(e => e.GetString()).SequenceEqual(["z-rm-provider", "z-warehouse"]));
        Assert.Contains(json.GetProperty("entities").EnumerateArray(), e => e.GetProperty("change").GetString() == "added" && e.GetProperty("id").GetString() == "rm-jump-1");
    }

    [Fact]
    public void The_case_ii_review_as_a_pull_request_comment()
    {
        var outcome = Cli.RunProcess(Root, "diff", Before, After, "--rules", "samples/annex-a-factory/rules", "--today", "2026-11-25", "--format", "markdown");

        Assert.Equal(0, outcome.ExitCode);
        Approvals.Verify(outcome.Out);
    }

    [Fact]
    public void The_case_ii_review_as_one_self_contained_page_the_same_bytes_each_time()
    {
        string[] args = ["diff", Before, After, "--rules", "samples/annex-a-factory/rules", "--today", "2026-11-25", "--format", "html"];
        var outcome = Cli.RunProcess(Root, args);

        Assert.Equal(0, outcome.ExitCode);
        var html = outcome.Out;
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<span>violations: 0 new, 13 fixed, 0 waived, 0 unchanged</span>", html);
        Assert.Contains("<nav><a href=\"#violations\">Violations</a> · <a href=\"#paths\">Permitted paths into control zones</a> · <a href=\"#crossings\">Zone crossings</a> · <a href=\"#entities\">Entities</a></nav>", html);
        Assert.Matches("<tr class=\"change-fixed\" data-change=\"fixed\" data-rule=\"SF-NET-02\"><td>fixed</td><td class=\"sev-error\">error</td>.*no stop in a DMZ", html);
        Assert.DoesNotContain("data-change=\"new\"", html);
        Assert.Contains("<td>rerouted</td><td>z-rm-provider</td><td>z-warehouse</td><td><code>rm-support-desk -[c-rm-provider-ext]-&gt; rm-service -[c-ext-services-dmz]-&gt; rm-jump-1 -[c-dmz-warehouse]-&gt; wh-rm-server</code><br><small>was <code>rm-support-desk -[z-rm-provider]-&gt; vpn-rm-lte</code>", html);
        Assert.Matches("<li>rm-support-desk -&gt; rm-service: c-rm-provider-ext allow rule 1 on fw-rm-1 permits rm-support-desk -&gt; rm-service, https/443 <small class=\"file\">samples/annex-a-factory/fixed/case2-remote-maintenance.topology.json\\(\\d+,9\\)</small></li>", html);
        Assert.Contains("<td>opened</td><td>z-ext-services</td><td>z-warehouse</td>", html);
        Assert.Contains("<td>closed</td><td>z-rm-provider</td><td>z-warehouse</td><td>asset <code>vpn-rm-lte</code></td>", html);
        Assert.Contains("<td>opened</td><td>z-ot-dmz</td><td>z-warehouse</td><td>conduit <code>c-dmz-warehouse</code></td>", html);
        Assert.Contains("<td>added</td><td>asset</td><td><code>rm-jump-1</code></td>", html);
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.Equal(html, Cli.RunProcess(Root, args).Out);
    }

    [Fact]
    public void A_pack_comes_from_a_local_nuget_feed_as_check_takes_it()
    {
        temp.Write("acme-cells/pack.json", """
            { "name": "acme-cells", "version": "1.0.0", "title": "Acme cells", "license": "MIT", "authors": ["Acme"], "standards": [{ "name": "Acme OT baseline" }], "minEngineVersion": "0.1.0" }
            """);
        temp.Write("acme-cells/rules.zpol", """
            rule ACME-SL-01 "control zones declare a security level" {
              severity error
              for zone z where z.kind == "control"
              require z.securityLevel != null
              message "{z} declares no security level"
            }

            """);
        var before = Small.Replace("\"kind\": \"control\", \"securityLevel\": 3", "\"kind\": \"control\"", StringComparison.Ordinal);
        temp.Write("acme-cells/tests/open.json", before);
        temp.Write("acme-cells/tests/open.expect", "only ACME-SL-01\nACME-SL-01 z-cell\n");
        temp.Write("acme-cells/tests/declared.json", Small);
        temp.Write("acme-cells/tests/declared.expect", "only ACME-SL-01\n");
        var packed = Cli.Run(PolicyEngine.Check, temp.Path, "pack", "acme-cells", "-o", "feed", "--no-feeds");
        Assert.True(packed.ExitCode == 0, packed.Out + packed.Error);
        Directory.Delete(System.IO.Path.Combine(temp.Path, "acme-cells"), recursive: true);
        temp.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{System.IO.Path.Combine(temp.Path, "feed")}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{System.IO.Path.Combine(temp.Path, "packages")}" />
              </config>
            </configuration>
            """);
        temp.Write("before.json", before);
        temp.Write("after.json", Small);

        var outcome = Cli.Run(Engines.Unreachable, temp.Path, "diff", "before.json", "after.json", "--pack", "acme-cells", "--format", "json");

        Assert.True(outcome.ExitCode == 0, outcome.Out + outcome.Error);
        var violations = outcome.Json.GetProperty("violations");
        Assert.Empty(violations.GetProperty("new").EnumerateArray());
        Assert.Equal(["ACME-SL-01 z-cell"], violations.GetProperty("fixed").EnumerateArray()
            .Select(v => $"{v.GetProperty("rule").GetString()} {string.Join(',', v.GetProperty("entities").EnumerateArray().Select(e => e.GetString()))}"));
        Assert.True(File.Exists(System.IO.Path.Combine(temp.Path, "packages", "acme-cells", "1.0.0", "pack", "pack.json")));
        Assert.Contains("\"source\": \"feed\"", File.ReadAllText(System.IO.Path.Combine(temp.Path, "zonepolicy.lock.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_input_as_a_page_lists_the_input_errors_and_exits_2()
    {
        temp.Write("after.json", Small);
        temp.Write("rules.zpol", "rule X-1 \"broken\" { for asset a require a.nonsense }");

        var outcome = Cli.RunProcess(temp.Path, "diff", "it's <missing>.json", "after.json", "--rules", "rules.zpol", "--format", "html");

        Assert.Equal(2, outcome.ExitCode);
        var html = outcome.Out;
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("the inputs are invalid: the change could not be reviewed", html);
        Assert.Contains("<nav><a href=\"#inputs\">Input errors</a></nav>", html);
        Assert.Matches("<tr><td class=\"sev-error\">error</td><td>(<a [^>]*>)?ZP0310(</a>)?</td><td>[^<]*</td><td class=\"file\">it&#39;s &lt;missing&gt;.json</td></tr>", html);
        Assert.Matches("<td>(<a [^>]*>)?ZP0101(</a>)?</td><td>asset has no attribute `nonsense`</td><td class=\"file\">rules.zpol\\(1,[0-9]+\\)</td>", html);
        Assert.DoesNotContain("<missing>", html);
        Assert.DoesNotContain("id=\"violations\"", html);
        Assert.DoesNotContain("id=\"entities\"", html);
    }

    [Fact]
    public void Undoing_the_review_brings_new_errors_and_the_sarif_log_holds_them_and_the_path_it_reroutes()
    {
        var outcome = Cli.RunProcess(Root, "diff", After, Before, "--rules", "samples/annex-a-factory/rules", "--today", "2026-11-25", "--format", "sarif");

        Assert.Equal(1, outcome.ExitCode);
        var results = outcome.Json.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "SF-NET-02");
        var path = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "ATTACK-PATH");
        Assert.Equal(
            "the change reroutes the permitted path from z-rm-provider into control zone z-warehouse: rm-support-desk -[z-rm-provider]-> vpn-rm-lte"
            + " (was rm-support-desk -[c-rm-provider-ext]-> rm-service -[c-ext-services-dmz]-> rm-jump-1 -[c-dmz-warehouse]-> wh-rm-server)",
            path.GetProperty("message").GetProperty("text").GetString());
        var hop = path.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations")[1].GetProperty("location");
        Assert.Equal("rm-support-desk -> vpn-rm-lte: z-rm-provider is not segmented: its assets reach one another; vpn-rm-lte is on z-rm-provider through its cellular interface",
            hop.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void A_small_change_is_listed_entity_by_entity_with_the_crossings_and_paths_it_opens()
    {
        temp.Write("before.json", Small);
        temp.Write("after.json", Small
            .Replace("\"type\": \"engineering-workstation\" }", "\"type\": \"engineering-workstation\", \"interfaces\": [{ \"zone\": \"z-cell\" }] }", StringComparison.Ordinal)
            .Replace("    { \"id\": \"pc-1\", \"zone\": \"z-office\", \"type\": \"workstation\" },\n", "", StringComparison.Ordinal)
            .Replace("\"kind\": \"external\" }", "\"kind\": \"external\", \"securityLevel\": 1 },\n    { \"id\": \"z-lab\", \"kind\": \"control\" }", StringComparison.Ordinal));

        var outcome = Cli.RunProcess(temp.Path, "diff", "before.json", "after.json");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(
            """
            before.json -> after.json

            entities: 1 added, 1 removed, 2 changed
              after.json(6,5): ~ zone z-vendor (securityLevel)
              after.json(7,5): + zone z-lab
              after.json(11,5): ~ asset ews-1 (interfaces)
              before.json(9,5): - asset pc-1

            zone crossings the network permits: 2 opened, 0 closed
              after.json(11,5): + z-office -> z-cell across ews-1, which bridges them
              after.json(11,5): + z-cell -> z-office across ews-1, which bridges them

            permitted paths into control zones: 1 opened, 0 closed
              + z-vendor to z-cell: vendor-pc -[c-vendor-office]-> ews-1 -[z-cell]-> plc-1
                  after.json(13,5): asset vendor-pc
                  after.json(18,17): vendor-pc -> ews-1: c-vendor-office allow rule 1 on fw-1 permits vendor-pc -> ews-1, rdp/3389
                  after.json(11,5): asset ews-1
                  after.json(5,5): ews-1 -> plc-1: z-cell is not segmented: its assets reach one another; ews-1 is on z-cell through its wired interface
                  after.json(12,5): asset plc-1

            """.ReplaceLineEndings("\n"),
            outcome.Out);
    }

    [Theory]
    [InlineData("missing.json", "after.json", "missing.json: error ZP0310:")]
    [InlineData("before.json", "broken.json", "broken.json(1,3): error ZP0201:")]
    [InlineData("before.json", "bad-rule.json", "bad-rule.json(18,17): error ZP0220:")]
    public void A_bad_topology_is_reported_and_exits_2(string before, string after, string expected)
    {
        temp.Write("before.json", Small);
        temp.Write("after.json", Small);
        temp.Write("broken.json", "{ schemaVersion: 1 }");
        temp.Write("bad-rule.json", Small.Replace("\"to\": \"ews-1\"", "\"to\": \"ews-9\"", StringComparison.Ordinal));

        var outcome = Cli.RunProcess(temp.Path, "diff", before, after);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith(expected, outcome.Out);
    }

    [Fact]
    public void A_bad_rule_file_is_reported_once_and_exits_2()
    {
        temp.Write("before.json", Small);
        temp.Write("after.json", Small);
        temp.Write("rules.zpol", "rule X-1 \"broken\" { for asset a require a.nonsense }");

        var outcome = Cli.RunProcess(temp.Path, "diff", "before.json", "after.json", "--rules", "rules.zpol");

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("error ZP0101: asset has no attribute `nonsense`", line);
    }

    [Fact]
    public void A_format_diff_does_not_write_is_ZP0311_and_exit_2()
    {
        var outcome = Cli.RunProcess(temp.Path, "diff", "a.json", "b.json", "--format", "junit");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error ZP0311: `zpol diff` writes text, json, sarif, markdown or html, not `junit`", outcome.Error);
    }

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
