using BenchmarkDotNet.Attributes;
using ZonePolicy.Benchmarks.HandWritten;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;

namespace ZonePolicy.Benchmarks.Suites;

/// <summary>
/// One site, side by side: load and validate only (the baseline of the ratio column), the full check, the
/// same rules hand-written in C# after the same load, and both rule sets alone over a model loaded beforehand.
/// </summary>
/// <remarks>
/// A 100,000-asset site takes tens of seconds per operation on two cores. BenchmarkDotNet runs each
/// benchmark twice before measuring (its jitting stage), which warms it up; three measured runs follow.
/// Results are returned as <c>object</c> because the engine's model types are internal.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class SiteBenchmarks
{
    private string topology = "";
    private string rules = "";
    private SiteModel? site;
    private CompiledProgram? program;

    [Params(1_000, 10_000, 100_000)]
    public int Assets { get; set; }

    [GlobalSetup(Targets = [nameof(LoadAndValidate), nameof(FullCheck), nameof(LoadAndHandWritten)])]
    public void FindInputs()
    {
        topology = BenchmarkFiles.Site(Assets);
        rules = BenchmarkFiles.RuleFile;
    }

    [GlobalSetup(Targets = [nameof(EvaluateOnly), nameof(HandWrittenOnly)])]
    public void LoadInputs()
    {
        FindInputs();
        site = EnginePipeline.Load(topology);
        program = EnginePipeline.Compile(rules);
    }

    [Benchmark(Baseline = true, Description = "load+validate")]
    public object LoadAndValidate() => EnginePipeline.Load(topology);

    [Benchmark(Description = "full check")]
    public CheckResult FullCheck() => EnginePipeline.Check(topology, rules);

    [Benchmark(Description = "load+hand-written")]
    public object LoadAndHandWritten() => HandWrittenRules.Check(EnginePipeline.Load(topology), BenchmarkFiles.Today);

    [Benchmark(Description = "evaluate only")]
    public int EvaluateOnly() => EnginePipeline.Evaluate(program!, site!).Count;

    [Benchmark(Description = "hand-written only")]
    public object HandWrittenOnly() => HandWrittenRules.Check(site!, BenchmarkFiles.Today);
}
