using ZonePolicy.Reporting.Diagram;

namespace ZonePolicy.Reporting.Html;

/// <summary>
/// Everything the sections of one HTML report share: the result, each site with its diagram, and the
/// element ids that tie a finding to its zone, asset cell or link on the diagram.
/// </summary>
internal sealed class HtmlReport
{
    public HtmlReport(CheckResult result)
    {
        Result = result;
        Sites = SiteView.All(result).Select(site => new DrawnSite(site, DiagramLayout.Layout(site))).ToList();
        Elsewhere = SiteView.Elsewhere(result, Sites.Select(s => s.View).ToList());
    }

    public CheckResult Result { get; }

    public IReadOnlyList<DrawnSite> Sites { get; }

    /// <summary>Diagnostics at no site: rule files, settings, the command line.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Elsewhere { get; }
}

/// <summary>A site, its diagram, and the id of each drawn element.</summary>
internal sealed class DrawnSite
{
    private readonly Dictionary<string, string> zoneIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> cellIds = new(StringComparer.Ordinal);

    public DrawnSite(SiteView view, SiteDiagram diagram)
    {
        View = view;
        Diagram = diagram;
        for (var z = 0; z < diagram.Zones.Count; z++)
        {
            var zone = diagram.Zones[z];
            zoneIds[zone.Zone.Id] = $"s{view.Index}-z{z}";
            for (var c = 0; c < zone.Cells.Count; c++)
            {
                foreach (var member in zone.Cells[c].Members)
                {
                    cellIds.TryAdd(member.Id, $"s{view.Index}-z{z}-a{c}");
                }
            }
        }
    }

    public SiteView View { get; }

    public SiteDiagram Diagram { get; }

    public string Id => $"s{View.Index}";

    public string ZoneId(string zone) => zoneIds.GetValueOrDefault(zone, "");

    public string CellId(ZoneBox zone, int cell) => $"{ZoneId(zone.Zone.Id)}-a{cell}";

    public string AssetId(string asset) => cellIds.GetValueOrDefault(asset, "");

    public string LinkId(ZoneLink link) => $"s{View.Index}-{link.Key}";
}
