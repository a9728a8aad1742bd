using ZonePolicy.Diagnostics;

namespace ZonePolicy.Types;

/// <summary>
/// The entity kinds, attributes and nested objects of TOPOLOGY.md, as the binder type-checks them and
/// the loader stores them. The JSON Schema file says the same for the JSON side; keep the two in step.
/// </summary>
internal static class TopologySchema
{
    public static readonly RecordShape Os = Record("os", s =>
    {
        s.Add("name", ZpType.String);
        s.Add("version", ZpType.String);
        s.Add("endOfSupport", ZpType.Date);
    });

    public static readonly RecordShape Firmware = Record("firmware", s =>
    {
        s.Add("version", ZpType.String);
        s.Add("endOfSupport", ZpType.Date);
    });

    public static readonly RecordShape Software = Record("software", s =>
    {
        s.Add("name", ZpType.String);
        s.Add("version", ZpType.String);
        s.Add("license", ZpType.String);
        s.Add("endOfSupport", ZpType.Date);
        s.Add("oss", ZpType.Bool);
    });

    public static readonly RecordShape Sbom = Record("sbom", s =>
    {
        s.Add("format", ZpType.String);
        s.Add("uri", ZpType.String);
    });

    public static readonly RecordShape Service = Record("service", s =>
    {
        s.Add("port", ZpType.Int);
        s.Add("transport", ZpType.String);
        s.Add("protocol", ZpType.String);
        s.Add("enabled", ZpType.Bool, true);
        s.Add("required", ZpType.Bool, true);
        s.Add("justification", ZpType.String);
        s.Add("remoteAccess", ZpType.Bool);
    });

    public static readonly RecordShape Vulnerability = Record("vulnerability", s =>
    {
        s.Add("id", ZpType.String);
        s.Add("cvss", ZpType.Decimal);
        s.Add("vector", ZpType.String);
        s.Add("mitigated", ZpType.Bool);
    });

    public static readonly RecordShape Authentication = Record("authentication", s =>
    {
        s.Add("method", ZpType.String);
        s.Add("defaultCredentials", ZpType.Bool);
        s.Add("sharedAccounts", ZpType.Bool);
        s.Add("directory", ZpType.String);
    });

    public static readonly RecordShape Scan = Record("scan", s =>
    {
        s.Add("type", ZpType.String);
        s.Add("event", ZpType.String);
        s.Add("date", ZpType.Date);
        s.Add("clean", ZpType.Bool);
        s.Add("openCritical", ZpType.Int);
        s.Add("openHigh", ZpType.Int);
    });

    public static readonly RecordShape ServiceEvent = Record("serviceEvent", s =>
    {
        s.Add("event", ZpType.String);
        s.Add("date", ZpType.Date);
        s.Add("by", ZpType.String);
    });

    /// <summary>A security level per IEC 62443-3-3 foundational requirement (FR 1 to FR 7), each 0 to 4.</summary>
    public static readonly RecordShape SecurityLevelVector = Record("securityLevels", s =>
    {
        foreach (var fr in FoundationalRequirements.Keys)
        {
            s.Add(fr, ZpType.Int);
        }
    });

    /// <summary>A compensating countermeasure (IEC 62443-3-2 ZCR 5.12): the foundational requirements it makes up for, what it is, who approved it.</summary>
    public static readonly RecordShape Countermeasure = Record("countermeasure", s =>
    {
        s.Add("requirements", ZpType.ListOf(ZpType.String));
        s.Add("measure", ZpType.String);
        s.Add("approvedBy", ZpType.String);
    });

    public static readonly RecordShape Contract = Record("contract", s =>
    {
        s.Add("sla", ZpType.Bool);
        s.Add("incidentResponsibility", ZpType.Bool);
        s.Add("dataHandlingOnTermination", ZpType.Bool);
        s.Add("supportEnd", ZpType.Date);
    });

    public static readonly RecordShape Impact = Record("impact", s =>
    {
        s.Add("safety", ZpType.String);
        s.Add("quality", ZpType.String);
        s.Add("delivery", ZpType.String);
        s.Add("cost", ZpType.String);
        s.Add("continuity", ZpType.String);
    });

    /// <summary>What a segmented zone permits between its own assets.</summary>
    public static readonly RecordShape ZoneAllow = Record("zoneAllow", AllowRule);

    /// <summary>What a conduit's boundary device permits across it.</summary>
    public static readonly RecordShape ConduitAllow = Record("conduitAllow", s =>
    {
        s.Add("device", new EntityType(EntityKind.Asset));
        AllowRule(s);
    });

