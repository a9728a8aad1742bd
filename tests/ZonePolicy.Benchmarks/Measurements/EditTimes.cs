using System.Diagnostics;
using ZonePolicy.Benchmarks.Suites;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// The editing benchmarks (<see cref="EditingBenchmarks"/>) timed directly, edit after edit in one
/// <see cref="CheckSession"/>, for a machine too busy for BenchmarkDotNet's statistics: each figure is the
/// median and the fastest of the rounds, in wall time and in the processor time of this process (all its
/// threads, the garbage collector's included), which other work on the machine does not inflate.
/// </summary>
internal static class EditTimes
{
    public static void Run(int rounds, TextWriter output)
    {
        var edits = new EditingBenchmarks();
        edits.Setup();
        (string Name, Func<int> Edit)[] cases =
        [
            ("edit one file of a 1,000-rule pack", edits.EditRuleFile),
            ("edit a 10,000-asset topology", edits.EditTopology),
        ];

        output.WriteLine($"Checks after an edit, {rounds} rounds after 3 warm-up edits (median, fastest):");
        output.WriteLine($"  {"",-36} {"wall",17} {"processor",19}");
        foreach (var (name, edit) in cases)
        {
            for (var warmUp = 0; warmUp < 3; warmUp++)
            {
                edit();
            }

            var wall = new List<double>();
            var processor = new List<double>();
            using var self = Process.GetCurrentProcess();
            for (var round = 0; round < rounds; round++)
            {
                self.Refresh();
                var cpu = self.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                edit();
                clock.Stop();
                self.Refresh();
                wall.Add(clock.Elapsed.TotalMilliseconds);
                processor.Add((self.TotalProcessorTime - cpu).TotalMilliseconds);
            }

            output.WriteLine($"  {name,-36} {Median(wall),7:F0} ms {wall.Min(),6:F0} ms {Median(processor),8:F0} ms {processor.Min(),6:F0} ms");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
