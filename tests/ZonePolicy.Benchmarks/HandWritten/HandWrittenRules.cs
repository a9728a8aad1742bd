using System.Globalization;
using ZonePolicy.Topology;
using ZonePolicy.Types;
using static ZonePolicy.Benchmarks.HandWritten.Slots;

namespace ZonePolicy.Benchmarks.HandWritten;

/// <summary>
/// The rules of Rules/factory.zpol written directly in C# over the loaded model: the baseline the engine is
/// measured against. Missing values behave as the language says: a failed <c>require</c> on missing data
/// is a violation, a <c>forbid</c> on missing data is not.
/// </summary>
internal sealed class HandWrittenRules
{
    private const decimal MaxCvss = 7.0m;
    private const int MaxServices = 3;
    private const int EndOfLifeNoticeDays = 90;

    private static readonly HashSet<string> ComputerTypes = ["workstation", "server", "engineering-workstation", "hmi", "historian", "mes"];
    private static readonly HashSet<string> Protection = ["antivirus", "allowlist"];
    private static readonly HashSet<string> Cleartext = ["telnet", "ftp", "http", "vnc", "modbus"];
    private static readonly HashSet<string> BoundaryTypes = ["firewall", "data-diode", "vpn-gateway"];
    private static readonly HashSet<string> StrongAuthentication = ["certificate", "mfa"];

    private readonly SiteModel site;
    private readonly DateOnly today;
    private readonly List<Finding> findings = [];

    private HandWrittenRules(SiteModel site, DateOnly today)
    {
        this.site = site;
        this.today = today;
    }

    public static HandWrittenResult Check(SiteModel site, DateOnly today)
    {
        var rules = new HandWrittenRules(site, today);
        rules.CheckAssets();
        rules.CheckFlows();
        rules.CheckZones();
        rules.CheckConduits();
        rules.CheckReachability();
        return rules.Report();
    }

    private void CheckAssets()
    {
        foreach (var a in site.OfKind(EntityKind.Asset))
        {
            var values = a;
            if (values[AssetOs] is RecordValue os && !(os[OsEndOfSupport] is DateOnly osEnd && osEnd > today))
            {
                Add("BM-OS-01", a, $"{a.Id}: {Text(os[OsName])} {Text(os[OsVersion])} support ends {Text(os[OsEndOfSupport])}");
            }

            if (values[AssetFirmware] is RecordValue firmware && firmware[FirmwareEndOfSupport] is DateOnly firmwareEnd
                && firmwareEnd.DayNumber - today.DayNumber <= EndOfLifeNoticeDays)
            {
                Add("BM-FW-01", a, $"{a.Id}: firmware {Text(firmware[FirmwareVersion])} support ends {Text(firmwareEnd)}");
            }

            if (values[AssetType] is string type && ComputerTypes.Contains(type)
                && !(values[AssetEndpointProtection] is string protection && Protection.Contains(protection)))
            {
                Add("BM-EP-01", a, "computers run endpoint protection");
            }

            var authentication = values[AssetAuthentication] as RecordValue;
            if (authentication?[AuthenticationDefaultCredentials] is true)
            {
                Add("BM-AUTH-01", a, "no default credentials");
            }

            CheckVulnerabilities(a);
            CheckServices(a);
        }
    }

    private void CheckVulnerabilities(Entity a)
    {
        if (a[AssetVulnerabilities] is not IReadOnlyList<object?> { Count: > 0 } vulnerabilities)
        {
            return;
        }

        var open = 0;
        decimal? worst = null;
        foreach (var item in vulnerabilities)
        {
            var vulnerability = item as RecordValue;
            var cvss = Number(vulnerability?[VulnerabilityCvss]);
            if (cvss >= MaxCvss && vulnerability![VulnerabilityMitigated] is false)
            {
                open++;
            }

            if (cvss is { } score && (worst is null || score > worst))
            {
                worst = score;
            }
        }

        if (open > 0)
        {
            Add("BM-VULN-01", a, $"{a.Id}: {open} unmitigated vulnerabilities, worst CVSS {Text(worst)}");
        }
    }

