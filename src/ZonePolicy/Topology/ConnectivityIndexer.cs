using ZonePolicy.Diagnostics;
using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// Declares the attributes computed from what a site says about permitted connectivity (flow.passes;
/// asset.networks, bridges and entryPoints) and checks it. A conduit that joins a zone to itself (ZP0222),
/// an allow rule on a device the conduit does not list (ZP0221), naming an unknown zone, asset or asset type
/// (ZP0220), or a zone or asset its conduit or zone does not hold (ZP0224) is an error at its place.
/// </summary>
internal static class ConnectivityIndexer
{
    /// <summary>The kinds of entry point, in the order <c>entryPoints</c> lists them.</summary>
    public static readonly IReadOnlyList<string> EntryKinds = ["external", "cellular", "wireless", "remote-access", "temporary"];

    /// <summary>Asset types that are remote-access services by what they are.</summary>
    public static readonly IReadOnlyList<string> RemoteAccessTypes = ["vpn-gateway", "remote-maintenance"];

    private static readonly int Boundary = TopologySchema.Conduit["boundary"].Slot;
    private static readonly int ConduitZones = TopologySchema.Conduit["zones"].Slot;
    private static readonly int ConduitAllow = TopologySchema.Conduit["allow"].Slot;
    private static readonly int DenyByDefault = TopologySchema.Conduit["denyByDefault"].Slot;
    private static readonly int ZoneAllow = TopologySchema.Zone["allow"].Slot;
    private static readonly int ZoneKind = TopologySchema.Zone["kind"].Slot;
    private static readonly int AssetZone = TopologySchema.Asset["zone"].Slot;
    private static readonly int AssetType = TopologySchema.Asset["type"].Slot;
    private static readonly int Interfaces = TopologySchema.Asset["interfaces"].Slot;
    private static readonly int FlowVia = TopologySchema.Flow["via"].Slot;
    private static readonly int FlowConduit = TopologySchema.Flow["conduit"].Slot;

    /// <summary>
    /// Declares the computed attributes, each worked out for every row the first time a rule reads it:
    /// flow.passes; asset.networks, bridges and entryPoints.
    /// </summary>
    public static void Declare(ModelTables tables)
    {
        var assets = tables.Entities(EntityKind.Asset);
        var flows = tables.Entities(EntityKind.Flow);
        var conduits = tables.Entities(EntityKind.Conduit);
        flows.SetComputed(TopologySchema.Flow["passes"].Slot, () => Passes(flows, conduits));
        var networks = new Lazy<IReadOnlyList<Entity>[]>(() => [.. assets.Entities.Select(NetworksOf)]);
        assets.SetComputed(TopologySchema.Asset["networks"].Slot, () => [.. networks.Value]);
        assets.SetComputed(TopologySchema.Asset["bridges"].Slot, () =>
        {
            var filtering = FilteringDevices(conduits.Entities);
            return [.. assets.Entities.Select((asset, a) => ValuePool.Bool(networks.Value[a].Count > 1 && !filtering.Contains(asset)))];
        });
        assets.SetComputed(TopologySchema.Asset["entryPoints"].Slot, () => [.. assets.Entities.Select(EntryPointsOf)]);
    }

    /// <summary>Checks what the site says about permitted connectivity; false when it added an error.</summary>
    public static bool Check(SiteModel site, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var check = new Checker(site, diagnostics);
        foreach (var conduit in site.OfKind(EntityKind.Conduit))
        {
            check.Conduit(conduit);
        }

        foreach (var zone in site.OfKind(EntityKind.Zone))
        {
            check.SegmentedZone(zone);
        }

        return diagnostics.Count == before;
    }

    /// <summary>
    /// The one meaning of "the devices a flow passes": its <c>via</c> when it has one, otherwise its
    /// conduit's <c>boundary</c>, otherwise none.
    /// </summary>
    public static IReadOnlyList<Entity> PassesOf(Entity flow)
    {
        if (flow[FlowVia] is IReadOnlyList<Entity?> { Count: > 0 } via)
        {
            return via.OfType<Entity>().ToArray();
        }

        return flow[FlowConduit] is Entity conduit
            && conduit[Boundary] is IReadOnlyList<Entity?> boundary
            ? boundary.OfType<Entity>().ToArray()
            : [];
    }

    /// <summary>
    /// <see cref="PassesOf"/> for every flow, by row: the flows of one conduit share one list of its boundary, so
    /// a large site makes a list per conduit and per flow with a <c>via</c>, not one per flow.
    /// </summary>
    internal static object?[] Passes(EntityTable flows, EntityTable conduits)
    {
        var passes = new object?[flows.Count];
        var boundaries = new IReadOnlyList<Entity>?[conduits.Count];
        for (var row = 0; row < passes.Length; row++)
        {
            if (flows.Get(FlowVia, row) is IReadOnlyList<Entity?> { Count: > 0 } via)
            {
                passes[row] = via.OfType<Entity>().ToArray();
            }
            else if (flows.OrdinalAt(FlowConduit, row) is var conduit and >= 0)
            {
                passes[row] = boundaries[conduit] ??= conduits.Get(Boundary, conduit) is IReadOnlyList<Entity?> boundary
                    ? boundary.OfType<Entity>().ToArray()
                    : [];
            }
            else
            {
                passes[row] = Array.Empty<Entity>();
            }
        }

