using BenchmarkDotNet.Attributes;
using ZonePolicy.Formatting;

namespace ZonePolicy.Benchmarks.Suites;

/// <summary>Formatting the files of a generated 1,000-rule pack: what an editor's format request does for one file, ten times over.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class FormatBenchmarks
{
    private string[] files = [];

    [GlobalSetup]
    public void ReadPack() =>
        files = [.. Directory.GetFiles(BenchmarkFiles.RulePack(1_000), "*.zpol").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    [Benchmark(Description = "format 1,000-rule pack")]
    public int FormatPack() => files.Sum(text => RuleFormatter.Format(text, "pack.zpol").Text!.Length);
}

/// <summary>Explaining one rule of the benchmark's rules on a site, beside the full check of all of them.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ExplainBenchmarks
{
    private string topology = "";

    [Params(1_000, 10_000, 100_000)]
    public int Assets { get; set; }

    [GlobalSetup]
    public void FindSite() => topology = BenchmarkFiles.Site(Assets);

    [Benchmark(Baseline = true, Description = "full check")]
    public CheckResult FullCheck() => EnginePipeline.Check(topology, BenchmarkFiles.RuleFile);

    [Benchmark(Description = "explain BM-FLOW-01")]
    public int ExplainRule() => PolicyEngine.Explain(new ExplainRequest
    {
        Check = new CheckRequest { TopologyFiles = [topology], RuleSources = [BenchmarkFiles.RuleFile], Today = BenchmarkFiles.Today },
        RuleId = "BM-FLOW-01",
    }).ExitCode;
}
