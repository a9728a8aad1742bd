using System.Globalization;
using System.Text;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

/// <summary>What lets one asset start a session with another.</summary>
internal enum PermissionKind
{
    /// <summary>Both are on a zone that is not segmented.</summary>
    OpenZone,

    /// <summary>An allow rule of a segmented zone they are both on.</summary>
    ZoneRule,

    /// <summary>A conduit between their zones that does not deny by default.</summary>
    OpenConduit,

    /// <summary>An allow rule of a conduit between their zones, carried by one of its boundary devices.</summary>
    ConduitRule,
}

/// <summary>
/// A zone or conduit that permits sessions, and the allow rule of it that does (none when it permits
/// everything); the rule's place in the topology is where the permission is stated.
/// </summary>
internal sealed record Permission(PermissionKind Kind, Entity Place, RecordValue? Rule, int RuleNumber)
{
    public Entity? Conduit => Kind is PermissionKind.OpenConduit or PermissionKind.ConduitRule ? Place : null;

    public Entity? Device => Rule?["device"] as Entity;

    public SourceLocation Location => Rule?.Location ?? Place.Location;

    /// <summary>One sentence for a reader: what permits the session, with the rule's ends and service.</summary>
    public string Describe() => Kind switch
    {
        PermissionKind.OpenZone => $"{Place.Id} is not segmented: its assets reach one another",
        PermissionKind.OpenConduit => $"{Place.Id} does not deny by default: it permits every session between {ZonesOf(Place)}",
        PermissionKind.ZoneRule => $"{Place.Id} allow rule {RuleNumber}{NameOf(Rule!)} permits {RuleText(Rule!)}",
        _ => $"{Place.Id} allow rule {RuleNumber}{NameOf(Rule!)} on {Device?.Id} permits {RuleText(Rule!)}",
    };

    /// <summary><c>from -> to, rdp/3389</c>: an allow rule's ends and service.</summary>
    public static string RuleText(RecordValue rule)
    {
        var arrow = rule["direction"] is "bidirectional" ? " <-> " : " -> ";
        return $"{rule["from"]}{arrow}{rule["to"]}, {ServiceText(rule["protocol"] as string, rule["port"] as long?)}";
    }

    /// <summary><c>rdp/3389</c>, <c>rdp</c>, <c>port 3389</c> or <c>any service</c>.</summary>
    public static string ServiceText(string? protocol, long? port) => (protocol, port) switch
    {
        (null, null) => "any service",
        (null, { } p) => $"port {p.ToString(CultureInfo.InvariantCulture)}",
        ({ } name, null) => name,
        ({ } name, { } p) => $"{name}/{p.ToString(CultureInfo.InvariantCulture)}",
    };

    private static string NameOf(RecordValue rule) => rule["name"] is string name ? $" ({name})" : "";

    private static string ZonesOf(Entity conduit) =>
        conduit["zones"] is IReadOnlyList<Entity?> zones ? string.Join(" and ", zones.Select(z => z?.Id)) : "its zones";
}

/// <summary>
/// One hop of a permitted path: who starts the session with whom, what permits it, and the zones and
/// interfaces they meet on (an interface is null when the asset is on the zone as its own).
/// </summary>
internal sealed record PermittedHop(Entity From, Entity To, Permission Permission, Entity FromZone, Entity ToZone, RecordValue? FromInterface, RecordValue? ToInterface)
{
    /// <summary>The permission, and any interface the hop relies on.</summary>
    public string Describe()
    {
        var text = new StringBuilder(Permission.Describe());
        AppendInterface(text, From, FromZone, FromInterface);
        AppendInterface(text, To, ToZone, ToInterface);
        return text.ToString();
    }

    private static void AppendInterface(StringBuilder text, Entity asset, Entity zone, RecordValue? network)
    {
        if (network is not null)
        {
            text.Append("; ").Append(asset.Id).Append(" is on ").Append(zone.Id)
                .Append(" through its ").Append(network["medium"] as string ?? "wired").Append(" interface");
        }
    }
}

/// <summary>Which sessions a search or check is about: a protocol and a port, each any when null.</summary>
internal sealed record ServiceFilter(string? Protocol, long? Port)
{
    public static readonly ServiceFilter Any = new(null, null);

    /// <summary>True when a rule for <paramref name="protocol"/> and <paramref name="port"/> (null: any) allows these sessions.</summary>
    public bool Admits(string? protocol, long? port) =>
        (Protocol is null || protocol is null || string.Equals(Protocol, protocol, StringComparison.Ordinal))
        && (Port is null || port is null || Port == port);

    public override string ToString() => Permission.ServiceText(Protocol, Port);
}
