using BenchmarkDotNet.Attributes;
namespace ZonePolicy.Benchmarks.Suites;

/// <summary>Reading, parsing, binding and compiling a pack of 1,000 rules (target: under 200 ms).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class CompileBenchmarks
{
    private string pack = "";

    [Params(1_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void WritePack() => pack = BenchmarkFiles.RulePack(Rules);

    [Benchmark(Description = "compile pack")]
    public object CompilePack() => EnginePipeline.Compile(pack);
}
