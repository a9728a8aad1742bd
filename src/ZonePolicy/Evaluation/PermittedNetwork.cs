using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>
/// What the network of a site permits, asset by asset: the reference meaning of permitted connectivity.
/// An asset is on the network of its own zone, and of every zone it has an interface in when it bridges them.
/// A session from asset <c>a</c> to asset <c>b</c> is permitted by a zone both are on that is not segmented,
/// or by an allow rule of a segmented one; or by a conduit between a zone of <c>a</c> and a zone of <c>b</c>
/// that does not deny by default, or by one of its allow rules. The first permission in a fixed order
/// explains a hop: zones before conduits, fewer interfaces first, then file order, then rule order.
/// </summary>
internal sealed class PermittedNetwork
{
    private readonly Dictionary<Entity, int> zoneNumbers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(int, int), List<int>> conduitsBetween = [];
    private readonly Lazy<Usage> usage;
    private readonly SiteModel site;

    public PermittedNetwork(SiteModel site, AssetIndex assets)
    {
        this.site = site;
        Assets = assets;
        Zones = site.OfKind(EntityKind.Zone);
        for (var z = 0; z < Zones.Count; z++)
        {
            zoneNumbers[Zones[z]] = z;
        }

        Types = new string?[assets.Count];
        Memberships = new Membership[assets.Count][];
        var members = Zones.Select(_ => new List<int>()).ToArray();
        var ownZoneOnly = Zones.Select((_, z) => new[] { new Membership(z, null) }).ToArray();
        var typeSlot = TopologySchema.Asset["type"].Slot;
        var zoneSlot = TopologySchema.Asset["zone"].Slot;
        var bridgesSlot = TopologySchema.Asset["bridges"].Slot;
        for (var a = 0; a < assets.Count; a++)
        {
            var asset = assets[a];
            Types[a] = asset[typeSlot] as string;
            Memberships[a] = asset[bridgesSlot] is true ? MembershipsOf(asset)
                : asset[zoneSlot] is Entity home ? ownZoneOnly[zoneNumbers[home]]
                : [];
            foreach (var membership in Memberships[a])
            {
                members[membership.Zone].Add(a);
            }
        }

        MembersOf = members.Select(list => list.ToArray()).ToArray();
        ZoneRules = Zones.Select(zone => new ZoneRules(zone, zone["segmented"] is true, Compile(zone, [zoneNumbers[zone]]))).ToArray();

        var conduits = new List<ConduitRules>();
        foreach (var conduit in site.OfKind(EntityKind.Conduit))
        {
            if (conduit["zones"] is not IReadOnlyList<Entity?> { Count: 2 } ends || ends[0] is not { } x || ends[1] is not { } y || ReferenceEquals(x, y))
            {
                continue;
            }

            var (zx, zy) = (zoneNumbers[x], zoneNumbers[y]);
            var index = conduits.Count;
            conduits.Add(new ConduitRules(conduit, zx, zy, conduit["denyByDefault"] is not true, Compile(conduit, [zx, zy])));
            var key = (Math.Min(zx, zy), Math.Max(zx, zy));
            if (!conduitsBetween.TryGetValue(key, out var list))
            {
                conduitsBetween[key] = list = [];
            }

            list.Add(index);
        }

        Conduits = conduits;
        usage = new Lazy<Usage>(() => new Usage(this, site));
    }

    public AssetIndex Assets { get; }

    public IReadOnlyList<Entity> Zones { get; }

    /// <summary>The zones each asset is on, its own zone first.</summary>
    public Membership[][] Memberships { get; }

    /// <summary>The assets on each zone's network, in number order.</summary>
    public int[][] MembersOf { get; }

    public string?[] Types { get; }

    public IReadOnlyList<ZoneRules> ZoneRules { get; }

    public IReadOnlyList<ConduitRules> Conduits { get; }

    public int ZoneNumber(Entity zone) => zoneNumbers[zone];

    /// <summary>The interface that puts an asset on a zone; null when it is the asset's own zone.</summary>
    public RecordValue? InterfaceOn(int asset, int zone) => Memberships[asset].FirstOrDefault(m => m.Zone == zone).Interface;

    public bool TryZoneNumber(Entity zone, out int number) => zoneNumbers.TryGetValue(zone, out number);

