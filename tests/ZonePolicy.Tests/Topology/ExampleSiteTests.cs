using Xunit;
using ZonePolicy.Topology;
using ZonePolicy.Types;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

public class ExampleSiteTests
{
    [Fact]
    public void Null_and_location_example_loads_values_and_positions()
    {
        var model = LoadValid("01-null-and-location.json");

        Assert.Equal("01-null-and-location.json", model.File);
        Assert.Equal(["cell-a", "office"], model.OfKind(EntityKind.Zone).Select(zone => zone.Id));
        var cell = model.Get("cell-a");
        Assert.Equal("control", cell["kind"]);
        Assert.Equal(3L, cell["securityLevel"]);
        Assert.Null(model.Get("office")["securityLevel"]);
        Assert.Equal((4, 5), (cell.Location.Line, cell.Location.Column));

        var hmi1 = model.Get("hmi-1");
        Assert.Same(cell, hmi1["zone"]);
        Assert.Equal((8, 5), (hmi1.Location.Line, hmi1.Location.Column));
        var os = Assert.IsType<RecordValue>(hmi1["os"]);
        Assert.Equal("Windows", os["name"]);
        Assert.Equal("10", os["version"]);
        Assert.Equal(new DateOnly(2025, 10, 14), os["endOfSupport"]);
        Assert.Equal(8, os.Location.Line);
        Assert.Equal(true, hmi1["logging"]);

        var hmi2 = model.Get("hmi-2");
        Assert.Null(Assert.IsType<RecordValue>(hmi2["os"])["endOfSupport"]);
        Assert.Null(hmi2["logging"]);
        Assert.Null(hmi2["authentication"]);

        var authentication = Assert.IsType<RecordValue>(model.Get("laptop-7")["authentication"]);
        Assert.Equal("password", authentication["method"]);
        Assert.Equal(false, authentication["defaultCredentials"]);
        Assert.Null(authentication["sharedAccounts"]);
    }

    [Fact]
    public void Null_and_location_example_indexes_the_zone_crossing_flow()
    {
        var model = LoadValid("01-null-and-location.json");
        var flow = model.Get("f-1");

        Assert.Same(model.Get("laptop-7"), flow["from"]);
        Assert.Same(model.Get("hmi-1"), flow["to"]);
        Assert.Equal("oneway", flow["direction"]);
        Assert.Equal(5900L, flow["port"]);
        Assert.Null(flow["encrypted"]);
        Assert.Equal(true, flow["crossesZones"]);
        Assert.Equal((13, 5), (flow.Location.Line, flow.Location.Column));

        Assert.Equal(["f-1"], Ids(model.Get("cell-a")["flowsIn"]));
        Assert.Empty(Ids(model.Get("cell-a")["flowsOut"]));
        Assert.Equal(["f-1"], Ids(model.Get("office")["flowsOut"]));
        Assert.Equal(["hmi-1", "hmi-2"], Ids(model.Get("cell-a")["assets"]));
        Assert.Equal(["f-1"], Ids(model.Get("hmi-1")["flowsIn"]));
        Assert.Equal(["f-1"], Ids(model.Get("hmi-1")["flows"]));
        Assert.Empty(Ids(model.Get("hmi-2")["flows"]));
        Assert.Equal(["f-1"], Ids(model.Get("laptop-7")["flowsOut"]));
        Assert.Empty(Ids(model.Get("cell-a")["conduits"]));
    }

    [Fact]
    public void Paths_example_resolves_conduits_via_and_directions()
    {
        var model = LoadValid("02-paths.json");

        var conduit = model.Get("c-mes-line");
        Assert.Equal(["mes", "line"], Ids(conduit["zones"]));
        Assert.Equal(["fw-i"], Ids(conduit["boundary"]));
        Assert.Equal(["recipe"], Ids(conduit["flows"]));
        Assert.Equal(["c-mes-line"], Ids(model.Get("mes")["conduits"]));
        Assert.Equal(["c-mes-line"], Ids(model.Get("line")["conduits"]));
        Assert.Empty(Ids(model.Get("dmz")["conduits"]));

        var up = model.Get("up");
        Assert.Equal("bidirectional", up["direction"]);
        Assert.Equal(["fw-e"], Ids(up["via"]));
        Assert.Same(conduit, model.Get("recipe")["conduit"]);
        Assert.Null(model.Get("sync")["conduit"]);
        Assert.Equal(false, model.Get("peer")["crossesZones"]);
        Assert.Equal(true, model.Get("recipe")["crossesZones"]);

        var proxy = model.Get("proxy");
        Assert.Equal(["sync"], Ids(proxy["flowsIn"]));
        Assert.Equal(["up", "pull"], Ids(proxy["flowsOut"]));
        Assert.Equal(["sync", "up", "pull"], Ids(proxy["flows"]));

        Assert.Equal(["sync", "recipe"], Ids(model.Get("mes")["flowsOut"]));
        Assert.Equal(["pull"], Ids(model.Get("mes")["flowsIn"]));
        Assert.Equal(["recipe"], Ids(model.Get("line")["flowsIn"]));
        Assert.Empty(Ids(model.Get("line")["flowsOut"]));
        Assert.Equal(["up"], Ids(model.Get("cloud")["flowsIn"]));
        Assert.Equal(["sync"], Ids(model.Get("dmz")["flowsIn"]));
        Assert.Equal(["up", "pull"], Ids(model.Get("dmz")["flowsOut"]));
    }

    [Fact]
    public void Waivers_example_loads_every_waiver_with_its_line()
    {
        var model = LoadValid("03-waivers.json");

        Assert.Equal(4, model.Waivers.Count);
        var first = model.Waivers[0];
        Assert.Null(first.Id);
        Assert.Equal("EX-EP", first.Rule);
        Assert.Equal(["pc-1"], first.Targets);
        Assert.Equal("vendor forbids agents", first.Reason);
        Assert.Equal("ot security", first.ApprovedBy);
        Assert.Equal(new DateOnly(2027, 6, 30), first.Expires);
        Assert.Equal([11, 12, 13, 14], model.Waivers.Select(waiver => waiver.Location.Line));
        Assert.Equal("03-waivers.json", first.Location.File);
        Assert.Equal("none", model.Get("pc-1")["endpointProtection"]);
    }
}