    private void CheckServices(Entity a)
    {
        if (a[AssetServices] is not IReadOnlyList<object?> services)
        {
            return;
        }

        var enabled = 0;
        var unneeded = false;
        foreach (var item in services)
        {
            var service = item as RecordValue;
            var isEnabled = service?[ServiceEnabled];
            if (isEnabled is true)
            {
                enabled++;
                unneeded |= service![ServiceRequired] is false && service[ServiceJustification] is null;
            }
        }

        if (services.Count > 0 && enabled > MaxServices)
        {
            Add("BM-SVC-01", a, $"{a.Id} exposes {enabled} services");
        }

        if (unneeded)
        {
            Add("BM-SVC-02", a, $"{a.Id} runs a service it does not need without a justification");
        }
    }

    private void CheckFlows()
    {
        foreach (var f in site.OfKind(EntityKind.Flow))
        {
            var values = f;
            if (values[FlowCrossesZones] is true)
            {
                var from = values[FlowFrom] as Entity;
                var to = values[FlowTo] as Entity;
                if (values[FlowEncrypted] is not true)
                {
                    Add("BM-FLOW-01", f, $"{f.Id}: {Text(from)} -> {Text(to)} crosses from {Text(ZoneOf(from))} to {Text(ZoneOf(to))} unencrypted");
                }

                if (values[FlowProtocol] is string protocol && Cleartext.Contains(protocol))
                {
                    Add("BM-FLOW-02", f, $"{f.Id} carries cleartext {protocol} from {Text(ZoneOf(from))} to {Text(ZoneOf(to))}");
                }
            }

            if (values[FlowStatus] is "new" or "changed" && values[FlowReviewedBy] is null)
            {
                Add("BM-FLOW-03", f, $"{f.Id} is {values[FlowStatus]} but nobody reviewed it");
            }
        }
    }

    private void CheckZones()
    {
        foreach (var z in site.OfKind(EntityKind.Zone))
        {
            var level = z[ZoneSecurityLevel] as long?;
            var flowsIn = z[ZoneFlowsIn] as IReadOnlyList<object?>;
            var assets = z[ZoneAssets] as IReadOnlyList<object?>;
            if (IsControlZone(z))
            {
                foreach (var f in Entities(flowsIn))
                {
                    if (f[FlowControl] is true && !PassesBoundary(f))
                    {
                        Add("BM-ZONE-01", [z, f], f, $"{f.Id} sends control instructions into {z.Id} without a boundary device");
                    }
                }

                foreach (var a in Entities(assets))
                {
                    if (a[AssetWireless] is true
                        && !((a[AssetAuthentication] as RecordValue)?[AuthenticationMethod] is string method && StrongAuthentication.Contains(method)))
                    {
                        Add("BM-ZONE-03", [z, a], a, $"{a.Id} in {z.Id} is wireless without certificate or multi-factor authentication");
                    }
                }
            }

            if (level >= 3)
            {
                foreach (var f in Entities(flowsIn))
                {
                    var fromZone = ZoneOf(f[FlowFrom] as Entity);
                    var fromLevel = fromZone?[ZoneSecurityLevel] as long?;
                    if (!(fromLevel >= level - 1))
                    {
                        Add("BM-ZONE-02", [z, f], f, $"{f.Id} enters {z.Id} (SL {level}) from {Text(fromZone)} (SL {Text(fromLevel)})");
                    }
                }
            }

            if (level >= 2)
            {
                var logging = Entities(assets).Count(a => a[AssetLogging] is true);
                if (assets is null || logging * 2 < assets.Count)
                {
                    Add("BM-LOG-01", z, $"{z.Id}: only {Text(assets is null ? null : logging)} of {Text(assets?.Count)} assets log security events");
                }
            }
        }
    }

    /// <summary>(has(f.via) and any boundary in f.via) or (has(f.conduit) and any boundary in its boundary), with unknowns.</summary>
    private static bool PassesBoundary(Entity f)
    {
        var via = f[FlowVia] is { } devices ? AnyBoundary(devices) : false;
        if (via is not false)
        {
            return via is true;
        }

        var conduit = f[FlowConduit] is Entity c ? AnyBoundary(c[ConduitBoundary]) : false;
        return conduit is true;
    }

    private static bool? AnyBoundary(object? devices)
    {
        if (devices is not IReadOnlyList<object?> list)
        {
            return null;
        }

        var unknown = false;
        foreach (var device in list)
        {
            if ((device as Entity)?[AssetType] is not string type)
            {
                unknown = true;
            }
            else if (BoundaryTypes.Contains(type))
            {
                return true;
            }
        }

        return unknown ? null : false;
    }