    /// <summary>A network interface of an asset, beyond the one in its own zone.</summary>
    public static readonly RecordShape Interface = Record("interface", s =>
    {
        s.Add("zone", new EntityType(EntityKind.Zone), unknownReference: DiagnosticIds.InterfaceZoneUnknown);
        s.Add("medium", ZpType.String, "wired");
        s.Add("address", ZpType.String);
        s.Add("name", ZpType.String);
    });

    public static readonly EntityShape Zone = new(EntityKind.Zone);
    public static readonly EntityShape Asset = new(EntityKind.Asset);
    public static readonly EntityShape Conduit = new(EntityKind.Conduit);
    public static readonly EntityShape Flow = new(EntityKind.Flow);
    public static readonly EntityShape Data = new(EntityKind.Data);
    public static readonly EntityShape Operation = new(EntityKind.Operation);
    public static readonly EntityShape Party = new(EntityKind.Party);

    private static readonly EntityShape[] ByKind = [Zone, Asset, Conduit, Flow, Data, Operation, Party];

    static TopologySchema()
    {
        var zone = new EntityType(EntityKind.Zone);
        var asset = new EntityType(EntityKind.Asset);
        var conduit = new EntityType(EntityKind.Conduit);
        var flow = new EntityType(EntityKind.Flow);
        var data = new EntityType(EntityKind.Data);
        var operation = new EntityType(EntityKind.Operation);
        var party = new EntityType(EntityKind.Party);

        Zone.Add("kind", ZpType.String);
        Zone.Add("securityLevel", ZpType.Int);
        Zone.Add("status", ZpType.String);
        Zone.Add("importance", ZpType.String);
        Zone.Add("managedBy", party);
        Zone.Add("operations", ZpType.ListOf(operation));
        Zone.Add("purdueLevel", ZpType.Decimal);
        Zone.Add("location", ZpType.String);
        Zone.Add("securityLevels", new RecordType(SecurityLevelVector));
        Zone.Add("changedBy", ZpType.String);
        Zone.Add("reviewedBy", ZpType.String);
        Zone.Add("segmented", ZpType.Bool);
        Zone.Add("allow", ZpType.ListOf(new RecordType(ZoneAllow)));
        Zone.Add("assets", ZpType.ListOf(asset), computed: true);
        Zone.Add("conduits", ZpType.ListOf(conduit), computed: true);
        Zone.Add("flowsIn", ZpType.ListOf(flow), computed: true);
        Zone.Add("flowsOut", ZpType.ListOf(flow), computed: true);

        Asset.Add("zone", zone);
        Asset.Add("type", ZpType.String);
        Asset.Add("vendor", ZpType.String);
        Asset.Add("model", ZpType.String);
        Asset.Add("criticality", ZpType.String);
        Asset.Add("generalPurpose", ZpType.Bool);
        Asset.Add("securityLevelCapability", ZpType.Int);
        Asset.Add("os", new RecordType(Os));
        Asset.Add("firmware", new RecordType(Firmware));
        Asset.Add("software", ZpType.ListOf(new RecordType(Software)));
        Asset.Add("sbom", new RecordType(Sbom));
        Asset.Add("services", ZpType.ListOf(new RecordType(Service)));
        Asset.Add("vulnerabilities", ZpType.ListOf(new RecordType(Vulnerability)));
        Asset.Add("authentication", new RecordType(Authentication));
        Asset.Add("endpointProtection", ZpType.String);
        Asset.Add("logging", ZpType.Bool);
        Asset.Add("logsTo", asset);
        Asset.Add("updatable", ZpType.Bool);
        Asset.Add("wireless", ZpType.Bool);
        Asset.Add("temporary", ZpType.Bool);
        Asset.Add("humanUse", ZpType.Bool);
        Asset.Add("lastPatched", ZpType.Date);
        Asset.Add("missingCriticalPatches", ZpType.Int);
        Asset.Add("scans", ZpType.ListOf(new RecordType(Scan)));
        Asset.Add("status", ZpType.String);
        Asset.Add("supplier", party);
        Asset.Add("maintainer", party);
        Asset.Add("data", ZpType.ListOf(data));
        Asset.Add("securityLevelCapabilities", new RecordType(SecurityLevelVector));
        Asset.Add("countermeasures", ZpType.ListOf(new RecordType(Countermeasure)));
        Asset.Add("serviceEvents", ZpType.ListOf(new RecordType(ServiceEvent)));
        Asset.Add("changedBy", ZpType.String);
        Asset.Add("reviewedBy", ZpType.String);
        Asset.Add("interfaces", ZpType.ListOf(new RecordType(Interface)));
        Asset.Add("flowsIn", ZpType.ListOf(flow), computed: true);
        Asset.Add("flowsOut", ZpType.ListOf(flow), computed: true);
        Asset.Add("flows", ZpType.ListOf(flow), computed: true);
        Asset.Add("networks", ZpType.ListOf(zone), computed: true);
        Asset.Add("bridges", ZpType.Bool, computed: true);
        Asset.Add("entryPoints", ZpType.ListOf(ZpType.String), computed: true);

        Conduit.Add("zones", ZpType.ListOf(zone));
        Conduit.Add("boundary", ZpType.ListOf(asset));
        Conduit.Add("securityLevel", ZpType.Int);
        Conduit.Add("denyByDefault", ZpType.Bool);
        Conduit.Add("monitored", ZpType.Bool);
        Conduit.Add("status", ZpType.String);
        Conduit.Add("securityLevels", new RecordType(SecurityLevelVector));
        Conduit.Add("changedBy", ZpType.String);
        Conduit.Add("reviewedBy", ZpType.String);
        Conduit.Add("allow", ZpType.ListOf(new RecordType(ConduitAllow)));
        Conduit.Add("flows", ZpType.ListOf(flow), computed: true);

        Flow.Add("from", asset);
        Flow.Add("to", asset);
        Flow.Add("direction", ZpType.String, "oneway");
        Flow.Add("protocol", ZpType.String);
        Flow.Add("port", ZpType.Int);
        Flow.Add("control", ZpType.Bool);
        Flow.Add("data", ZpType.ListOf(data));
        Flow.Add("encrypted", ZpType.Bool);
        Flow.Add("authenticated", ZpType.Bool);
        Flow.Add("integrityProtected", ZpType.Bool);
        Flow.Add("mfa", ZpType.Bool);
        Flow.Add("status", ZpType.String);
        Flow.Add("reviewedBy", ZpType.String);
        Flow.Add("network", ZpType.String);
        Flow.Add("via", ZpType.ListOf(asset));
        Flow.Add("conduit", conduit);
        Flow.Add("humanApproval", ZpType.Bool);
        Flow.Add("changedBy", ZpType.String);
        Flow.Add("crossesZones", ZpType.Bool, computed: true);
        Flow.Add("passes", ZpType.ListOf(asset), computed: true);

        Data.Add("category", ZpType.String);
        Data.Add("confidentiality", ZpType.String);
        Data.Add("integrity", ZpType.String);
        Data.Add("availability", ZpType.String);
        Data.Add("owner", party);
        Data.Add("permittedUse", ZpType.String);
        Data.Add("backupOn", ZpType.ListOf(asset));
        Data.Add("storedOn", ZpType.ListOf(asset), computed: true);
        Data.Add("flows", ZpType.ListOf(flow), computed: true);

        Operation.Add("importance", ZpType.String);
        Operation.Add("impact", new RecordType(Impact));
        Operation.Add("bcp", ZpType.Bool);
        Operation.Add("outsourcedTo", party);
        Operation.Add("zones", ZpType.ListOf(zone), computed: true);

        Party.Add("kind", ZpType.String);
        Party.Add("securityPolicy", ZpType.Bool);
        Party.Add("vulnerabilityContact", ZpType.Bool);
        Party.Add("incidentResponse", ZpType.Bool);
        Party.Add("contract", new RecordType(Contract));
        Party.Add("certifications", ZpType.ListOf(ZpType.String));
        Party.Add("assets", ZpType.ListOf(asset), computed: true);
    }

    public static EntityShape For(EntityKind kind) => ByKind[(int)kind];

    /// <summary>The attributes every allow rule has: who may start what with whom.</summary>
    private static void AllowRule(RecordShape s)
    {
        s.Add("from", ZpType.String);
        s.Add("to", ZpType.String);
        s.Add("protocol", ZpType.String);
        s.Add("port", ZpType.Int);
        s.Add("direction", ZpType.String, "oneway");
        s.Add("name", ZpType.String);
    }

    private static RecordShape Record(string name, Action<RecordShape> define)
    {
        var shape = new RecordShape(name);
        define(shape);
        return shape;
    }
}
