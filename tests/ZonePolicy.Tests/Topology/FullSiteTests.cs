using Xunit;
using ZonePolicy.Topology;
using ZonePolicy.Types;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

public class FullSiteTests
{
    private readonly SiteModel model = LoadValid("full-site.json");

    [Fact]
    public void Zone_attributes_are_stored_with_their_types()
    {
        var line = model.Get("line");
        Assert.Equal("Press line", line["name"]);
        Assert.Equal("control", line["kind"]);
        Assert.Equal(3L, line["securityLevel"]);
        Assert.Equal("existing", line["status"]);
        Assert.Equal("critical", line["importance"]);
        Assert.Same(model.Get("integrator"), line["managedBy"]);
        Assert.Equal(["pressing", "pressing"], Ids(line["operations"]));
        Assert.Equal(1m, line["purdueLevel"]);
        Assert.Equal(3.5m, model.Get("dmz")["purdueLevel"]);
        Assert.Equal("hall 2", line["location"]);
    }

    [Fact]
    public void Props_keep_strings_integers_decimals_and_booleans()
    {
        var props = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(model.Get("line")["props"]);
        Assert.Equal("A", props["cell"]);
        Assert.Equal(2L, props["floor"]);
        Assert.Equal(0.5m, props["ratio"]);
        Assert.Equal(true, props["legacy"]);
        Assert.Null(model.Get("dmz")["props"]);
    }

    [Fact]
    public void Asset_scalars_dates_and_references_are_stored()
    {
        var plc = model.Get("plc-1");
        Assert.Same(model.Get("line"), plc["zone"]);
        Assert.Equal("plc", plc["type"]);
        Assert.Equal("Acme", plc["vendor"]);
        Assert.Equal("P-100", plc["model"]);
        Assert.Equal("high", plc["criticality"]);
        Assert.Equal(false, plc["generalPurpose"]);
        Assert.Equal(2L, plc["securityLevelCapability"]);
        Assert.Equal("none", plc["endpointProtection"]);
        Assert.Equal(true, plc["logging"]);
        Assert.Same(model.Get("hist"), plc["logsTo"]);
        Assert.Equal(true, plc["updatable"]);
        Assert.Equal(false, plc["wireless"]);
        Assert.Equal(false, plc["temporary"]);
        Assert.Equal(false, plc["humanUse"]);
        Assert.Equal(new DateOnly(2026, 1, 15), plc["lastPatched"]);
        Assert.Equal(2L, plc["missingCriticalPatches"]);
        Assert.Equal("existing", plc["status"]);
        Assert.Same(model.Get("acme"), plc["supplier"]);
        Assert.Same(model.Get("acme"), plc["maintainer"]);
        Assert.Equal(["recipes"], Ids(plc["data"]));
    }

    [Fact]
    public void Asset_nested_objects_are_records()
    {
        var plc = model.Get("plc-1");
        var firmware = Assert.IsType<RecordValue>(plc["firmware"]);
        Assert.Equal("1.0.3", firmware["version"]);
        Assert.Equal(new DateOnly(2027, 3, 31), firmware["endOfSupport"]);

        var software = Assert.IsAssignableFrom<IReadOnlyList<RecordValue>>(plc["software"]);
        Assert.Equal(2, software.Count);
        Assert.Equal("runtime", software[0]["name"]);
        Assert.Equal("MIT", software[0]["license"]);
        Assert.Equal(true, software[0]["oss"]);
        Assert.Null(software[1]["version"]);

        var sbom = Assert.IsType<RecordValue>(plc["sbom"]);
        Assert.Equal("cyclonedx", sbom["format"]);
        Assert.Equal("https://example.com/sbom.json", sbom["uri"]);

        var vulnerability = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<RecordValue>>(plc["vulnerabilities"]));
        Assert.Equal("CVE-2024-0001", vulnerability["id"]);
        Assert.Equal(9.8m, vulnerability["cvss"]);
        Assert.Equal(false, vulnerability["mitigated"]);

        var authentication = Assert.IsType<RecordValue>(plc["authentication"]);
        Assert.Equal(true, authentication["defaultCredentials"]);

