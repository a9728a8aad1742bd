using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Benchmarks.HandWritten;

/// <summary>The attribute slots the hand-written rules read, looked up once.</summary>
internal static class Slots
{
    public static readonly int AssetZone = TopologySchema.Asset["zone"].Slot;
    public static readonly int AssetType = TopologySchema.Asset["type"].Slot;
    public static readonly int AssetOs = TopologySchema.Asset["os"].Slot;
    public static readonly int AssetFirmware = TopologySchema.Asset["firmware"].Slot;
    public static readonly int AssetEndpointProtection = TopologySchema.Asset["endpointProtection"].Slot;
    public static readonly int AssetAuthentication = TopologySchema.Asset["authentication"].Slot;
    public static readonly int AssetVulnerabilities = TopologySchema.Asset["vulnerabilities"].Slot;
    public static readonly int AssetServices = TopologySchema.Asset["services"].Slot;
    public static readonly int AssetLogging = TopologySchema.Asset["logging"].Slot;
    public static readonly int AssetWireless = TopologySchema.Asset["wireless"].Slot;

    public static readonly int OsName = TopologySchema.Os["name"].Slot;
    public static readonly int OsVersion = TopologySchema.Os["version"].Slot;
    public static readonly int OsEndOfSupport = TopologySchema.Os["endOfSupport"].Slot;
    public static readonly int FirmwareVersion = TopologySchema.Firmware["version"].Slot;
    public static readonly int FirmwareEndOfSupport = TopologySchema.Firmware["endOfSupport"].Slot;
    public static readonly int AuthenticationMethod = TopologySchema.Authentication["method"].Slot;
    public static readonly int AuthenticationDefaultCredentials = TopologySchema.Authentication["defaultCredentials"].Slot;
    public static readonly int VulnerabilityCvss = TopologySchema.Vulnerability["cvss"].Slot;
    public static readonly int VulnerabilityMitigated = TopologySchema.Vulnerability["mitigated"].Slot;
    public static readonly int ServiceEnabled = TopologySchema.Service["enabled"].Slot;
    public static readonly int ServiceRequired = TopologySchema.Service["required"].Slot;
    public static readonly int ServiceJustification = TopologySchema.Service["justification"].Slot;

    public static readonly int FlowFrom = TopologySchema.Flow["from"].Slot;
    public static readonly int FlowTo = TopologySchema.Flow["to"].Slot;
    public static readonly int FlowDirection = TopologySchema.Flow["direction"].Slot;
    public static readonly int FlowProtocol = TopologySchema.Flow["protocol"].Slot;
    public static readonly int FlowControl = TopologySchema.Flow["control"].Slot;
    public static readonly int FlowEncrypted = TopologySchema.Flow["encrypted"].Slot;
    public static readonly int FlowStatus = TopologySchema.Flow["status"].Slot;
    public static readonly int FlowReviewedBy = TopologySchema.Flow["reviewedBy"].Slot;
    public static readonly int FlowVia = TopologySchema.Flow["via"].Slot;
    public static readonly int FlowConduit = TopologySchema.Flow["conduit"].Slot;
    public static readonly int FlowCrossesZones = TopologySchema.Flow["crossesZones"].Slot;

    public static readonly int ZoneKind = TopologySchema.Zone["kind"].Slot;
    public static readonly int ZoneSecurityLevel = TopologySchema.Zone["securityLevel"].Slot;
    public static readonly int ZoneAssets = TopologySchema.Zone["assets"].Slot;
    public static readonly int ZoneFlowsIn = TopologySchema.Zone["flowsIn"].Slot;

    public static readonly int ConduitZones = TopologySchema.Conduit["zones"].Slot;
    public static readonly int ConduitBoundary = TopologySchema.Conduit["boundary"].Slot;
    public static readonly int ConduitDenyByDefault = TopologySchema.Conduit["denyByDefault"].Slot;
    public static readonly int ConduitMonitored = TopologySchema.Conduit["monitored"].Slot;
}
