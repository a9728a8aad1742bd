using System.Runtime.CompilerServices;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Tests.Topology;
using ZonePolicy.Topology;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>
/// The meaning of permitted connectivity, one case per file in PermittedCases: a topology and, beside it,
/// the paths, hops, entry points and bridges it must give. A witness reads <c>a -[place#rule; x:medium]-> b</c>:
/// the zone or conduit that permits the hop, the number of its allow rule, and any interface it relies on.
/// </summary>
public class PermittedSemanticsTests
{
    public static TheoryData<string> Cases() =>
        new(Directory.GetFiles(CasesFolder(), "*.expect").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_gives_exactly_the_expected_paths_hops_and_attributes(string name)
    {
        var site = Load(name);
        var assets = new AssetIndex(site);
        var graph = new PermittedGraph(new PermittedNetwork(site, assets));
        var lines = File.ReadAllLines(Path.Combine(CasesFolder(), name + ".expect"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'));
        foreach (var line in lines)
        {
            var (query, expected) = Split(line);
            Assert.True(expected == Answer(site, graph, query), $"{name}: `{query}` gave `{Answer(site, graph, query)}`, expected `{expected}`");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_condensed_search_finds_what_the_asset_by_asset_search_finds(string name)
    {
        var site = Load(name);
        var network = new PermittedNetwork(site, new AssetIndex(site));
        PermittedAgreement.AssertAgrees(network, new PermittedGraph(network), _ => false, ServiceFilter.Any);
    }

    [Fact]
    public void A_witness_names_the_allow_rule_of_each_hop_at_its_place_in_the_topology()
    {
        var site = Load("deny-by-default");
        var assets = new AssetIndex(site);
        var graph = new PermittedGraph(new PermittedNetwork(site, assets));
        var path = graph.PathTo(graph.Search([assets.NumberOf(site.Get("pc-2"))], _ => false, ServiceFilter.Any), [assets.NumberOf(site.Get("ews-1"))], ServiceFilter.Any)!;

        var steps = WitnessStep.Of(path);

        Assert.Equal(["asset pc-2", "zone z-office", "asset pc-1", "conduit c-office-cell", "asset ews-1"], steps.Select(s => $"{s.Kind} {s.EntityId}"));
        var rule = steps[3];
        Assert.Equal((19, 9), (rule.Location.Line, rule.Location.Column));
        Assert.Equal(("fw-1", 1), (rule.Device, rule.Rule));
        Assert.Equal("pc-1 -> ews-1: c-office-cell allow rule 1 on fw-1 permits pc-1 -> ews-1, rdp/3389", rule.Message);
        Assert.Equal((4, 5), (steps[1].Location.Line, steps[1].Location.Column));
        Assert.Null(steps[1].Rule);
    }

    private static string Answer(SiteModel site, PermittedGraph graph, string query)
    {
        var words = query.Split(' ');
        var assets = graph.Network.Assets;
        switch (words[0])
        {
            case "path":
                var avoid = words.Length > 4 && words[3] == "avoid" ? Select(site, words[4]) : [];
                var reached = graph.Search(Select(site, words[1]).Select(assets.NumberOf), a => avoid.Contains(assets[a]), ServiceFilter.Any);
                var path = graph.PathTo(reached, Select(site, words[2]).Select(assets.NumberOf), ServiceFilter.Any);
                return path is null ? "none" : Render(path);
            case "hop":
                var (from, to) = (assets.NumberOf(site.Get(words[1])), assets.NumberOf(site.Get(words[2])));
                var filter = words.Length > 4 ? Service(string.Join(' ', words.Skip(4))) : ServiceFilter.Any;
                return graph.Network.HopOf(from, to, filter) is { } hop
                    ? Place(hop)
                    : $"denied: {graph.Network.DenialOf(from, to, filter)}";
            case "entry":
                var kinds = (IReadOnlyList<string>)site.Get(words[1])["entryPoints"]!;
                return kinds.Count == 0 ? "none" : string.Join(' ', kinds);
            case "bridges":
                return site.Get(words[1])["bridges"] is true ? "true" : "false";
            case "networks":
                return string.Join(' ', ((IReadOnlyList<Entity>)site.Get(words[1])["networks"]!).Select(z => z.Id));
            default:
                throw new InvalidOperationException($"unknown query `{query}`");
        }
    }

    /// <summary><c>a -[place#rule; x:medium]-> b</c>.</summary>
    internal static string Render(PathValue path) =>
        path.Assets[0].Id + string.Concat(path.Hops.Select(hop => $" -[{Place(hop)}]-> {hop.To.Id}"));

    private static string Place(PermittedHop hop)
    {
        var place = hop.Permission.Place.Id + (hop.Permission.Rule is null ? "" : $"#{hop.Permission.RuleNumber}");
        var interfaces = new[] { (hop.From, hop.FromInterface), (hop.To, hop.ToInterface) }
            .Where(end => end.Item2 is not null)
            .Select(end => $"; {end.Item1.Id}:{end.Item2!["medium"]}");
        return place + string.Concat(interfaces);
    }

    private static ServiceFilter Service(string text)
    {
        if (text.StartsWith("port ", StringComparison.Ordinal))
        {
            return new ServiceFilter(null, long.Parse(text[5..], System.Globalization.CultureInfo.InvariantCulture));
        }

        var parts = text.Split('/');
        return new ServiceFilter(parts[0], parts.Length > 1 ? long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static HashSet<Entity> Select(SiteModel site, string selector)
    {
        var diagnostics = new List<Diagnostic>();
        var assets = new SelectorResolver(site, SourceLocation.InFile("site.json"), diagnostics).Resolve("--test", [selector]);
        Assert.Empty(diagnostics);
        return assets.ToHashSet();
    }

    private static (string Query, string Expected) Split(string line)
    {
        var arrow = line.IndexOf(" => ", StringComparison.Ordinal);
        return (line[..arrow], line[(arrow + 4)..]);
    }

    private static SiteModel Load(string name)
    {
        var file = Path.Combine(CasesFolder(), name + ".topology.json");
        var result = TopologyLoader.Load(file, name + ".topology.json");
        Assert.Empty(result.Diagnostics);
        return result.Model!;
    }

    private static string CasesFolder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "PermittedCases");
}
