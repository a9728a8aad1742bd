using ZonePolicy.Diagnostics;

namespace ZonePolicy;

/// <summary>
/// What a report needs to draw one checked site: its zones, assets, conduits, flows and waivers, each with its place in the topology file. Lists keep the file's order.
/// </summary>
public sealed record SiteSummary(
    string File,
    string? Id,
    string? Name,
    IReadOnlyList<ZoneSummary> Zones,
    IReadOnlyList<AssetSummary> Assets,
    IReadOnlyList<ConduitSummary> Conduits,
    IReadOnlyList<FlowSummary> Flows,
    IReadOnlyList<WaiverSummary> Waivers);

/// <summary>A zone: its kind, Purdue level and target security level (SL-T), as the file states them.</summary>
public sealed record ZoneSummary(string Id, string? Name, string? Kind, decimal? PurdueLevel, int? SecurityLevel, SourceLocation Location);

/// <summary>An asset in its zone, with its type and security level capability (SL-C).</summary>
public sealed record AssetSummary(string Id, string? Name, string Zone, string? Type, int? SecurityLevelCapability, SourceLocation Location);

/// <summary>A conduit between two zones, with the boundary devices that enforce it.</summary>
public sealed record ConduitSummary(
    string Id,
    string? Name,
    string FromZone,
    string ToZone,
    IReadOnlyList<string> Boundary,
    int? SecurityLevel,
    bool? DenyByDefault,
    bool? Monitored,
    SourceLocation Location);

/// <summary>A flow between two assets and their zones: how a finding on it, or a witness path's hop, maps onto the zone graph.</summary>
public sealed record FlowSummary(string Id, string From, string To, string FromZone, string ToZone, string? Conduit, bool Bidirectional, SourceLocation Location);

/// <summary>How a waiver stands on the evaluation date.</summary>
public enum WaiverState
{
    /// <summary>In force and suppressing at least one violation.</summary>
    Active,

    /// <summary>In force, suppressing violations, and expiring within 30 days.</summary>
    ExpiringSoon,

    /// <summary>Past its expiry: it suppresses nothing.</summary>
    Expired,

    /// <summary>In force but matching no violation.</summary>
    Unused,

    /// <summary>In force, for a rule that is not part of the check: whether it is used is not known.</summary>
    NotChecked,
}

/// <summary>A waiver of the site, how it stands, and how many violations it suppresses.</summary>
public sealed record WaiverSummary(
    string? Id,
    string Rule,
    IReadOnlyList<string> Targets,
    string Reason,
    string ApprovedBy,
    DateOnly Expires,
    WaiverState State,
    int Suppressed,
    SourceLocation Location);
