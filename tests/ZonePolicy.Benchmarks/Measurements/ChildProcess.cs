using System.Diagnostics;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>Starts this benchmark again in a fresh process for one <see cref="SingleRun"/>.</summary>
internal static class ChildProcess
{
    public static RunFigures Measure(string name, int assets)
    {
        var start = SelfStart();
        start.ArgumentList.Add("--once");
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(assets.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the benchmark could not start itself");
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the {name} run of {assets} assets failed ({process.ExitCode}):\n{stdout}{stderr}");
        }

        return RunFigures.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    /// <summary>How this benchmark was started: its own executable, or <c>dotnet</c> with its assembly.</summary>
    private static ProcessStartInfo SelfStart()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        return start;
    }
}
