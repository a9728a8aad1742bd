using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using ZonePolicy.Benchmarks;
using ZonePolicy.Benchmarks.Measurements;

// Without a mode of its own, every argument goes to BenchmarkDotNet (`--filter`, `--list flat`, ...).
// `--quick` runs the benchmarks without the 100,000-asset site.
switch (args.FirstOrDefault())
{
    case "--verify":
        return Sizes(args, [1_000, 10_000]).Select(n => Agreement.Verify(n, Console.Out)).ToList().All(ok => ok) ? 0 : 1;
    case "--phases":
        PhaseTimes.Run(Sizes(args, [1_000, 10_000, 100_000]), Console.Out);
        return 0;
    case "--connectivity":
        ZonePolicy.Benchmarks.Connectivity.ConnectivityTimes.Run(Sizes(args, [10_000, 100_000]), Console.Out);
        return 0;
    case "--peak":
        PeakMemory.Run(Sizes(args, [100_000])[0], Console.Out);
        return 0;
    case "--reader":
        ReaderRounds.Run(Sizes(args, [100_000])[0], Option(args, "--rounds", 4), Console.Out);
        return 0;
    case "--floor":
        FloorComparison.Run(Sizes(args, [1_000, 10_000, 100_000]), Option(args, "--rounds", 3), Console.Out);
        return 0;
    case "--once":
        return SingleRun.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    case "--editing":
        EditTimes.Run(Option(args, "--rounds", 20), Console.Out);
        return 0;
    case "--start":
        StartTimes.Run(Option(args, "--rounds", 10), Console.Out);
        return 0;
    case "--html-report":
        foreach (var assets in Sizes(args, [10_000]))
        {
            await HtmlReportLoad.Run(assets, Console.Out);
        }

        return 0;
    case "--scripts":
        ScriptCosts.Run(Sizes(args, [1_000])[0], Option(args, "--rounds", 10), Console.Out);
        return 0;
    case "--scripts-child":
        return ScriptCosts.RunChild(args[1], args[2], args[3], args[4], args[5], int.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    case "--generate":
        foreach (var assets in Sizes(args, [1_000, 10_000, 100_000]))
        {
            Console.WriteLine(BenchmarkFiles.Site(assets));
        }

        return 0;
}

var config = DefaultConfig.Instance;
if (args.Contains("--quick"))
{
    config = config.AddFilter(new SimpleFilter(b => b.Parameters["Assets"] is not int assets || assets < 100_000));
    args = args.Where(a => a != "--quick").ToArray();
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkFiles).Assembly).Run(args, config);
return 0;

static IReadOnlyList<int> Sizes(string[] args, int[] defaults)
{
    var given = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.TryParse(a, out var n) ? n : 0).Where(n => n > 0).ToArray();
    return given.Length > 0 ? given : defaults;
}

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
}
