using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using ZonePolicy.Types;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

/// <summary>Mistakes in what a topology says about permitted connectivity: each an error with its own id at its place.</summary>
public class ConnectivityInputTests
{
    private const string Zones = """
          "zones": [
            { "id": "z-ext", "kind": "external" },
            { "id": "z-dmz", "kind": "dmz" },
            { "id": "z-cell", "kind": "control", "segmented": true, "allow": [ ZONE_RULE ] }
          ],
          "assets": [
            { "id": "rm-1", "zone": "z-ext", "type": "remote-maintenance" },
            { "id": "fw-1", "zone": "z-dmz", "type": "firewall" },
            { "id": "jump-1", "zone": "z-dmz", "type": "server" },
            { "id": "plc-1", "zone": "z-cell", "type": "plc" }
          ],
        """;

    [Theory]
    [InlineData("""{ "device": "fw-1", "from": "z-extt", "to": "jump-1" }""", "ZP0220",
        "conduit `c-1`, allow rule 1: `from` names `z-extt`, but no zone or asset has that id; did you mean `z-ext`?")]
    [InlineData("""{ "device": "fw-1", "from": "z-ext", "to": "type:servr" }""", "ZP0220",
        "conduit `c-1`, allow rule 1: `to` names asset type `servr`, which no asset has; did you mean `server`?")]
    [InlineData("""{ "device": "fw-1", "from": "kind:external", "to": "jump-1" }""", "ZP0220",
        "conduit `c-1`, allow rule 1: `from`: `kind:external` is a selector for the command line; an allow rule names a zone id, an asset id or `type:<asset type>`")]
    [InlineData("""{ "device": "fw-1", "from": "c-1", "to": "jump-1" }""", "ZP0220",
        "conduit `c-1`, allow rule 1: `from` names `c-1`, but that is a conduit, not a zone or an asset")]
    [InlineData("""{ "device": "fw-1", "from": "type:", "to": "jump-1" }""", "ZP0220",
        "conduit `c-1`, allow rule 1: `from`: `type:` names no type; an allow rule names a zone id, an asset id or `type:<asset type>`")]
    [InlineData("""{ "device": "rm-1", "from": "z-ext", "to": "jump-1" }""", "ZP0221",
        "conduit `c-1`, allow rule 1: device `rm-1` is not a boundary device of the conduit (its `boundary` is [fw-1]); add it to `boundary` or put the rule on one of them")]
    [InlineData("""{ "device": "fw-1", "from": "z-cell", "to": "jump-1" }""", "ZP0224",
        "conduit `c-1`, allow rule 1: `from` names zone `z-cell`, which is not one of zones `z-ext` and `z-dmz`")]
    [InlineData("""{ "device": "fw-1", "from": "z-ext", "to": "plc-1" }""", "ZP0224",
        "conduit `c-1`, allow rule 1: `to` names asset `plc-1`, which is not in zones `z-ext` and `z-dmz`")]
    [InlineData("""{ "device": "fw-1", "from": "z-ext", "to": "type:plc" }""", "ZP0224",
        "conduit `c-1`, allow rule 1: `to` names asset type `plc`, but no asset of that type is in zones `z-ext` and `z-dmz`")]
    [InlineData("""{ "device": "fw-1", "from": "jump-1", "to": "z-dmz" }""", "ZP0224",
        "conduit `c-1`, allow rule 1: `from` `jump-1` and `to` `z-dmz` are both only in zone `z-dmz`; a conduit's allow rule starts on one of its zones and ends on the other")]
    public void A_bad_conduit_allow_rule_is_an_error_at_the_rule(string rule, string id, string message)
    {
        var diagnostic = SingleError(Site(rule, """{ "from": "z-cell", "to": "z-cell" }"""));

        AssertAt(diagnostic, id, 17, 9);
        Assert.Equal(message, diagnostic.Message);
    }

