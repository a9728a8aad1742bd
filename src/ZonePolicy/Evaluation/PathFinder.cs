using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

/// <summary>Runs a <see cref="PathsRequest"/>: loads the site, resolves the selectors, lists the routes.</summary>
internal static class PathFinder
{
    public static PathsResult Find(PathsRequest request)
    {
        var diagnostics = new List<Diagnostic>();
        var inputs = new List<InputFile>();
        if (SiteFile.Load(request.TopologyFile, request.WorkingDirectory, diagnostics, inputs) is not { } site)
        {
            return Result(request, diagnostics, [], inputs);
        }

        var location = SourceLocation.InFile(request.TopologyFile);
        var resolver = new SelectorResolver(site, location, diagnostics);
        var from = resolver.Resolve("--from", request.From);
        var to = resolver.Resolve("--to", request.To);
        var avoid = resolver.Resolve("--avoid", request.Avoid);
        if (diagnostics.Count > 0)
        {
            return Result(request, diagnostics, [], inputs);
        }

        var assets = new AssetIndex(site);
        var graph = new PermittedGraph(new PermittedNetwork(site, assets));
        var avoided = avoid.Select(assets.NumberOf).ToHashSet();
        var routes = new AttackRoutes(
            graph,
            from.Select(assets.NumberOf),
            to.Select(assets.NumberOf),
            avoided.Contains,
            new ServiceFilter(request.Protocol, request.Port));
        var paths = routes.Shortest(request.Top)
            .Select(path => new AttackPath(path.Assets.Select(a => a.Id).ToList(), WitnessStep.Of(path), path.ToString()))
            .ToList();
        return Result(request, diagnostics, paths, inputs);
    }

    private static PathsResult Result(PathsRequest request, List<Diagnostic> diagnostics, IReadOnlyList<AttackPath> paths, IReadOnlyList<InputFile> inputs) => new()
    {
        Request = request,
        Diagnostics = diagnostics,
        Paths = paths,
        InputInvalid = diagnostics.Any(d => d.Severity == Severity.Error),
        Inputs = inputs,
    };
}