    /// <summary>The first permission of a session from <paramref name="a"/> to <paramref name="b"/>, or null when none permits it.</summary>
    public PermittedHop? HopOf(int a, int b, ServiceFilter filter)
    {
        if (a == b)
        {
            return null;
        }

        Candidate? best = null;
        foreach (var from in Memberships[a])
        {
            foreach (var to in Memberships[b])
            {
                var interfaces = (from.Interface is null ? 0 : 1) + (to.Interface is null ? 0 : 1);
                if (from.Zone == to.Zone)
                {
                    var zone = ZoneRules[from.Zone];
                    var permission = zone.Segmented
                        ? FirstRule(zone.Zone, PermissionKind.ZoneRule, zone.Rules, a, from.Zone, b, to.Zone, filter)
                        : new Permission(PermissionKind.OpenZone, zone.Zone, null, 0);
                    Consider(ref best, new Candidate(0, interfaces, from.Zone, permission, from, to));
                    continue;
                }

                foreach (var index in ConduitsBetween(from.Zone, to.Zone))
                {
                    var conduit = Conduits[index];
                    var permission = conduit.Open
                        ? new Permission(PermissionKind.OpenConduit, conduit.Conduit, null, 0)
                        : FirstRule(conduit.Conduit, PermissionKind.ConduitRule, conduit.Rules, a, from.Zone, b, to.Zone, filter);
                    Consider(ref best, new Candidate(1, interfaces, index, permission, from, to));
                }
            }
        }

        return best is { Permission: { } found } chosen
            ? new PermittedHop(Assets[a], Assets[b], found, Zones[chosen.From.Zone], Zones[chosen.To.Zone], chosen.From.Interface, chosen.To.Interface)
            : null;
    }

    /// <summary>Why no permission lets <paramref name="a"/> start a session with <paramref name="b"/>; null when one does.</summary>
    public string? DenialOf(int a, int b, ServiceFilter filter)
    {
        if (a == b || HopOf(a, b, filter) is not null)
        {
            return null;
        }

        var (from, to) = (Assets[a], Assets[b]);
        var session = $"{filter} from {from.Id} to {to.Id}";
        var shared = Memberships[a].Select(m => m.Zone).Intersect(Memberships[b].Select(m => m.Zone)).ToList();
        if (shared.Count > 0)
        {
            return $"{Zones[shared[0]].Id} is segmented and none of its allow rules permits {session}";
        }

        var crossing = (from m in Memberships[a] from n in Memberships[b] from c in ConduitsBetween(m.Zone, n.Zone) select c).Distinct().ToList();
        if (crossing.Count == 0)
        {
            var fromZones = string.Join(", ", Memberships[a].Select(m => Zones[m.Zone].Id));
            var toZones = string.Join(", ", Memberships[b].Select(m => Zones[m.Zone].Id));
            return $"no conduit joins {fromZones} and {toZones}";
        }

        var names = string.Join(", ", crossing.Select(c => Conduits[c].Conduit.Id));
        return $"{names} {(crossing.Count == 1 ? "denies" : "deny")} by default and no allow rule permits {session}";
    }

    /// <summary>True when <paramref name="conduit"/> permits some session from zone <paramref name="x"/> into zone <paramref name="y"/>.</summary>
    public bool PermitsCrossing(Entity conduit, Entity x, Entity y)
    {
        var rules = Conduits.FirstOrDefault(c => ReferenceEquals(c.Conduit, conduit));
        if (rules is null || !TryZoneNumber(x, out var zx) || !TryZoneNumber(y, out var zy) || zx == zy
            || !(zx == rules.X || zx == rules.Y) || !(zy == rules.X || zy == rules.Y))
        {
            return false;
        }

        return rules.Open || rules.Rules.Any(r => r.Orientations(zx, zy, this).Any());
    }

    /// <summary>The allow rules of a conduit or segmented zone that permit no declared flow.</summary>
    public IReadOnlyList<RecordValue> UnusedRules(Entity owner) => usage.Value.UnusedRules(owner);

    /// <summary>The zones a conduit permits sessions into although no declared flow crosses it into them.</summary>
    public IReadOnlyList<Entity> UnneededCrossings(Entity conduit) => usage.Value.UnneededCrossings(conduit);

    public IReadOnlyList<int> ConduitsBetween(int x, int y) =>
        conduitsBetween.TryGetValue((Math.Min(x, y), Math.Max(x, y)), out var list) ? list : [];

    /// <summary>
    /// The first rule, in order, that lets <paramref name="a"/> on zone <paramref name="za"/> start a session
    /// with <paramref name="b"/> on zone <paramref name="zb"/>.
    /// </summary>
    private Permission? FirstRule(Entity place, PermissionKind kind, IReadOnlyList<AllowRule> rules, int a, int za, int b, int zb, ServiceFilter filter)
    {
        foreach (var rule in rules)
        {
            if (filter.Admits(rule.Protocol, rule.Port) && rule.Permits(a, za, b, zb, this))
            {
                return new Permission(kind, place, rule.Record, rule.Number);
            }
        }

        return null;
    }

    private static void Consider(ref Candidate? best, Candidate candidate)
    {
        if (candidate.Permission is not null && (best is null || candidate.CompareTo(best) < 0))
        {
            best = candidate;
        }
    }