    [Theory]
    [InlineData("""{ "from": "jump-1", "to": "z-cell" }""", "ZP0224",
        "zone `z-cell`, allow rule 1: `from` names asset `jump-1`, which is not in zone `z-cell`")]
    [InlineData("""{ "from": "z-dmz", "to": "z-cell" }""", "ZP0224",
        "zone `z-cell`, allow rule 1: `from` names zone `z-dmz`, which is not one of zone `z-cell`")]
    [InlineData("""{ "from": "type:hmi", "to": "z-cell" }""", "ZP0220",
        "zone `z-cell`, allow rule 1: `from` names asset type `hmi`, which no asset has")]
    public void A_bad_zone_allow_rule_is_an_error_at_the_rule(string rule, string id, string message)
    {
        var diagnostic = SingleError(Site("""{ "device": "fw-1", "from": "z-ext", "to": "jump-1" }""", rule));

        AssertAt(diagnostic, id, 6, 72);
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void A_conduit_that_joins_a_zone_to_itself_is_an_error_at_the_conduit()
    {
        var json = Site("""{ "device": "fw-1", "from": "z-ext", "to": "jump-1" }""", """{ "from": "z-cell", "to": "z-cell" }""")
            .Replace("\"zones\": [\"z-ext\", \"z-dmz\"]", "\"zones\": [\"z-dmz\", \"z-dmz\"]", StringComparison.Ordinal);

        var diagnostic = SingleError(json);

        AssertAt(diagnostic, DiagnosticIds.ConduitJoinsZoneToItself, 15, 5);
        Assert.Equal("conduit `c-1` joins zone `z-dmz` to itself; a conduit connects two different zones (assets inside one zone reach one another unless it is `segmented`)", diagnostic.Message);
    }

    [Fact]
    public void An_interface_in_an_unknown_zone_is_an_error_at_its_zone()
    {
        var json = Site("""{ "device": "fw-1", "from": "z-ext", "to": "jump-1" }""", """{ "from": "z-cell", "to": "z-cell" }""")
            .Replace("\"type\": \"server\" }", "\"type\": \"server\", \"interfaces\": [{ \"zone\": \"z-cel\" }] }", StringComparison.Ordinal);

        var diagnostic = SingleError(json);

        AssertAt(diagnostic, DiagnosticIds.InterfaceZoneUnknown, 11, 83);
        Assert.Equal("asset `jump-1`: `interfaces/0/zone` refers to unknown zone `z-cel`; did you mean `z-cell`?", diagnostic.Message);
    }

    [Fact]
    public void An_interface_in_an_entity_that_is_not_a_zone_is_an_error_of_the_same_id()
    {
        var json = Site("""{ "device": "fw-1", "from": "z-ext", "to": "jump-1" }""", """{ "from": "z-cell", "to": "z-cell" }""")
            .Replace("\"type\": \"server\" }", "\"type\": \"server\", \"interfaces\": [{ \"zone\": \"plc-1\" }] }", StringComparison.Ordinal);

        var diagnostic = SingleError(json);

        Assert.Equal(DiagnosticIds.InterfaceZoneUnknown, diagnostic.Id);
        Assert.Equal("asset `jump-1`: `interfaces/0/zone` refers to `plc-1`, which is an asset, not a zone", diagnostic.Message);
    }

    [Fact]
    public void An_allow_rule_on_an_unknown_device_is_a_dangling_reference()
    {
        var diagnostic = SingleError(Site("""{ "device": "fw-9", "from": "z-ext", "to": "jump-1" }""", """{ "from": "z-cell", "to": "z-cell" }"""));

        Assert.Equal(DiagnosticIds.InvalidReference, diagnostic.Id);
        Assert.Equal("conduit `c-1`: `allow/0/device` refers to unknown asset `fw-9`; did you mean `fw-1`?", diagnostic.Message);
    }

    [Fact]
    public void A_valid_description_of_permitted_connectivity_loads_without_diagnostics()
    {
        var site = LoadValidText(Site("""{ "device": "fw-1", "from": "z-ext", "to": "jump-1", "protocol": "rdp", "port": 3389, "direction": "bidirectional", "name": "Remote support" }""",
            """{ "from": "type:plc", "to": "plc-1" }"""));

        var rule = Assert.IsAssignableFrom<IReadOnlyList<ZonePolicy.Topology.RecordValue>>(site.Get("c-1")["allow"]).Single();
        Assert.Equal("bidirectional", rule["direction"]);
        Assert.Equal("oneway", Assert.IsAssignableFrom<IReadOnlyList<ZonePolicy.Topology.RecordValue>>(site.Get("z-cell")["allow"]).Single()["direction"]);
    }

    private static string Site(string conduitRule, string zoneRule) => $$"""
        {
          "schemaVersion": "1",
        {{Zones.Replace("ZONE_RULE", zoneRule, StringComparison.Ordinal)}}
          "conduits": [
            { "id": "c-1", "zones": ["z-ext", "z-dmz"], "boundary": ["fw-1"], "denyByDefault": true,
              "allow": [
                {{conduitRule}}
              ] }
          ]
        }
        """;
    [Fact]
    public void A_flow_passes_its_via_or_else_its_conduits_boundary_and_flows_of_one_conduit_share_the_list()
    {
        var model = LoadValidText("""
            { "schemaVersion": "1",
              "zones": [ { "id": "a" }, { "id": "b" } ],
              "assets": [ { "id": "fw", "zone": "a" }, { "id": "gw", "zone": "b" }, { "id": "x", "zone": "a" }, { "id": "y", "zone": "b" } ],
              "conduits": [ { "id": "c", "zones": ["a", "b"], "boundary": ["fw", "gw"] }, { "id": "open", "zones": ["a", "b"] } ],
              "flows": [
                { "id": "f1", "from": "x", "to": "y", "conduit": "c" },
                { "id": "f2", "from": "y", "to": "x", "conduit": "c" },
                { "id": "f3", "from": "x", "to": "y", "conduit": "c", "via": ["gw"] },
                { "id": "f4", "from": "x", "to": "y", "conduit": "open" },
                { "id": "f5", "from": "x", "to": "y" }
              ] }
            """);

        var flows = model.OfKind(EntityKind.Flow);
        var passes = flows.Select(flow => Assert.IsAssignableFrom<IReadOnlyList<Entity>>(flow["passes"])).ToArray();

        Assert.Equal(["fw,gw", "fw,gw", "gw", "", ""], passes.Select(list => string.Join(",", list.Select(device => device.Id))));
        Assert.Same(passes[0], passes[1]);
        foreach (var flow in flows)
        {
            Assert.Equal(ConnectivityIndexer.PassesOf(flow), (IReadOnlyList<Entity>)flow["passes"]!);
        }
    }
}