        return passes;
    }

    /// <summary>The devices that filter a conduit: its boundary when it denies by default, and every device an allow rule names.</summary>
    private static HashSet<Entity> FilteringDevices(IReadOnlyList<Entity> conduits)
    {
        var devices = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        foreach (var conduit in conduits)
        {
            if (conduit[DenyByDefault] is true && conduit[Boundary] is IReadOnlyList<Entity?> boundary)
            {
                devices.UnionWith(boundary.OfType<Entity>());
            }

            foreach (var rule in AllowRules(conduit, ConduitAllow))
            {
                if (rule["device"] is Entity device)
                {
                    devices.Add(device);
                }
            }
        }

        return devices;
    }

    public static IReadOnlyList<RecordValue> AllowRules(Entity owner, int slot) =>
        owner[slot] is IReadOnlyList<RecordValue?> rules ? rules.OfType<RecordValue>().ToArray() : [];

    /// <summary>The asset's own zone, then the zones of its interfaces, each once.</summary>
    private static IReadOnlyList<Entity> NetworksOf(Entity asset)
    {
        var home = asset[AssetZone] as Entity;
        var interfaces = InterfacesOf(asset);
        if (interfaces.Count == 0)
        {
            return home is null ? [] : [home];
        }

        var zones = new List<Entity>();
        if (home is not null)
        {
            zones.Add(home);
        }

        foreach (var network in interfaces)
        {
            if (network["zone"] is Entity zone && !zones.Contains(zone))
            {
                zones.Add(zone);
            }
        }

        return zones;
    }

    /// <summary>
    /// The zones whose networks the asset is on for permitted connectivity: every zone it is attached to when
    /// it bridges them, otherwise its own zone. Reads the computed attributes, so it works after indexing.
    /// </summary>
    public static IReadOnlyList<Entity> MembershipOf(Entity asset) =>
        asset["bridges"] is true && asset["networks"] is IReadOnlyList<Entity> networks ? networks
        : asset[AssetZone] is Entity home ? [home]
        : [];

    public static IReadOnlyList<RecordValue> InterfacesOf(Entity asset) =>
        asset[Interfaces] is IReadOnlyList<RecordValue?> list ? list.OfType<RecordValue>().ToArray() : [];

    private static IReadOnlyList<string> EntryPointsOf(Entity asset)
    {
        var interfaces = InterfacesOf(asset);
        var kinds = new List<string>(1);
        if (asset[AssetZone] is Entity zone && zone[ZoneKind] is "external")
        {
            kinds.Add("external");
        }

        if (interfaces.Any(i => i["medium"] is "cellular"))
        {
            kinds.Add("cellular");
        }

        if (asset["wireless"] is true || interfaces.Any(i => i["medium"] is "wireless"))
        {
            kinds.Add("wireless");
        }

        if ((asset[AssetType] is string type && RemoteAccessTypes.Contains(type))
            || (asset["services"] is IReadOnlyList<RecordValue?> services && services.Any(s => s?["remoteAccess"] is true)))
        {
            kinds.Add("remote-access");
        }

        if (asset["temporary"] is true)
        {
            kinds.Add("temporary");
        }

        return kinds.Count == 0 ? [] : kinds;
    }

    /// <summary>The checks of one site, with the vocabulary its messages suggest from.</summary>
    private sealed class Checker(SiteModel site, List<Diagnostic> diagnostics)
    {
        private readonly Lazy<HashSet<string>> types = new(() => site.OfKind(EntityKind.Asset)
            .Select(a => a[AssetType] as string).OfType<string>().ToHashSet(StringComparer.Ordinal));

        private Dictionary<Entity, HashSet<string>>? typesOn;

        public void Conduit(Entity conduit)
        {
            var zones = (conduit[ConduitZones] as IReadOnlyList<Entity?> ?? []).OfType<Entity>().ToArray();
            if (zones.Length == 2 && ReferenceEquals(zones[0], zones[1]))
            {
                Report(DiagnosticDescriptors.ConduitJoinsZoneToItself, conduit.Location, Show(conduit), Show(zones[0]));
                return;
            }

            var boundary = (conduit[Boundary] as IReadOnlyList<Entity?> ?? []).OfType<Entity>().ToArray();
            var number = 0;
            foreach (var rule in AllowRules(conduit, ConduitAllow))
            {
                number++;
                var where = $"conduit `{Show(conduit)}`, allow rule {number}";
                if (rule["device"] is Entity device && !boundary.Contains(device))
                {
                    var listed = boundary.Length == 0 ? "it has no `boundary`" : $"its `boundary` is [{string.Join(", ", boundary.Select(Show))}]";
                    Report(DiagnosticDescriptors.AllowRuleDeviceNotOnConduit, rule.Location, where, Show(device), listed);
                }

                if (zones.Length == 2)
                {
                    CheckEnds(rule, where, zones, crossing: true);
                }
            }
        }

