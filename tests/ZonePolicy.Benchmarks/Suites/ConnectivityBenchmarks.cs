using BenchmarkDotNet.Attributes;
using ZonePolicy.Benchmarks.Connectivity;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;

namespace ZonePolicy.Benchmarks.Suites;

/// <summary>
/// One rule, from every external zone to every SL 4 zone avoiding the DMZ, over the declared flows (the
/// baseline) and over what the network permits, on a site whose conduits carry an allow rule per flow. Each
/// operation evaluates the rule in a fresh context, so it pays for building its graph and for every search.
/// The target: the permitted rule within 1.5x of the declared one, and both growing linearly with the site.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ConnectivityBenchmarks
{
    private SiteModel? site;
    private CompiledProgram? declared;
    private CompiledProgram? permitted;

    [Params(10_000, 100_000)]
    public int Assets { get; set; }

    [GlobalSetup]
    public void Load()
    {
        site = EnginePipeline.Load(ConnectivityFiles.Site(Assets));
        declared = EnginePipeline.Compile(ConnectivityFiles.DeclaredRule);
        permitted = EnginePipeline.Compile(ConnectivityFiles.PermittedRule);
    }

    [Benchmark(Baseline = true, Description = "declared flows")]
    public int DeclaredFlows() => EnginePipeline.Evaluate(declared!, site!).Count;

    [Benchmark(Description = "permitted connectivity")]
    public int PermittedConnectivity() => EnginePipeline.Evaluate(permitted!, site!).Count;
}