    private void CheckConduits()
    {
        foreach (var c in site.OfKind(EntityKind.Conduit))
        {
            var zones = c[ConduitZones] as IReadOnlyList<object?>;
            if (!Entities(zones).Any(z => z[ZoneSecurityLevel] as long? >= 3))
            {
                continue;
            }

            if (!(c[ConduitDenyByDefault] is true && c[ConduitMonitored] is true))
            {
                Add("BM-COND-01", c, $"{c.Id} between [{string.Join(", ", zones!.Select(Text))}] must deny by default and be monitored");
            }
        }
    }

    private void CheckReachability()
    {
        var zones = site.OfKind(EntityKind.Zone);
        var graph = new FlowGraph(site);
        var controlZones = zones.Where(IsControlZone).ToList();
        var safetyZones = zones.Where(z => z[ZoneKind] is "safety").ToList();

        var noFirewall = graph.Avoiding(a => a[AssetType] is "firewall" or "data-diode");
        foreach (var source in zones.Where(z => z[ZoneKind] is "external"))
        {
            noFirewall.From(AssetsOf(source));
            foreach (var target in controlZones)
            {
                if (noFirewall.PathTo(AssetsOf(target)) is { } path)
                {
                    Add("BM-REACH-01", [source, target], target, $"{target.Id} is reachable from external zone {source.Id} without a firewall: {path}");
                }
            }
        }

        var noBoundary = graph.Avoiding(a => a[AssetType] is string type && BoundaryTypes.Contains(type));
        foreach (var source in zones.Where(z => z[ZoneKind] is "dmz"))
        {
            noBoundary.From(AssetsOf(source));
            foreach (var target in safetyZones)
            {
                if (noBoundary.Reaches(AssetsOf(target)))
                {
                    Add("BM-REACH-02", [source, target], target, $"{target.Id} is reachable from DMZ {source.Id} past no boundary device");
                }
            }
        }
    }

    private HandWrittenResult Report()
    {
        var waivers = new Dictionary<(string Rule, string Targets), bool>();
        foreach (var waiver in site.Waivers)
        {
            if (waiver.Expires >= today)
            {
                waivers.TryAdd((waiver.Rule, string.Join('\u001f', waiver.Targets)), true);
            }
        }

        var inForce = new List<Finding>(findings.Count);
        var suppressed = 0;
        foreach (var finding in findings)
        {
            if (waivers.Count > 0
                && (waivers.ContainsKey((finding.Rule, string.Join('\u001f', finding.Bindings.Select(b => b.Id))))
                    || waivers.ContainsKey((finding.Rule, finding.At.Id))))
            {
                suppressed++;
            }
            else
            {
                inForce.Add(finding);
            }
        }

        inForce.Sort((x, y) =>
        {
            var byLine = x.At.Location.Line.CompareTo(y.At.Location.Line);
            var byColumn = byLine != 0 ? byLine : x.At.Location.Column.CompareTo(y.At.Location.Column);
            var byRule = byColumn != 0 ? byColumn : string.CompareOrdinal(x.Rule, y.Rule);
            return byRule != 0 ? byRule : string.CompareOrdinal(x.Message, y.Message);
        });
        return new HandWrittenResult(inForce, suppressed);
    }

    private void Add(string rule, Entity entity, string message) => findings.Add(new Finding(rule, [entity], entity, message));

    private void Add(string rule, Entity[] bindings, Entity at, string message) => findings.Add(new Finding(rule, bindings, at, message));

    private static bool IsControlZone(Entity zone) => zone[ZoneKind] is "control" or "safety";

    private static Entity? ZoneOf(Entity? asset) => asset?[AssetZone] as Entity;

    private static IEnumerable<Entity> AssetsOf(Entity zone) => Entities(zone[ZoneAssets] as IReadOnlyList<object?>);

    private static IEnumerable<Entity> Entities(IReadOnlyList<object?>? list) => list?.OfType<Entity>() ?? [];

    private static decimal? Number(object? value) => value switch
    {
        decimal d => d,
        long l => l,
        _ => null,
    };

    private static string Text(object? value) => value switch
    {
        null => "null",
        string s => s,
        Entity e => e.Id,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
