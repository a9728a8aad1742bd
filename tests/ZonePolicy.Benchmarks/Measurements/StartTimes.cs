using System.Diagnostics;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// What a user waits for on a small input: a whole <c>zpol</c> process from its start to its result, on the
/// Annex A sample factory with its starter rules and on a generated site of 1,000 assets with the benchmark's
/// rules; <c>zpol --version</c> shows what starting the runtime and the command line alone costs. The cases
/// run in turn, round after round; each figure is the median (and the fastest) of the rounds.
/// </summary>
internal static class StartTimes
{
    public static void Run(int rounds, TextWriter output)
    {
        var samples = SampleFolder();
        (string Name, string[] Arguments)[] cases =
        [
            ("zpol --version", ["--version"]),
            ("zpol check, Annex A sample", [
                "check",
                .. Directory.GetFiles(samples, "*.topology.json").Order(StringComparer.Ordinal),
                "--rules", Path.Combine(samples, "rules"),
                "--today", "2026-11-25",
            ]),
            ("zpol check, 1,000 assets", ["check", BenchmarkFiles.Site(1_000), "--rules", BenchmarkFiles.RuleFile, "--today", "2026-11-25"]),
        ];

        var times = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                times[i].Add(TimeProcess(cases[i].Arguments));
            }
        }

        output.WriteLine($"Process start to result, {rounds} rounds (median, fastest):");
        output.WriteLine(CodeForm.Describe());
        for (var i = 0; i < cases.Length; i++)
        {
            var sorted = times[i].Order().ToArray();
            output.WriteLine($"  {cases[i].Name,-30} {sorted[sorted.Length / 2],7:F0} ms  {sorted[0],7:F0} ms");
        }
    }

    private static double TimeProcess(string[] arguments)
    {
        var start = new ProcessStartInfo(Zpol()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("zpol could not be started");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"zpol {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{stderr.Result}");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The <c>zpol</c> built beside the benchmark (a project reference).</summary>
    private static string Zpol()
    {
        var name = OperatingSystem.IsWindows() ? "zpol.exe" : "zpol";
        var path = Path.Combine(AppContext.BaseDirectory, name);
        return File.Exists(path) ? path : throw new InvalidOperationException($"`{name}` is not beside the benchmark in {AppContext.BaseDirectory}");
    }

    /// <summary>The Annex A sample, found above the current folder or the benchmark's binaries.</summary>
    private static string SampleFolder()
    {
        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(origin); folder is not null; folder = folder.Parent)
            {
                var samples = Path.Combine(folder.FullName, "samples", "annex-a-factory");
                if (Directory.Exists(samples))
                {
                    return samples;
                }
            }
        }

        throw new InvalidOperationException("samples/annex-a-factory was not found above the current folder; run the benchmark inside the repository");
    }
}
