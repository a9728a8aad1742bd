using System.Text;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>
/// What <c>path</c> and <c>reachable</c> mean over the declared flows: a route is a chain of whole flows, each
/// starting where the one before it ended; the devices a flow passes are hops inside that flow, never a place
/// to change to another flow. Each case asks <c>path</c> through a rule and reads the answer off its message.
/// </summary>
public sealed class DeclaredPathTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Two_flows_that_pass_the_same_firewall_are_not_joined_into_one_route()
    {
        var site = Site(
            """{ "id": "x", "zone": "ext" }, { "id": "z", "zone": "ext" }, { "id": "fw", "zone": "dmz", "type": "firewall" }, { "id": "y", "zone": "office" }, { "id": "w", "zone": "office" }""",
            """{ "id": "a", "from": "x", "to": "y", "via": ["fw"] }, { "id": "b", "from": "z", "to": "w", "via": ["fw"] }""");

        var answers = Paths(site, ("x", "w", null), ("z", "y", null), ("x", "y", null), ("z", "w", null));

        Assert.Equal(
        [
            "null",
            "null",
            "x -> fw -> y; 2 hops; assets [x, fw, y]; flows [a]",
            "z -> fw -> w; 2 hops; assets [z, fw, w]; flows [b]",
        ], answers);
    }

    [Fact]
    public void A_bidirectional_flow_runs_back_through_the_same_devices_and_a_one_way_flow_does_not()
    {
        var site = Site(
            """
            { "id": "x", "zone": "office" }, { "id": "fw-1", "zone": "dmz", "type": "firewall" }, { "id": "fw-2", "zone": "dmz", "type": "firewall" },
            { "id": "y", "zone": "cell" }, { "id": "q", "zone": "cell" }
            """,
            """{ "id": "poll", "from": "x", "to": "y", "via": ["fw-1", "fw-2"], "direction": "bidirectional" }, { "id": "push", "from": "y", "to": "q" }""");

        var answers = Paths(site, ("y", "x", null), ("x", "q", null), ("q", "x", null), ("q", "y", null));

        Assert.Equal(
        [
            "y -> fw-2 -> fw-1 -> x; 3 hops; assets [y, fw-2, fw-1, x]; flows [poll]",
            "x -> fw-1 -> fw-2 -> y -> q; 4 hops; assets [x, fw-1, fw-2, y, q]; flows [poll, push]",
            "null",
            "null",
        ], answers);
    }

    [Fact]
    public void A_route_changes_flows_on_a_host_that_ends_one_session_and_opens_the_next()
    {
        var site = Site(
            """
            { "id": "vendor", "zone": "ext" }, { "id": "fw-e", "zone": "dmz", "type": "firewall" }, { "id": "jump", "zone": "dmz", "type": "jump-host" },
            { "id": "fw-i", "zone": "dmz", "type": "firewall" }, { "id": "plc", "zone": "cell", "type": "plc" }
            """,
            """{ "id": "rdp", "from": "vendor", "to": "jump", "conduit": "c-ext-dmz" }, { "id": "s7", "from": "jump", "to": "plc", "via": ["fw-i"] }""",
            """{ "id": "c-ext-dmz", "zones": ["ext", "dmz"], "boundary": ["fw-e"] }""");

        var answers = Paths(site, ("vendor", "plc", null), ("vendor", "plc", "d.id == \"jump\""), ("zone:ext", "zone:cell", "d.zone.kind == \"dmz\" and d.type != \"firewall\""));

        Assert.Equal(
        [
            "vendor -> fw-e -> jump -> fw-i -> plc; 4 hops; assets [vendor, fw-e, jump, fw-i, plc]; flows [rdp, s7]",
            "null",
            "null",
        ], answers);
    }

    [Fact]
    public void Avoid_drops_a_flow_that_passes_a_matching_device_and_a_matching_host_between_flows_but_never_an_end()
    {
        var site = Site(
            """{ "id": "x", "zone": "office" }, { "id": "fw", "zone": "office", "type": "firewall" }, { "id": "h", "zone": "office" }, { "id": "y", "zone": "cell" }""",
            """{ "id": "direct", "from": "x", "to": "y", "via": ["fw"] }, { "id": "to-h", "from": "x", "to": "h" }, { "id": "from-h", "from": "h", "to": "y" }""");

        var answers = Paths(
            site,
            ("x", "y", null),
            ("x", "y", "d.type == \"firewall\""),
            ("x", "y", "d.id == \"h\""),
            ("x", "y", "d.id == \"h\" or d.type == \"firewall\""),
            ("h", "y", "d.id == \"h\""),
            ("x", "h", "d.id == \"h\""));

        Assert.Equal(
        [
            "x -> fw -> y; 2 hops; assets [x, fw, y]; flows [direct]",
            "x -> h -> y; 2 hops; assets [x, h, y]; flows [to-h, from-h]",
            "x -> fw -> y; 2 hops; assets [x, fw, y]; flows [direct]",
            "null",
            "h -> y; 1 hops; assets [h, y]; flows [from-h]",
            "x -> h; 1 hops; assets [x, h]; flows [to-h]",
        ], answers);
    }

    [Fact]
    public void The_shortest_route_counts_the_devices_a_flow_passes_as_hops()
    {
        var site = Site(
            """{ "id": "s", "zone": "office" }, { "id": "d-1", "zone": "office" }, { "id": "d-2", "zone": "office" }, { "id": "m", "zone": "office" }, { "id": "t", "zone": "cell" }""",
            """{ "id": "long", "from": "s", "to": "t", "via": ["d-1", "d-2"] }, { "id": "first", "from": "s", "to": "m" }, { "id": "second", "from": "m", "to": "t" }""");

        Assert.Equal(["s -> m -> t; 2 hops; assets [s, m, t]; flows [first, second]"], Paths(site, ("s", "t", null)));
    }

    [Fact]
    public void Routes_as_short_as_each_other_are_taken_by_next_asset_id_and_then_by_flow_id_whatever_the_file_order()
    {
        var site = Site(
            """{ "id": "t", "zone": "cell" }, { "id": "s", "zone": "office" }, { "id": "m-2", "zone": "office" }, { "id": "m-1", "zone": "office" }""",
            """
            { "id": "f-9", "from": "s", "to": "m-2" }, { "id": "f-8", "from": "m-2", "to": "t" }, { "id": "f-7", "from": "s", "to": "m-1" },
            { "id": "f-6", "from": "m-1", "to": "t" }, { "id": "f-5", "from": "s", "to": "t", "via": ["m-2"] }, { "id": "f-4", "from": "s", "to": "t", "via": ["m-2"] },
            { "id": "f-3", "from": "t", "to": "s", "via": ["m-1"], "direction": "bidirectional" }
            """);

        // From s, f-3 (back through m-1) and f-7 (to m-1) both go to m-1 first: f-3 is first by id, though last in the file.
        Assert.Equal(
        [
            "s -> m-1 -> t; 2 hops; assets [s, m-1, t]; flows [f-3]",
            "m-1 -> t; 1 hops; assets [m-1, t]; flows [f-6]",
        ], Paths(site, ("s", "t", null), ("m-1", "t", null)));
    }

    [Fact]
    public void A_device_that_only_passes_flows_neither_starts_nor_ends_a_route_but_one_that_ends_a_flow_does()
    {
        var site = Site(
            """{ "id": "x", "zone": "office" }, { "id": "fw", "zone": "dmz", "type": "firewall" }, { "id": "y", "zone": "cell" }, { "id": "admin", "zone": "office" }""",
            """{ "id": "a", "from": "x", "to": "y", "via": ["fw"] }, { "id": "manage", "from": "admin", "to": "fw" }""");

        var answers = Paths(site, ("fw", "y", null), ("x", "fw", null), ("admin", "fw", null), ("admin", "y", null), ("zone:office", "zone:dmz", null));

        Assert.Equal(
        [
            "null",
            "null",
            "admin -> fw; 1 hops; assets [admin, fw]; flows [manage]",
            "null",
            "admin -> fw; 1 hops; assets [admin, fw]; flows [manage]",
        ], answers);
    }

    [Fact]
    public void A_zone_stands_for_the_assets_that_end_its_flows_not_for_a_firewall_that_flows_only_pass()
    {
        var site = Site(
            """{ "id": "x", "zone": "ext" }, { "id": "fw", "zone": "dmz", "type": "firewall" }, { "id": "y", "zone": "cell" }, { "id": "y-2", "zone": "cell" }""",
            """{ "id": "a", "from": "x", "to": "y-2", "via": ["fw"] }, { "id": "b", "from": "y-2", "to": "y" }""");

        var answers = Paths(
            site,
            ("zone:ext", "zone:dmz", null),
            ("zone:ext", "zone:cell", null),
            ("zone:ext", "zone:cell", "d.zone.kind == \"dmz\""),
            ("zone:dmz", "zone:cell", null),
            ("zone:cell", "zone:cell", null));

        Assert.Equal(
        [
            "null",
            "x -> fw -> y-2; 2 hops; assets [x, fw, y-2]; flows [a]",
            "null",
            "null",
            "y; 0 hops; assets [y]; flows []",
        ], answers);
    }

    [Fact]
    public void Reachable_agrees_with_path()
    {
        var site = Site(
            """{ "id": "x", "zone": "ext" }, { "id": "z", "zone": "ext" }, { "id": "fw", "zone": "dmz", "type": "firewall" }, { "id": "y", "zone": "office" }, { "id": "w", "zone": "office" }""",
            """{ "id": "a", "from": "x", "to": "y", "via": ["fw"] }, { "id": "b", "from": "z", "to": "w", "via": ["fw"] }""");
        var result = workspace.Check("""
            rule R "reachable" {
              for asset s where s.zone.kind == "external"
              for asset t where t.zone.kind == "enterprise"
              forbid reachable(s, t)
              message "{s} reaches {t}"
            }
            """, site);

        Assert.Equal(["x reaches y", "z reaches w"], result.Diagnostics.Select(d => d.Message).Order(StringComparer.Ordinal));
    }

    /// <summary>A site with the zones ext, dmz, office and cell, and the given assets, flows and conduits.</summary>
    private static string Site(string assets, string flows, string conduits = "") => $$"""
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "ext", "kind": "external" }, { "id": "dmz", "kind": "dmz" },
            { "id": "office", "kind": "enterprise" }, { "id": "cell", "kind": "control" }
          ],
          "assets": [ {{assets}} ],
          "conduits": [ {{conduits}} ],
          "flows": [ {{flows}} ]
        }
        """;

    /// <summary>
    /// Each query's path as <c>route; n hops; assets [...]; flows [...]</c>, or <c>null</c>. An end point is an
    /// asset id, or <c>zone:id</c>; the third part is the <c>avoid d where ...</c> condition, if any.
    /// </summary>
    private string[] Paths(string site, params (string From, string To, string? Avoid)[] queries)
    {
        var rules = new StringBuilder();
        for (var i = 0; i < queries.Length; i++)
        {
            var (from, to, avoid) = queries[i];
            rules.AppendLine($$"""
                rule Q-{{i:D2}} "query {{i}}" {
                  {{For("s", from)}}
                  {{For("t", to)}}
                  let p = path(s, t{{(avoid is null ? "" : $", avoid d where {avoid}")}})
                  forbid true
                  message "{p}; {p.length} hops; assets {p.assets}; flows {p.flows}"
                }
                """);
        }

        var result = workspace.Check(rules.ToString(), site);
        Assert.DoesNotContain(result.Diagnostics, d => !d.Id.StartsWith("Q-", StringComparison.Ordinal));
        return result.Diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Message.StartsWith("null;", StringComparison.Ordinal) ? "null" : d.Message)
            .ToArray();
    }

    private static string For(string variable, string endpoint) => endpoint.StartsWith("zone:", StringComparison.Ordinal)
        ? $"for zone {variable} where {variable}.id == \"{endpoint[5..]}\""
        : $"for asset {variable} where {variable}.id == \"{endpoint}\"";
}
