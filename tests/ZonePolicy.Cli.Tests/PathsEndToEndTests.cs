using System.Text.Json;

namespace ZonePolicy.Cli.Tests;

/// <summary><c>zpol paths</c> through the real command line: the routes, their witnesses in each format, and bad inputs.</summary>
public sealed class PathsEndToEndTests : IDisposable
{
    /// <summary>
    /// A provider reaches a Level 1 server two ways: straight across a conduit whose firewall merely sits in
    /// the DMZ, and through a jump server in the DMZ; and the cell's flat network lets it on to the PLC.
    /// </summary>
    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "z-ext", "kind": "external" },
            { "id": "z-dmz", "kind": "dmz", "securityLevel": 3 },
            { "id": "z-l1", "kind": "control", "securityLevel": 4 }
          ],
          "assets": [
            { "id": "rm", "zone": "z-ext", "type": "remote-maintenance" },
            { "id": "fw-dmz", "zone": "z-dmz", "type": "firewall" },
            { "id": "jump", "zone": "z-dmz", "type": "server" },
            { "id": "srv-1", "zone": "z-l1", "type": "server" },
            { "id": "plc-1", "zone": "z-l1", "type": "plc" }
          ],
          "conduits": [
            { "id": "c-ext-l1", "zones": ["z-ext", "z-l1"], "boundary": ["fw-dmz"], "denyByDefault": true,
              "allow": [
                { "device": "fw-dmz", "from": "z-ext", "to": "srv-1", "protocol": "rdp", "port": 3389 }
              ] },
            { "id": "c-ext-dmz", "zones": ["z-ext", "z-dmz"], "boundary": ["fw-dmz"], "denyByDefault": true,
              "allow": [
                { "device": "fw-dmz", "from": "rm", "to": "jump", "protocol": "rdp", "port": 3389 }
              ] },
            { "id": "c-dmz-l1", "zones": ["z-dmz", "z-l1"], "boundary": ["fw-dmz"], "denyByDefault": true,
              "allow": [
                { "device": "fw-dmz", "from": "jump", "to": "plc-1", "protocol": "s7", "port": 102 }
              ] }
          ]
        }
        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Lists_distinct_routes_shortest_first_with_each_hop_at_the_rule_that_permits_it()
    {
        temp.Write("site.json", Site);

        var outcome = Paths("--from", "kind:external", "--to", "type:plc", "--top", "5");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(
            """
            path 1 of 2: rm -[c-ext-dmz]-> jump -[c-dmz-l1]-> plc-1 (2 hops)
              site.json(9,5): asset rm
              site.json(22,9): rm -> jump: c-ext-dmz allow rule 1 on fw-dmz permits rm -> jump, rdp/3389
              site.json(11,5): asset jump
              site.json(26,9): jump -> plc-1: c-dmz-l1 allow rule 1 on fw-dmz permits jump -> plc-1, s7/102
              site.json(13,5): asset plc-1

            path 2 of 2: rm -[c-ext-l1]-> srv-1 -[z-l1]-> plc-1 (2 hops)
              site.json(9,5): asset rm
              site.json(18,9): rm -> srv-1: c-ext-l1 allow rule 1 on fw-dmz permits z-ext -> srv-1, rdp/3389
              site.json(12,5): asset srv-1
              site.json(6,5): srv-1 -> plc-1: z-l1 is not segmented: its assets reach one another
              site.json(13,5): asset plc-1

            2 paths from kind:external to type:plc

            """.ReplaceLineEndings("\n"),
            outcome.Out);
    }

    [Fact]
    public void Avoiding_the_dmz_leaves_the_route_through_the_firewall_that_merely_sits_there()
    {
        temp.Write("site.json", Site);

        var outcome = Paths("--from", "z-ext", "--to", "z-l1", "--avoid", "kind:dmz", "--top", "3");

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("path 1 of 1: rm -[c-ext-l1]-> srv-1 (1 hop)\n", outcome.Out);
        Assert.EndsWith("1 path from z-ext to z-l1 avoiding kind:dmz\n", outcome.Out);
    }

    [Fact]
    public void A_service_filter_keeps_only_the_hops_that_permit_it()
    {
        temp.Write("site.json", Site);

        Assert.Equal("no path from rm to plc-1 for ssh/22\n", Paths("--from", "rm", "--to", "plc-1", "--protocol", "ssh", "--port", "22").Out);
        Assert.StartsWith("path 1 of 1: rm -[c-ext-l1]-> srv-1 (1 hop)", Paths("--from", "rm", "--to", "srv-1", "--protocol", "rdp").Out);
    }

    [Fact]
    public void Json_gives_each_path_its_assets_and_steps_with_device_and_rule()
    {
        temp.Write("site.json", Site);

        var outcome = Paths("--from", "rm", "--to", "srv-1", "--top", "1", "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        var path = Assert.Single(outcome.Json.GetProperty("paths").EnumerateArray());
        Assert.Equal(1, path.GetProperty("length").GetInt32());
        Assert.Equal(["rm", "srv-1"], path.GetProperty("assets").EnumerateArray().Select(a => a.GetString()));
        var hop = path.GetProperty("steps")[1];
        Assert.Equal(("conduit", "c-ext-l1", 18, "fw-dmz", 1), (hop.GetProperty("kind").GetString(), hop.GetProperty("id").GetString(), hop.GetProperty("line").GetInt32(), hop.GetProperty("device").GetString(), hop.GetProperty("rule").GetInt32()));
        Assert.Equal("any service", outcome.Json.GetProperty("service").GetString());
    }

    [Fact]
    public void Sarif_gives_each_path_a_code_flow_with_each_hop_at_its_allow_rule()
    {
        temp.Write("site.json", Site);

        var outcome = Paths("--from", "kind:external", "--to", "type:plc", "--format", "sarif");

        Assert.Equal(0, outcome.ExitCode);
        var results = outcome.Json.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(("ATTACK-PATH", "note"), (r.GetProperty("ruleId").GetString(), r.GetProperty("level").GetString())));
        var steps = results[0].GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations").EnumerateArray()
            .Select(s => s.GetProperty("location"))
            .Select(l => (l.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(), l.GetProperty("message").GetProperty("text").GetString()))
            .ToList();
        Assert.Equal((22, "rm -> jump: c-ext-dmz allow rule 1 on fw-dmz permits rm -> jump, rdp/3389"), steps[1]);
        Assert.Equal((13, "asset `plc-1`"), steps[^1]);
    }

    [Theory]
    [InlineData(new[] { "--from", "z-extt", "--to", "z-l1" }, "site.json: error ZP0330: `--from z-extt`: no zone or asset has the id `z-extt`; did you mean `z-ext`?")]
    [InlineData(new[] { "--from", "z-ext", "--to", "type:plcc" }, "site.json: error ZP0330: `--to type:plcc`: no asset has type `plcc`; did you mean `plc`?")]
    [InlineData(new[] { "--from", "entry:radio", "--to", "z-l1" }, "site.json: error ZP0330: `--from entry:radio`: `radio` is not a kind of entry point (external, cellular, wireless, remote-access, temporary)")]
    [InlineData(new[] { "--from", "z-ext", "--to", "sl:9" }, "site.json: error ZP0330: `--to sl:9`: `sl:9` needs a security level from 1 to 4; a selector is a zone id, an asset id, `type:<asset type>`, `kind:<zone kind>`, `sl:<1-4>`, `entry` or `entry:<kind>`")]
    [InlineData(new[] { "--from", "c-ext-l1", "--to", "z-l1" }, "site.json: error ZP0330: `--from c-ext-l1`: `c-ext-l1` is a conduit, not a zone or an asset")]
    public void A_selector_that_names_nothing_is_ZP0330_and_exit_2(string[] args, string expected)
    {
        temp.Write("site.json", Site);

        var outcome = Paths(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(expected + "\n", outcome.Out);
    }

    [Theory]
    [InlineData(new[] { "--from", "z-ext", "--to", "z-l1", "--top", "0" }, "`--top` takes a number of paths from 1 to 1000, not `0`")]
    [InlineData(new[] { "--from", "z-ext", "--to", "z-l1", "--top", "-1" }, "`--top` takes a number of paths from 1 to 1000, not `-1`")]
    [InlineData(new[] { "--from", "z-ext", "--to", "z-l1", "--port", "70000" }, "`--port` takes a port from 0 to 65535, not `70000`")]
    [InlineData(new[] { "--from", "z-ext", "--to", "z-l1", "--port", "-22" }, "`--port` takes a port from 0 to 65535, not `-22`")]
    [InlineData(new[] { "--from", "z-ext", "--to", "z-l1", "--format", "markdown" }, "`zpol paths` writes text, json or sarif, not `markdown`")]
    [InlineData(new[] { "--to", "z-l1" }, "missing `--from <selector>`: `zpol paths` needs where paths start and where they end")]
    public void A_bad_argument_is_ZP0311_and_exit_2(string[] args, string expected)
    {
        temp.Write("site.json", Site);

        var outcome = Paths(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"error ZP0311: {expected}", outcome.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unknown option", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topology_with_a_bad_allow_rule_is_reported_and_exits_2_without_a_search()
    {
        temp.Write("site.json", Site.Replace("\"to\": \"jump\"", "\"to\": \"jumpp\"", StringComparison.Ordinal));

        var outcome = Paths("--from", "z-ext", "--to", "z-l1", "--format", "json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("ZP0220", Assert.Single(outcome.JsonDiagnostics()).Id);
        Assert.Empty(outcome.Json.GetProperty("paths").EnumerateArray());
    }

    [Fact]
    public void A_missing_topology_is_reported_and_exits_2()
    {
        var outcome = Paths("--from", "z-ext", "--to", "z-l1");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("site.json: error ZP0310:", outcome.Out);
    }

    private CliOutcome Paths(params string[] args) => Cli.RunProcess(temp.Path, ["paths", "site.json", .. args]);
}
