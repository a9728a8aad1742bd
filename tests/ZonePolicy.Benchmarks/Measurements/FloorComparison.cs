using System.Diagnostics;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// Load+validate and the full check against the <see cref="JsonFloor"/> of the same file, one fresh process
/// per measured run. The cases of one round run back to back, round after round, so a busy machine slows
/// them alike; each figure is the median of the rounds.
/// </summary>
internal static class FloorComparison
{
    public static void Run(IReadOnlyList<int> sizes, int rounds, TextWriter output)
    {
        var files = sizes.ToDictionary(n => n, BenchmarkFiles.Site);
        var runs = new Dictionary<(int Assets, string Case), List<RunFigures>>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var assets in sizes)
            {
                foreach (var name in SingleRun.Cases)
                {
                    var figures = ChildProcess.Measure(name, assets);
                    runs.TryAdd((assets, name), []);
                    runs[(assets, name)].Add(figures);
                }
            }
        }

        output.WriteLine($"Against the JsonDocument floor: one process per run, median of {rounds} (wall time, peak working set)");
        output.WriteLine(CodeForm.Describe());
        output.WriteLine();
        output.WriteLine("| assets | JSON | floor | load+validate | full check | floor peak | load peak | check peak | check peak / file |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var assets in sizes)
        {
            var file = new FileInfo(files[assets]).Length;
            var floor = Median(runs[(assets, "floor")]);
            var load = Median(runs[(assets, "load")]);
            var check = Median(runs[(assets, "check")]);
            output.WriteLine(
                $"| {assets:N0} | {file / Mb:F1} MB | {Seconds(floor.WallMs)} | {Seconds(load.WallMs)} ({load.WallMs / floor.WallMs:F2}x) | " +
                $"{Seconds(check.WallMs)} ({check.WallMs / floor.WallMs:F2}x) | {floor.PeakBytes / Mb:F0} MB | " +
                $"{load.PeakBytes / Mb:F0} MB ({(double)load.PeakBytes / floor.PeakBytes:F2}x) | " +
                $"{check.PeakBytes / Mb:F0} MB ({(double)check.PeakBytes / floor.PeakBytes:F2}x) | {(double)check.PeakBytes / file:F2}x |");
        }

        output.WriteLine();
        output.WriteLine("Processor time (all threads), median: " + string.Join("; ", sizes.Select(assets =>
            $"{assets:N0}: " + string.Join(", ", SingleRun.Cases.Select(name => $"{name} {Seconds(Median(runs[(assets, name)]).CpuMs)}")))));
        WriteGrowth(sizes, runs, output);
    }

    private static void WriteGrowth(IReadOnlyList<int> sizes, Dictionary<(int Assets, string Case), List<RunFigures>> runs, TextWriter output)
    {
        for (var i = 1; i < sizes.Count; i++)
        {
            var (small, large) = (sizes[i - 1], sizes[i]);
            output.WriteLine($"Growth {small:N0} -> {large:N0} assets (x{(double)large / small:F0}): " + string.Join(", ", SingleRun.Cases.Select(name =>
                $"{name} x{Median(runs[(large, name)]).WallMs / Median(runs[(small, name)]).WallMs:F1}")));
        }
    }

    private const double Mb = 1024.0 * 1024.0;

    private static string Seconds(double milliseconds) => $"{milliseconds / 1000:F2} s";

    private static RunFigures Median(List<RunFigures> runs)
    {
        static double MedianOf(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        return new RunFigures(
            MedianOf(runs.Select(r => r.WallMs)),
            MedianOf(runs.Select(r => r.CpuMs)),
            (long)MedianOf(runs.Select(r => (double)r.PeakBytes)));
    }
}
