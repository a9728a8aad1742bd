using System.Diagnostics;
using System.Text.Json;
using ZonePolicy.Topology;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// The one-pass read against the floor in one process, both already compiled: the file's bytes in memory,
/// then round after round the <see cref="JsonFloor"/> walk and <see cref="TopologyReader.TryRead"/> of the
/// same bytes, each timed in wall and processor time (the first round is the JIT's and is left out of the
/// medians). Then the managed heap the model keeps alive after the read. What a cold process does not
/// show: how far the reader's own work is from the parse's.
/// </summary>
internal static class ReaderRounds
{
    public static void Run(int assets, int rounds, TextWriter output)
    {
        var path = BenchmarkFiles.Site(assets);
        var bytes = JsonScanner.WithoutBom(File.ReadAllBytes(path));
        var floor = new List<RunFigures>();
        var read = new List<RunFigures>();
        for (var round = 0; round <= rounds; round++)
        {
            var floorRun = Time(() =>
            {
                using var document = JsonDocument.Parse(bytes);
                return JsonFloor.Walk(document.RootElement);
            });
            var readRun = Time(() => TopologyReader.TryRead(new SourceText(path, bytes)) ?? throw new InvalidOperationException("the generated topology did not read in one pass"));
            if (round > 0)
            {
                floor.Add(floorRun);
                read.Add(readRun);
            }
        }

        Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var model = TopologyReader.TryRead(new SourceText(path, bytes));
        Collect();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(model);

        var (floorWall, floorCpu) = Medians(floor);
        var (readWall, readCpu) = Medians(read);
        output.WriteLine($"{assets:N0} assets, {bytes.Length / Mb:F1} MB of JSON, median of {rounds} warm rounds");
        output.WriteLine($"  floor (parse and walk)   {floorWall,8:F0} ms wall {floorCpu,8:F0} ms processor");
        output.WriteLine($"  one-pass read            {readWall,8:F0} ms wall {readCpu,8:F0} ms processor   ({readWall / floorWall:F2}x, {readCpu / floorCpu:F2}x)");
        output.WriteLine($"  model retained           {retained / Mb,8:F1} MB");
    }

    private const double Mb = 1024.0 * 1024.0;

    private static RunFigures Time(Func<object> operation)
    {
        Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(operation());
        clock.Stop();
        process.Refresh();
        return new RunFigures(clock.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds, 0);
    }

    private static (double Wall, double Cpu) Medians(List<RunFigures> runs) =>
        (Median(runs.Select(r => r.WallMs)), Median(runs.Select(r => r.CpuMs)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
