using System.Diagnostics;
using System.Globalization;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>What one process measured of one case: wall time, processor time and the peak working set.</summary>
internal readonly record struct RunFigures(double WallMs, double CpuMs, long PeakBytes)
{
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{WallMs:F1} {CpuMs:F1} {PeakBytes}");

    public static RunFigures Parse(string line)
    {
        var parts = line.Trim().Split(' ');
        return new RunFigures(
            double.Parse(parts[0], CultureInfo.InvariantCulture),
            double.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// One measured run of one case in a fresh process (<c>--once floor|load|check assets</c>), as a user's
/// <c>zpol check</c> pays it: nothing warmed up, the peak working set the process's own from its start.
/// </summary>
internal static class SingleRun
{
    public static readonly string[] Cases = ["floor", "load", "check"];

    public static int Run(string name, int assets, TextWriter output)
    {
        var topology = BenchmarkFiles.Site(assets);
        Func<object> operation = name switch
        {
            "floor" => () => JsonFloor.ParseAndWalk(topology),
            "load" => () => EnginePipeline.Load(topology),
            "check" => () => EnginePipeline.Check(topology, BenchmarkFiles.RuleFile),
            _ => throw new ArgumentException($"unknown case `{name}`; expected one of {string.Join(", ", Cases)}"),
        };

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = operation();
        clock.Stop();
        process.Refresh();
        var figures = new RunFigures(clock.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds, process.PeakWorkingSet64);
        GC.KeepAlive(result);
        output.WriteLine(figures.Format());
        return 0;
    }
}
