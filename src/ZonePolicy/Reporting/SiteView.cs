using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>
/// An edge of the zone graph: a conduit, or a pair of zones that flows join without any conduit (drawn
/// dashed, since nothing declared enforces it).
/// </summary>
internal sealed record ZoneLink(string Key, string FromZone, string ToZone, ConduitSummary? Conduit, int UncoveredFlows);

/// <summary>Where a finding sits on the zone graph: the zones, assets and links it names.</summary>
internal sealed record FindingPlaces(IReadOnlyList<string> Zones, IReadOnlyList<string> Assets, IReadOnlyList<ZoneLink> Links)
{
    public static readonly FindingPlaces Nowhere = new([], [], []);

    public bool IsEmpty => Zones.Count == 0 && Assets.Count == 0 && Links.Count == 0;
}

/// <summary>One hop of a witness path on the zone graph: an asset in its zone, or the link a flow crosses.</summary>
internal sealed record PathHop(PathStep Step, AssetSummary? Asset, ZoneLink? Link);

/// <summary>
/// One checked site as every report of it sees it: the zone graph's links, the findings at the site, and
/// where each finding sits. The engine decides the findings; this only places them.
/// </summary>
internal sealed class SiteView
{
    private readonly Dictionary<string, ZoneSummary> zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AssetSummary> assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FlowSummary> flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ZoneLink> conduitLinks = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), ZoneLink> pairLinks = [];
    private readonly Dictionary<(int Line, int Column), string> entityAt = [];
    private readonly Dictionary<string, Severity> worstInZone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Severity> worstOnLink = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Severity> worstAtAsset = new(StringComparer.Ordinal);

    private SiteView(int index, SiteSummary site, IReadOnlyList<Diagnostic> findings, IReadOnlyList<Diagnostic> suppressed)
    {
        Index = index;
        Site = site;
        Findings = findings;
        Suppressed = suppressed;
        foreach (var zone in site.Zones)
        {
            zones.TryAdd(zone.Id, zone);
            entityAt.TryAdd((zone.Location.Line, zone.Location.Column), zone.Id);
        }

        foreach (var asset in site.Assets)
        {
            assets.TryAdd(asset.Id, asset);
            entityAt.TryAdd((asset.Location.Line, asset.Location.Column), asset.Id);
        }

        Links = BuildLinks(site);
        foreach (var flow in site.Flows)
        {
            flows.TryAdd(flow.Id, flow);
            entityAt.TryAdd((flow.Location.Line, flow.Location.Column), flow.Id);
        }

        foreach (var finding in findings)
        {
            var places = PlacesOf(finding);
            foreach (var zone in places.Zones)
            {
                worstInZone[zone] = Max(worstInZone.GetValueOrDefault(zone), finding.Severity);
            }

            foreach (var link in places.Links)
            {
                worstOnLink[link.Key] = Max(worstOnLink.GetValueOrDefault(link.Key), finding.Severity);
            }

            foreach (var asset in places.Assets)
            {
                worstAtAsset[asset] = Max(worstAtAsset.GetValueOrDefault(asset), finding.Severity);
            }
        }
    }

    /// <summary>The site's position among the checked sites, from 0: what keeps element ids unique in one report.</summary>
    public int Index { get; }

    public SiteSummary Site { get; }

    /// <summary>The diagnostics in force that are located in this site's file.</summary>
    public IReadOnlyList<Diagnostic> Findings { get; }

    /// <summary>The waived or baselined violations located in this site's file.</summary>
    public IReadOnlyList<Diagnostic> Suppressed { get; }

    /// <summary>Every conduit in file order, then every zone pair joined only by flows, in the order of their first flow.</summary>
    public IReadOnlyList<ZoneLink> Links { get; }

    /// <summary>The site's name, else its id, else its file.</summary>
    public string Title => Site.Name ?? Site.Id ?? Site.File;

    /// <summary>Each site of <paramref name="result"/>, with the findings located in its file.</summary>
    public static IReadOnlyList<SiteView> All(CheckResult result)
    {
        var views = new List<SiteView>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var site in result.Sites)
        {
            // The same file given twice is one site's findings twice over: the first view takes them.
            var first = seen.Add(site.File);
            views.Add(new SiteView(
                views.Count,
                site,
                first ? result.Diagnostics.Where(d => d.Location.File == site.File).ToList() : [],
                first ? result.Suppressed.Where(d => d.Location.File == site.File).ToList() : []));
        }

        return views;
    }

    /// <summary>The diagnostics of <paramref name="result"/> that no site holds: rule files, settings, missing files.</summary>
    public static IReadOnlyList<Diagnostic> Elsewhere(CheckResult result, IReadOnlyList<SiteView> sites)
    {
        var files = sites.Select(s => s.Site.File).ToHashSet(StringComparer.Ordinal);
        return result.Diagnostics.Where(d => !files.Contains(d.Location.File)).ToList();
    }

    public ZoneSummary? Zone(string id) => zones.GetValueOrDefault(id);

    public AssetSummary? Asset(string id) => assets.GetValueOrDefault(id);

    /// <summary>The worst severity of the findings in a zone or at its assets; <see cref="Severity.None"/> when there are none.</summary>
    public Severity WorstInZone(string zone) => worstInZone.GetValueOrDefault(zone);

    public Severity WorstOnLink(ZoneLink link) => worstOnLink.GetValueOrDefault(link.Key);

    public Severity WorstAtAsset(string asset) => worstAtAsset.GetValueOrDefault(asset);

    /// <summary>The zones, assets and links a finding names, through its bound entities and the entity it is reported at.</summary>
    public FindingPlaces PlacesOf(Diagnostic finding)
    {
        var ids = finding.Entities.ToList();
        if (entityAt.TryGetValue((finding.Location.Line, finding.Location.Column), out var at) && finding.Location.File == Site.File)
        {
            ids.Add(at);
        }

        var placedZones = new List<string>();
        var placedAssets = new List<string>();
        var placedLinks = new List<ZoneLink>();
        foreach (var id in ids)
        {
            if (zones.ContainsKey(id))
            {
                AddOnce(placedZones, id);
            }
            else if (assets.TryGetValue(id, out var asset))
            {
                AddOnce(placedAssets, id);
                AddOnce(placedZones, asset.Zone);
            }
            else if (conduitLinks.TryGetValue(id, out var conduit))
            {
                AddOnce(placedLinks, conduit);
                AddOnce(placedZones, conduit.FromZone);
                AddOnce(placedZones, conduit.ToZone);
            }
            else if (flows.TryGetValue(id, out var flow))
            {
                AddOnce(placedAssets, flow.From);
                AddOnce(placedAssets, flow.To);
                AddOnce(placedZones, flow.FromZone);
                AddOnce(placedZones, flow.ToZone);
                if (LinkOf(flow) is { } link)
                {
                    AddOnce(placedLinks, link);
                }
            }
        }

        return placedZones.Count == 0 && placedAssets.Count == 0 && placedLinks.Count == 0
            ? FindingPlaces.Nowhere
            : new FindingPlaces(placedZones, placedAssets, placedLinks);
    }

    /// <summary>A witness path's steps on the zone graph, in order.</summary>
    public IReadOnlyList<PathHop> PathOf(Diagnostic finding) =>
        finding.Witness.Select(step => new PathHop(
            step,
            assets.GetValueOrDefault(step.EntityId),
            flows.TryGetValue(step.EntityId, out var flow) ? LinkOf(flow) : conduitLinks.GetValueOrDefault(step.EntityId))).ToList();

    /// <summary>The link a flow crosses: its own conduit, else a conduit between its zones, else the zone pair's link; none inside a zone.</summary>
    public ZoneLink? LinkOf(FlowSummary flow)
    {
        if (flow.FromZone == flow.ToZone)
        {
            return null;
        }

        if (flow.Conduit is { } conduit && conduitLinks.TryGetValue(conduit, out var named))
        {
            return named;
        }

        return pairLinks.GetValueOrDefault(Pair(flow.FromZone, flow.ToZone));
    }

    private List<ZoneLink> BuildLinks(SiteSummary site)
    {
        var links = new List<ZoneLink>();
        foreach (var conduit in site.Conduits)
        {
            var link = new ZoneLink($"c{links.Count}", conduit.FromZone, conduit.ToZone, conduit, 0);
            links.Add(link);
            conduitLinks.TryAdd(conduit.Id, link);
            pairLinks.TryAdd(Pair(conduit.FromZone, conduit.ToZone), link);
        }

        var uncovered = new Dictionary<(string, string), (string From, string To, int Flows)>();
        var order = new List<(string, string)>();
        foreach (var flow in site.Flows)
        {
            var pair = Pair(flow.FromZone, flow.ToZone);
            if (flow.FromZone == flow.ToZone || (flow.Conduit is { } named && conduitLinks.ContainsKey(named)) || pairLinks.ContainsKey(pair))
            {
                continue;
            }

            if (!uncovered.TryGetValue(pair, out var seen))
            {
                order.Add(pair);
                seen = (flow.FromZone, flow.ToZone, 0);
            }

            uncovered[pair] = seen with { Flows = seen.Flows + 1 };
        }

        foreach (var pair in order)
        {
            var (from, to, count) = uncovered[pair];
            var link = new ZoneLink($"u{links.Count}", from, to, null, count);
            links.Add(link);
            pairLinks.Add(pair, link);
        }

        return links;
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static Severity Max(Severity a, Severity b) => a > b ? a : b;

    private static void AddOnce<T>(List<T> list, T item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }
}
