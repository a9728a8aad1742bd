using System.Diagnostics;
using System.Globalization;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Benchmarks.Connectivity;

/// <summary>
/// <c>--connectivity</c>: one quick pass of the connectivity benchmark per size, outside BenchmarkDotNet. It
/// prints what the generated network holds, the best of five evaluations of the rule over the declared flows
/// and over what the network permits, each in a fresh context (graph built and searched), and how much of
/// each is building the graph.
/// </summary>
internal static class ConnectivityTimes
{
    private const int Runs = 5;

    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        output.WriteLine("| assets | conduits | allow rules | declared flows | permitted connectivity | ratio | of which graph (declared, permitted) | findings (declared, permitted) | from every control asset (declared, permitted) |");
        output.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        var declared = EnginePipeline.Compile(ConnectivityFiles.DeclaredRule);
        var permitted = EnginePipeline.Compile(ConnectivityFiles.PermittedRule);
        var everyAsset = EnginePipeline.Compile(ConnectivityFiles.EveryAssetRules);
        foreach (var assets in sizes)
        {
            var site = EnginePipeline.Load(ConnectivityFiles.Site(assets));
            var conduits = site.OfKind(EntityKind.Conduit);
            var rules = conduits.Sum(c => c["allow"] is IReadOnlyList<RecordValue?> allow ? allow.Count : 0);
            var (declaredTime, declaredCount) = Best(() => EnginePipeline.Evaluate(declared, site).Count);
            var (permittedTime, permittedCount) = Best(() => EnginePipeline.Evaluate(permitted, site).Count);
            var (declaredGraph, _) = Best(() => new SiteGraph(site, new AssetIndex(site)).GetHashCode());
            var (permittedGraph, _) = Best(() => new PermittedGraph(new PermittedNetwork(site, new AssetIndex(site))).EdgeCount);
            var searches = site.OfKind(EntityKind.Asset).Count(a => (a["zone"] as Entity)?["kind"] is "control");
            var (everyDeclared, _) = Best(() => everyAsset.Rules[0].Evaluate(everyAsset.CreateContext(site, BenchmarkFiles.Today)).Count);
            var (everyPermitted, _) = Best(() => everyAsset.Rules[1].Evaluate(everyAsset.CreateContext(site, BenchmarkFiles.Today)).Count);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {assets:N0} | {conduits.Count:N0} | {rules:N0} | {declaredTime.TotalMilliseconds:F1} ms | {permittedTime.TotalMilliseconds:F1} ms | {permittedTime / declaredTime:F2} | {declaredGraph.TotalMilliseconds:F1} ms, {permittedGraph.TotalMilliseconds:F1} ms | {declaredCount}, {permittedCount} | {searches:N0} searches: {everyDeclared.TotalMilliseconds:F1} ms, {everyPermitted.TotalMilliseconds:F1} ms |"));
        }
    }

    private static (TimeSpan Time, int Result) Best(Func<int> run)
    {
        var best = TimeSpan.MaxValue;
        var result = run();
        for (var i = 0; i < Runs; i++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            result = run();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return (best, result);
    }
}