    private Membership[] MembershipsOf(Entity asset)
    {
        var zones = ConnectivityIndexer.MembershipOf(asset);
        var interfaces = ConnectivityIndexer.InterfacesOf(asset);
        var home = asset["zone"] as Entity;
        var result = new Membership[zones.Count];
        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[i];
            var network = ReferenceEquals(zone, home) ? null : interfaces.FirstOrDefault(n => ReferenceEquals(n["zone"], zone));
            result[i] = new Membership(zoneNumbers[zone], network);
        }

        return result;
    }

    private AllowRule[] Compile(Entity owner, int[] zones)
    {
        var slot = owner.Kind == EntityKind.Zone ? TopologySchema.Zone["allow"].Slot : TopologySchema.Conduit["allow"].Slot;
        if (owner[slot] is not IReadOnlyList<RecordValue?> { Count: > 0 } records)
        {
            return [];
        }

        var shape = records[0]!.Shape;
        var (direction, protocol, port) = (shape["direction"].Slot, shape["protocol"].Slot, shape["port"].Slot);
        var rules = new AllowRule[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i]!;
            var ends = site.AllowRuleEnds.GetValueOrDefault(record);
            rules[i] = new AllowRule(
                record,
                i + 1,
                End(ends.From),
                End(ends.To),
                record[direction] is "bidirectional",
                record[protocol] as string,
                record[port] as long?,
                zones);
        }

        return rules;
    }

    /// <summary>What an allow rule's end names; the loader has checked it names a zone, an asset or a type.</summary>
    /// <summary>An end the loader has resolved: a zone, an asset, or the assets of a type.</summary>
    private RuleEnd End(ResolvedEnd end) => end switch
    {
        { Type: { } type } => new RuleEnd(EndKind.Type, -1, type),
        { Entity: { Kind: EntityKind.Zone } zone } => new RuleEnd(EndKind.Zone, zoneNumbers[zone], null),
        { Entity: { Kind: EntityKind.Asset } asset } => new RuleEnd(EndKind.Asset, Assets.NumberOf(asset), null),
        _ => RuleEnd.Nothing,
    };

    /// <summary>A zone an asset is on, and the interface that puts it there (null for its own zone).</summary>
    internal readonly record struct Membership(int Zone, RecordValue? Interface);

    /// <summary>A candidate permission of one hop, ordered zones first, fewer interfaces, file order.</summary>
    private sealed record Candidate(int Category, int Interfaces, int Order, Permission? Permission, Membership From, Membership To)
    {
        public int CompareTo(Candidate other)
        {
            var order = Category.CompareTo(other.Category);
            order = order != 0 ? order : Interfaces.CompareTo(other.Interfaces);
            order = order != 0 ? order : Order.CompareTo(other.Order);
            return order != 0 ? order : Permission!.RuleNumber.CompareTo(other.Permission!.RuleNumber);
        }
    }

    /// <summary>Which declared flows use which rules and conduit crossings: the ground for least functionality.</summary>
    private sealed class Usage
    {
        private readonly HashSet<RecordValue> usedRules = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<(int Conduit, int Into)> usedCrossings = [];
        private readonly PermittedNetwork network;

        public Usage(PermittedNetwork network, SiteModel site)
        {
            this.network = network;
            foreach (var flow in site.OfKind(EntityKind.Flow))
            {
                if (flow["from"] is not Entity from || flow["to"] is not Entity to
                    || !network.Assets.TryNumber(from, out var a) || !network.Assets.TryNumber(to, out var b))
                {
                    continue;
                }

                var filter = new ServiceFilter(flow["protocol"] as string, flow["port"] as long?);
                Use(a, b, filter);
                if (flow["direction"] is "bidirectional")
                {
                    Use(b, a, filter);
                }
            }
        }

        public IReadOnlyList<RecordValue> UnusedRules(Entity owner)
        {
            var slot = owner.Kind == EntityKind.Zone ? TopologySchema.Zone["allow"].Slot : TopologySchema.Conduit["allow"].Slot;
            return owner.Kind is EntityKind.Zone or EntityKind.Conduit
                ? ConnectivityIndexer.AllowRules(owner, slot).Where(r => !usedRules.Contains(r)).ToArray()
                : [];
        }

        public IReadOnlyList<Entity> UnneededCrossings(Entity conduit)
        {
            var index = -1;
            for (var i = 0; i < network.Conduits.Count; i++)
            {
                if (ReferenceEquals(network.Conduits[i].Conduit, conduit))
                {
                    index = i;
                }
            }

            if (index < 0)
            {
                return [];
            }

            var rules = network.Conduits[index];
            var (x, y) = (network.Zones[rules.X], network.Zones[rules.Y]);
            var unneeded = new List<Entity>();
            foreach (var (from, into, intoNumber) in new[] { (x, y, rules.Y), (y, x, rules.X) })
            {
                if (network.PermitsCrossing(conduit, from, into) && !usedCrossings.Contains((index, intoNumber)))
                {
                    unneeded.Add(into);
                }
            }

            return unneeded;
        }

        /// <summary>Marks every permission that lets <paramref name="a"/> start the flow's session with <paramref name="b"/>.</summary>
        private void Use(int a, int b, ServiceFilter filter)
        {
            if (a == b)
            {
                return;
            }

            foreach (var from in network.Memberships[a])
            {
                foreach (var to in network.Memberships[b])
                {
                    if (from.Zone == to.Zone)
                    {
                        var zone = network.ZoneRules[from.Zone];
                        MarkRules(zone.Rules, a, from.Zone, b, to.Zone, filter);
                        continue;
                    }

                    foreach (var index in network.ConduitsBetween(from.Zone, to.Zone))
                    {
                        var conduit = network.Conduits[index];
                        if (conduit.Open || MarkRules(conduit.Rules, a, from.Zone, b, to.Zone, filter))
                        {
                            usedCrossings.Add((index, to.Zone));
                        }
                    }
                }
            }
        }

        private bool MarkRules(IReadOnlyList<AllowRule> rules, int a, int za, int b, int zb, ServiceFilter filter)
        {
            var any = false;
            foreach (var rule in rules)
            {
                if (filter.Admits(rule.Protocol, rule.Port) && rule.Permits(a, za, b, zb, network))
                {
                    usedRules.Add(rule.Record);
                    any = true;
                }
            }

            return any;
        }
    }
}

