namespace ZonePolicy.Benchmarks.Generation;

internal enum ZoneKind
{
    External,
    Dmz,
    Enterprise,
    Operations,
    Supervisory,
    Control,
    Safety,
}

internal sealed record ZonePlan(int Index, string Id, ZoneKind Kind, int Plant, int FirstAsset, int AssetCount)
{
    /// <summary>The firewall (or data diode) every zone but an external one has as its first asset.</summary>
    public int? Boundary => Kind == ZoneKind.External ? null : FirstAsset;
}

/// <summary>A flow: its ends, the boundary devices it names in <c>via</c>, and its conduit (or -1).</summary>
internal sealed record FlowPlan(int From, int To, int[] Via, int Conduit);

internal sealed record ConduitPlan(int ZoneA, int ZoneB, int Boundary);

/// <summary>
/// The structure of a generated site: plants of about 40 zones, each with one external zone, one DMZ and
/// enterprise, operations, supervisory, control and safety zones of about 50 assets; about 5 flows per
/// asset, most inside a zone, the rest to a neighbouring level of the same plant (a few across plants),
/// through firewalls, through conduits, or directly.
/// </summary>
internal sealed class SitePlan
{
    public const int AssetsPerZone = 50;
    private const int ZonesPerPlant = 40;

    // The kinds of a full plant, top (outside) to bottom (safety); smaller plants are sampled from it.
    private static readonly ZoneKind[] PlantPattern =
    [
        ZoneKind.External, ZoneKind.Dmz,
        .. Enumerable.Repeat(ZoneKind.Enterprise, 4),
        .. Enumerable.Repeat(ZoneKind.Operations, 6),
        .. Enumerable.Repeat(ZoneKind.Supervisory, 10),
        .. Enumerable.Repeat(ZoneKind.Control, 15),
        .. Enumerable.Repeat(ZoneKind.Safety, 3),
    ];

    private static readonly Dictionary<ZoneKind, ZoneKind[]> Neighbours = new()
    {
        [ZoneKind.External] = [ZoneKind.Dmz],
        [ZoneKind.Dmz] = [ZoneKind.External, ZoneKind.Enterprise, ZoneKind.Operations],
        [ZoneKind.Enterprise] = [ZoneKind.Dmz, ZoneKind.Enterprise, ZoneKind.Operations],
        [ZoneKind.Operations] = [ZoneKind.Enterprise, ZoneKind.Dmz, ZoneKind.Supervisory],
        [ZoneKind.Supervisory] = [ZoneKind.Operations, ZoneKind.Control, ZoneKind.Supervisory],
        [ZoneKind.Control] = [ZoneKind.Supervisory, ZoneKind.Control, ZoneKind.Safety],
        [ZoneKind.Safety] = [ZoneKind.Control],
    };

    private static readonly Dictionary<ZoneKind, string[]> AssetTypes = new()
    {
        [ZoneKind.External] = ["cloud-service", "remote-maintenance", "ai-service"],
        [ZoneKind.Dmz] = ["server", "historian", "server", "switch"],
        [ZoneKind.Enterprise] = ["workstation", "workstation", "server", "cad", "workstation", "router"],
        [ZoneKind.Operations] = ["mes", "historian", "server", "workstation", "switch"],
        [ZoneKind.Supervisory] = ["scada", "hmi", "engineering-workstation", "historian", "hmi", "switch"],
        [ZoneKind.Control] = ["plc", "plc", "plc", "hmi", "robot", "agv", "iot-sensor", "camera", "wireless-ap"],
        [ZoneKind.Safety] = ["plc", "plc", "hmi"],
    };

    private readonly Dictionary<(int, int), int> conduitByZones = [];

    private SitePlan(int assetCount)
    {
        AssetZone = new int[assetCount];
        AssetType = new string[assetCount];
    }

    public List<ZonePlan> Zones { get; } = [];

    public int[] AssetZone { get; }

    public string[] AssetType { get; }

    public List<FlowPlan> Flows { get; } = [];

    public List<ConduitPlan> Conduits { get; } = [];

    /// <summary>Per plant, the asset that collects security logs (a server in the plant's DMZ).</summary>
    public List<int> LogCollectors { get; } = [];

    public int AssetCount => AssetZone.Length;

    public static SitePlan Create(int assetCount, SeededRandom random)
    {
        var plan = new SitePlan(assetCount);
        plan.LayOutZones(random);
        plan.PlanFlows(random);
        return plan;
    }

    public string AssetId(int asset) => $"a{asset:D6}-{AssetType[asset]}";

    public string ConduitId(int conduit) => $"c{conduit:D5}";