        public void SegmentedZone(Entity zone)
        {
            var number = 0;
            foreach (var rule in AllowRules(zone, ZoneAllow))
            {
                number++;
                CheckEnds(rule, $"zone `{Show(zone)}`, allow rule {number}", [zone], crossing: false);
            }
        }

        /// <summary>
        /// Both ends resolve, and there is a way to read the rule that joins the zones it is about; the ends are
        /// kept in <see cref="SiteModel.AllowRuleEnds"/>.
        /// </summary>
        private void CheckEnds(RecordValue rule, string where, Entity[] zones, bool crossing)
        {
            var from = Resolve(rule, "from", where, zones);
            var to = Resolve(rule, "to", where, zones);
            if (from is not var (fromEnd, fromSides) || to is not var (toEnd, toSides))
            {
                return;
            }

            if (crossing && !fromSides.Any(s => toSides.Any(t => !ReferenceEquals(s, t))))
            {
                Report(DiagnosticDescriptors.AllowRuleOnOneSide, rule.Location, where, Show(rule["from"]), Show(rule["to"]), Show(fromSides[0]));
                return;
            }

            site.AllowRuleEnds[rule] = new AllowRuleEnds(fromEnd, toEnd);
        }

        /// <summary>What an end names and the zones of <paramref name="zones"/> it can be on, or null after reporting why it names none.</summary>
        private (ResolvedEnd End, List<Entity> Sides)? Resolve(RecordValue rule, string end, string where, Entity[] zones)
        {
            if (rule[end] is not string text)
            {
                return null;
            }

            var selector = Selector.Parse(text, out var problem);
            if (selector is null || !selector.FitsAllowRule)
            {
                var reason = problem ?? $"`{Show(text)}` is a selector for the command line";
                Report(DiagnosticDescriptors.AllowRuleSelectorForm, rule.Location, where, end, reason);
                return null;
            }

            var what = zones.Length == 1 ? $"zone `{Show(zones[0])}`" : $"zones `{Show(zones[0])}` and `{Show(zones[1])}`";
            if (selector.Kind == SelectorKind.Type)
            {
                if (!types.Value.Contains(selector.Value))
                {
                    Report(DiagnosticDescriptors.AllowRuleUnknownType, rule.Location, where, end, Show(selector.Value),
                        NameSuggestions.DidYouMean(selector.Value, types.Value.Order(StringComparer.Ordinal)));
                    return null;
                }

                var typed = zones.Where(z => TypesOn(z).Contains(selector.Value)).ToList();
                if (typed.Count == 0)
                {
                    Report(DiagnosticDescriptors.AllowRuleTypeOutsideItsZones, rule.Location, where, end, Show(selector.Value), what);
                    return null;
                }

                return (new ResolvedEnd(null, selector.Value), typed);
            }

            if (!site.TryGet(selector.Value, out var entity) || entity.Kind is not (EntityKind.Zone or EntityKind.Asset))
            {
                if (entity is null)
                {
                    var known = site.OfKind(EntityKind.Zone).Concat(site.OfKind(EntityKind.Asset)).Select(e => e.Id);
                    Report(DiagnosticDescriptors.AllowRuleUnknownTarget, rule.Location, where, end, Show(selector.Value), NameSuggestions.DidYouMean(selector.Value, known));
                }
                else
                {
                    Report(DiagnosticDescriptors.AllowRuleNotZoneOrAsset, rule.Location, where, end, Show(selector.Value), entity.Kind.Keyword());
                }

                return null;
            }

            var sides = entity.Kind == EntityKind.Zone
                ? zones.Where(z => ReferenceEquals(z, entity)).ToList()
                : zones.Where(z => MembershipOf(entity).Contains(z)).ToList();
            if (sides.Count == 0)
            {
                Report(DiagnosticDescriptors.AllowRuleOutsideItsZones, rule.Location, where, end, entity.Kind.Keyword(), Show(entity),
                    entity.Kind == EntityKind.Zone ? "one of" : "in", what);
                return null;
            }

            return (new ResolvedEnd(entity, null), sides);
        }

        /// <summary>The asset types on a zone's network: of its own assets and those that bridge into it.</summary>
        private HashSet<string> TypesOn(Entity zone)
        {
            typesOn ??= BuildTypesOn();
            return typesOn.TryGetValue(zone, out var set) ? set : [];
        }

        private Dictionary<Entity, HashSet<string>> BuildTypesOn()
        {
            var map = new Dictionary<Entity, HashSet<string>>(ReferenceEqualityComparer.Instance);
            foreach (var asset in site.OfKind(EntityKind.Asset))
            {
                if (asset[AssetType] is not string type)
                {
                    continue;
                }

                foreach (var zone in MembershipOf(asset))
                {
                    if (!map.TryGetValue(zone, out var set))
                    {
                        map[zone] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(type);
                }
            }

            return map;
        }

        private void Report(DiagnosticDescriptor descriptor, SourceLocation location, params ReadOnlySpan<object?> arguments) =>
            diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));

        private static string Show(object? value) => MessageText.Show(value switch
        {
            Entity entity => entity.Id,
            string text => text,
            _ => "",
        });
    }
}