/// <summary>What an allow rule's <c>from</c> or <c>to</c> resolves to.</summary>
internal enum EndKind
{
    Nothing,
    Zone,
    Asset,
    Type,
}

/// <summary>A resolved end of an allow rule: a zone (its network), one asset, or the assets of a type.</summary>
internal readonly record struct RuleEnd(EndKind Kind, int Number, string? Type)
{
    public static readonly RuleEnd Nothing = new(EndKind.Nothing, -1, null);

    /// <summary>True when asset <paramref name="asset"/>, on zone <paramref name="zone"/>, is this end.</summary>
    public bool Matches(int asset, int zone, PermittedNetwork network) => Kind switch
    {
        EndKind.Zone => Number == zone,
        EndKind.Asset => Number == asset,
        EndKind.Type => network.Types[asset] == Type,
        _ => false,
    };
}

/// <summary>An allow rule of a zone or conduit, resolved: its ends, direction, service, and the zones it is about.</summary>
internal sealed record AllowRule(RecordValue Record, int Number, RuleEnd From, RuleEnd To, bool Bidirectional, string? Protocol, long? Port, int[] Zones)
{
    /// <summary>True when the rule lets <paramref name="a"/> on <paramref name="za"/> start a session with <paramref name="b"/> on <paramref name="zb"/>.</summary>
    public bool Permits(int a, int za, int b, int zb, PermittedNetwork network)
    {
        if (!Zones.Contains(za) || !Zones.Contains(zb) || (Zones.Length == 2 && za == zb))
        {
            return false;
        }

        return (From.Matches(a, za, network) && To.Matches(b, zb, network))
            || (Bidirectional && To.Matches(a, za, network) && From.Matches(b, zb, network));
    }

    /// <summary>The (starting end, reached end) pairs the rule permits from zone <paramref name="x"/> into zone <paramref name="y"/>.</summary>
    public IEnumerable<(RuleEnd Start, RuleEnd Reach)> Orientations(int x, int y, PermittedNetwork network)
    {
        if (Covers(From, x, network) && Covers(To, y, network))
        {
            yield return (From, To);
        }

        if (Bidirectional && Covers(To, x, network) && Covers(From, y, network))
        {
            yield return (To, From);
        }
    }

    /// <summary>True when some asset on zone <paramref name="zone"/> is this end.</summary>
    private static bool Covers(RuleEnd end, int zone, PermittedNetwork network) => end.Kind switch
    {
        EndKind.Zone => end.Number == zone,
        EndKind.Asset => network.MembersOf[zone].Contains(end.Number),
        EndKind.Type => network.MembersOf[zone].Any(a => network.Types[a] == end.Type),
        _ => false,
    };
}

/// <summary>A zone's own rules: whether it is segmented, and its allow rules.</summary>
internal sealed record ZoneRules(Entity Zone, bool Segmented, IReadOnlyList<AllowRule> Rules);

/// <summary>A conduit's rules: its two zones, whether it permits everything, and its allow rules.</summary>
internal sealed record ConduitRules(Entity Conduit, int X, int Y, bool Open, IReadOnlyList<AllowRule> Rules);