    public static string KindName(ZoneKind kind) => kind switch
    {
        ZoneKind.Dmz => "dmz",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private void LayOutZones(SeededRandom random)
    {
        var zoneCount = Math.Max(1, AssetCount / AssetsPerZone);
        var next = 0;
        for (var z = 0; z < zoneCount; z++)
        {
            var plant = z / ZonesPerPlant;
            var inPlant = z % ZonesPerPlant;
            var plantSize = Math.Min(ZonesPerPlant, zoneCount - (plant * ZonesPerPlant));
            var kind = KindAt(inPlant, plantSize);
            var size = (AssetCount / zoneCount) + (z < AssetCount % zoneCount ? 1 : 0);
            var zone = new ZonePlan(z, $"z{z:D4}-{KindName(kind)}", kind, plant, next, size);
            Zones.Add(zone);
            for (var i = 0; i < size; i++)
            {
                var asset = next + i;
                AssetZone[asset] = z;
                AssetType[asset] = (kind, i) switch
                {
                    (ZoneKind.Safety, 0) => "data-diode",
                    (not ZoneKind.External, 0) => "firewall",
                    (ZoneKind.Dmz, 1) => "server",
                    (ZoneKind.Dmz, 2) => "vpn-gateway",
                    _ => random.Pick(AssetTypes[kind]),
                };
            }

            if (kind == ZoneKind.Dmz)
            {
                LogCollectors.Add(size > 1 ? next + 1 : next);
            }

            next += size;
        }
    }

    private static ZoneKind KindAt(int inPlant, int plantSize) => inPlant switch
    {
        0 => ZoneKind.External,
        1 => ZoneKind.Dmz,
        _ => PlantPattern[2 + ((inPlant - 2) * (PlantPattern.Length - 2) / Math.Max(1, plantSize - 2))],
    };

    private void PlanFlows(SeededRandom random)
    {
        var zonesByPlantAndKind = Zones
            .GroupBy(z => (z.Plant, z.Kind))
            .ToDictionary(g => g.Key, g => g.ToArray());
        var plantCount = Zones[^1].Plant + 1;

        for (var source = 0; source < AssetCount; source++)
        {
            var zone = Zones[AssetZone[source]];
            var flows = 1 + random.Below(9);
            for (var f = 0; f < flows; f++)
            {
                var target = PickTargetZone(zone, plantCount, zonesByPlantAndKind, random);
                if (target == zone)
                {
                    if (zone.AssetCount < 2)
                    {
                        continue;
                    }

                    var other = zone.FirstAsset + random.Below(zone.AssetCount - 1);
                    Flows.Add(new FlowPlan(source, other >= source ? other + 1 : other, [], -1));
                    continue;
                }

                Flows.Add(CrossingFlow(source, zone, target, random));
            }
        }
    }

    /// <summary>
    /// A zone-crossing flow: through one or both zones' boundary devices (45%), through a conduit (35%),
    /// or directly (20%): the gaps the rules look for. Links between plants always pass both plants'
    /// firewalls, so each plant's gaps stay its own.
    /// </summary>
    private FlowPlan CrossingFlow(int source, ZonePlan zone, ZonePlan target, SeededRandom random)
    {
        var to = target.FirstAsset + random.Below(target.AssetCount);
        var roll = random.Below(100);
        int[] devices = [.. new[] { zone.Boundary, target.Boundary }.OfType<int>().Where(d => d != source && d != to)];
        if (zone.Plant != target.Plant && devices.Length > 0)
        {
            return new FlowPlan(source, to, devices, -1);
        }

        return roll switch
        {
            < 30 when devices.Length > 0 => new FlowPlan(source, to, [devices[^1]], -1),
            < 45 when devices.Length > 0 => new FlowPlan(source, to, devices, -1),
            >= 45 and < 80 => new FlowPlan(source, to, [], ConduitBetween(zone, target)),
            _ => new FlowPlan(source, to, [], -1),
        };
    }

    private ZonePlan PickTargetZone(ZonePlan zone, int plantCount, Dictionary<(int Plant, ZoneKind Kind), ZonePlan[]> byPlantAndKind, SeededRandom random)
    {
        var roll = random.Below(100);
        if (zone.Kind != ZoneKind.External && roll < 70)
        {
            return zone;
        }

        if (zone.Kind is ZoneKind.Enterprise or ZoneKind.Operations && roll >= 97 && plantCount > 1)
        {
            // A link over the company network to the same kind of zone in another plant.
            var plant = (zone.Plant + 1 + random.Below(plantCount - 1)) % plantCount;
            if (byPlantAndKind.TryGetValue((plant, zone.Kind), out var remote))
            {
                return random.Pick(remote);
            }
        }

        // Remote maintenance reaches straight into supervisory and control zones now and then.
        var kind = zone.Kind == ZoneKind.External && roll < 20
            ? (random.Chance(0.5) ? ZoneKind.Supervisory : ZoneKind.Control)
            : random.Pick(Neighbours[zone.Kind]);
        return byPlantAndKind.TryGetValue((zone.Plant, kind), out var candidates)
            ? random.Pick(candidates)
            : zone;
    }

    private int ConduitBetween(ZonePlan a, ZonePlan b)
    {
        var key = a.Index < b.Index ? (a.Index, b.Index) : (b.Index, a.Index);
        if (!conduitByZones.TryGetValue(key, out var index))
        {
            // The boundary belongs to the inner zone (the one nearer the process).
            var inner = a.Kind > b.Kind ? a : b;
            var boundary = inner.Boundary ?? (a.Boundary ?? b.Boundary)!.Value;
            index = Conduits.Count;
            Conduits.Add(new ConduitPlan(key.Item1, key.Item2, boundary));
            conduitByZones.Add(key, index);
        }

        return index;
    }
}
