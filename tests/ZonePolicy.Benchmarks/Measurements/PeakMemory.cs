using System.Diagnostics;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// The memory of one full check of one site in this process: the peak working set, the bytes allocated,
/// and the managed heap a loaded model keeps alive.
/// </summary>
internal static class PeakMemory
{
    public static void Run(int assets, TextWriter output)
    {
        var topology = BenchmarkFiles.Site(assets);
        Collect();
        var before = Process.GetCurrentProcess().PeakWorkingSet64;

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = EnginePipeline.Check(topology, BenchmarkFiles.RuleFile);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        Collect();
        var heapBeforeModel = GC.GetTotalMemory(forceFullCollection: true);
        var model = EnginePipeline.Load(topology);
        Collect();
        var modelBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBeforeModel;
        GC.KeepAlive(model);

        output.WriteLine($"{assets:N0} assets, {new FileInfo(topology).Length / Mb:F1} MB of JSON: one full check in {clock.Elapsed.TotalSeconds:F2} s, {result.Diagnostics.Count:N0} diagnostics");
        output.WriteLine($"  peak working set          {peak / Mb,8:F0} MB   (before the check: {before / Mb:F0} MB)");
        output.WriteLine($"  allocated by the check    {allocated / Mb,8:F0} MB");
        output.WriteLine($"  loaded model, retained    {modelBytes / Mb,8:F0} MB");
    }

    private const double Mb = 1024.0 * 1024.0;

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