        var scan = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<RecordValue>>(plc["scans"]));
        Assert.Equal("malware", scan["type"]);
        Assert.Equal("delivery", scan["event"]);
        Assert.Equal(new DateOnly(2026, 2, 1), scan["date"]);
        Assert.Equal(true, scan["clean"]);
        Assert.Equal(0L, scan["openCritical"]);
        Assert.Equal(1L, scan["openHigh"]);
        Assert.Equal((23, 18), (scan.Location.Line, scan.Location.Column));
    }

    [Fact]
    public void Service_defaults_apply_only_when_absent()
    {
        var services = Assert.IsAssignableFrom<IReadOnlyList<RecordValue>>(model.Get("plc-1")["services"]);
        Assert.Equal(502L, services[0]["port"]);
        Assert.Equal("tcp", services[0]["transport"]);
        Assert.Equal("modbus", services[0]["protocol"]);
        Assert.Equal(true, services[0]["enabled"]);
        Assert.Equal(true, services[0]["required"]);
        Assert.Equal(false, services[1]["enabled"]);
        Assert.Equal(false, services[1]["required"]);
        Assert.Equal("monitoring", services[1]["justification"]);
    }

    [Fact]
    public void Conduit_and_flow_attributes_are_stored()
    {
        var conduit = model.Get("c-line-dmz");
        Assert.Equal(2L, conduit["securityLevel"]);
        Assert.Equal(true, conduit["denyByDefault"]);
        Assert.Equal(false, conduit["monitored"]);
        Assert.Equal("new", conduit["status"]);
        Assert.Equal(["f-logs"], Ids(conduit["flows"]));

        var logs = model.Get("f-logs");
        Assert.Equal("syslog", logs["protocol"]);
        Assert.Equal(514L, logs["port"]);
        Assert.Equal(false, logs["control"]);
        Assert.Equal(["recipes"], Ids(logs["data"]));
        Assert.Equal(true, logs["encrypted"]);
        Assert.Equal(true, logs["authenticated"]);
        Assert.Equal(true, logs["integrityProtected"]);
        Assert.Equal(false, logs["mfa"]);
        Assert.Equal("j. doe", logs["reviewedBy"]);
        Assert.Equal("wired", logs["network"]);
        Assert.Null(logs["via"]);
        Assert.Equal("internet", model.Get("f-up")["network"]);
    }

    [Fact]
    public void Data_operations_and_parties_are_stored_and_indexed()
    {
        var recipes = model.Get("recipes");
        Assert.Equal("recipe", recipes["category"]);
        Assert.Equal("high", recipes["confidentiality"]);
        Assert.Equal("critical", recipes["integrity"]);
        Assert.Equal("medium", recipes["availability"]);
        Assert.Same(model.Get("acme"), recipes["owner"]);
        Assert.Equal(["plc-1", "hist"], Ids(recipes["storedOn"]));
        Assert.Equal(["f-logs", "f-up"], Ids(recipes["flows"]));

        var pressing = model.Get("pressing");
        Assert.Equal("high", pressing["importance"]);
        Assert.Equal(true, pressing["bcp"]);
        Assert.Same(model.Get("integrator"), pressing["outsourcedTo"]);
        var impact = Assert.IsType<RecordValue>(pressing["impact"]);
        Assert.Equal(["critical", "high", "medium", "low", "high"], new[] { "safety", "quality", "delivery", "cost", "continuity" }.Select(key => impact[key]));
        Assert.Equal(["line", "dmz"], Ids(pressing["zones"]));

        var acme = model.Get("acme");
        Assert.Equal("supplier", acme["kind"]);
        Assert.Equal(true, acme["securityPolicy"]);
        Assert.Equal(true, acme["vulnerabilityContact"]);
        Assert.Equal(false, acme["incidentResponse"]);
        var contract = Assert.IsType<RecordValue>(acme["contract"]);
        Assert.Equal(true, contract["sla"]);
        Assert.Equal(false, contract["incidentResponsibility"]);
        Assert.Equal(true, contract["dataHandlingOnTermination"]);
        Assert.Equal(new DateOnly(2031, 6, 30), contract["supportEnd"]);
        Assert.Equal(["IEC 62443-4-1", "SEMI E187"], Assert.IsAssignableFrom<IReadOnlyList<string>>(acme["certifications"]));
        Assert.Equal(["plc-1", "hist"], Ids(acme["assets"]));
        Assert.Equal(["hist", "svc"], Ids(model.Get("integrator")["assets"]));
    }

    [Fact]
    public void A_flow_from_an_asset_to_itself_is_listed_once_in_flows()
    {
        var loop = model.Get("loop");
        Assert.Equal(["f-self", "f-local"], Ids(loop["flowsIn"]));
        Assert.Equal(["f-self"], Ids(loop["flowsOut"]));
        Assert.Equal(["f-self", "f-local"], Ids(loop["flows"]));
        Assert.Equal(false, model.Get("f-self")["crossesZones"]);
        Assert.Equal(["f-logs", "f-local"], Ids(model.Get("plc-1")["flowsOut"]));
        Assert.Equal(["f-logs", "f-up"], Ids(model.Get("hist")["flows"]));
    }

    [Fact]
    public void Zone_indexes_list_assets_conduits_and_crossing_flows_in_file_order()
    {
        var line = model.Get("line");
        Assert.Equal(["plc-1", "loop"], Ids(line["assets"]));
        Assert.Equal(["c-line-dmz"], Ids(line["conduits"]));
        Assert.Equal(["f-logs"], Ids(line["flowsOut"]));
        Assert.Empty(Ids(line["flowsIn"]));
        Assert.Equal(["f-logs"], Ids(model.Get("dmz")["flowsIn"]));
        Assert.Equal(["f-up"], Ids(model.Get("dmz")["flowsOut"]));
        Assert.Equal(["f-up"], Ids(model.Get("cloud")["flowsIn"]));
    }

    [Fact]
    public void Every_computed_list_is_present_even_when_empty()
    {
        foreach (var kind in EntityKinds.All)
        {
            foreach (var entity in model.OfKind(kind))
            {
                foreach (var attribute in entity.Shape.Attributes.Where(attribute => attribute.IsComputed))
                {
                    Assert.NotNull(entity[attribute.Slot]);
                }
            }
        }
    }

    [Fact]
    public void Waiver_with_an_id_is_loaded()
    {
        var waiver = Assert.Single(model.Waivers);
        Assert.Equal("w-1", waiver.Id);
        Assert.False(model.TryGet("w-1", out _));
    }
}
