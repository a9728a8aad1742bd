using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// What a pack's C# function costs a check: the METI pack, whose METI-SW-03 and METI-SW-05 call the C#
/// function <c>cvss_base_score</c> for every vulnerability with a CVSS vector, against the same pack with
/// those calls written without it, on a generated site whose vulnerabilities all carry a vector. Each
/// measurement runs in a process of its own, so that "cold" pays what a first check pays (the C# compiler
/// loaded and run, the script cache filled) and "warm" shows that a check with cached scripts never loads
/// the compiler. Target: warm adds at most 50 ms over the same pack without the function.
/// </summary>
internal static class ScriptCosts
{
    // Vectors with their base scores: every vulnerability states the score its vector gives, so both packs
    // report the same findings and the difference is what calling the function costs.
    private static readonly (string Vector, decimal Score)[] Vectors =
    [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8m),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1m),
        ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8m),
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1m),
        ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H", 8.1m),
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9m),
    ];

    /// <summary>Runs the measurements, each in a child process, and prints them.</summary>
    public static void Run(int assets, int rounds, TextWriter output)
    {
        var site = SiteWithVectors(assets);
        var (withFunction, without) = Packs();
        var cache = Directory.CreateTempSubdirectory("zonepolicy-script-cache-").FullName;
        try
        {
            var cold = new List<double>();
            for (var round = 0; round < Math.Min(rounds, 3); round++)
            {
                Directory.Delete(cache, recursive: true);
                Directory.CreateDirectory(cache);
                cold.Add(double.Parse(Child("cold", site, withFunction, without, cache, 1), CultureInfo.InvariantCulture));
            }

            var warm = Child("warm", site, withFunction, without, cache, rounds).Split(' ');
            var (warmMs, withoutMs, difference, compilerLoaded, findings) = (Number(warm[0]), Number(warm[1]), Number(warm[2]), warm[3], warm[4]);
            output.WriteLine($"C# functions: meti-factory-guidelines (cvss_base_score), {assets:N0} assets, every vulnerability with a CVSS vector");
            output.WriteLine($"  cold: empty cache, compiler loaded and run      {Median(cold),8:F0} ms  (median of {cold.Count} processes, first check of each)");
            output.WriteLine($"  warm: scripts from the cache                     {warmMs,8:F1} ms  (median of {rounds} checks)");
            output.WriteLine($"  the same pack without the C# function            {withoutMs,8:F1} ms  (median of {rounds} checks)");
            output.WriteLine($"  warm minus without                               {difference,8:F1} ms  (median of the {rounds} rounds' differences; target: at most 50 ms)");
            output.WriteLine($"  C# compiler loaded by the warm process: {compilerLoaded}; the two packs found the {findings} diagnostics");
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
            Directory.Delete(Path.GetDirectoryName(without)!, recursive: true);
        }
    }

    /// <summary>A child's measurement: <c>cold</c> prints the first check's time; <c>warm</c> prints the medians and whether the compiler was loaded.</summary>
    public static int RunChild(string mode, string site, string withFunction, string without, string cache, int rounds, TextWriter output)
    {
        if (mode == "cold")
        {
            output.Write(Time(site, withFunction, cache).ToString("F1", CultureInfo.InvariantCulture));
            return 0;
        }

        // The first check of each reads its packs and JIT-compiles the engine: not what a repeated build pays.
        Time(site, without, cache);
        Time(site, withFunction, cache);
        // One round runs both packs back to back, so that a busy moment of the machine hits both alike.
        var warm = new List<double>();
        var plain = new List<double>();
        var differences = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            plain.Add(Time(site, without, cache));
            warm.Add(Time(site, withFunction, cache));
            differences.Add(warm[^1] - plain[^1]);
        }

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true);
        var findings = Findings(site, withFunction, cache) == Findings(site, without, cache) ? "same" : "different";
        output.Write(string.Create(CultureInfo.InvariantCulture, $"{Median(warm):F1} {Median(plain):F1} {Median(differences):F1} {(loaded ? "yes" : "no")} {findings}"));
        return 0;
    }

    private static string Findings(string site, string pack, string cache) =>
        string.Join("\n", Check(site, pack, cache).Diagnostics.Select(d => d.ToCanonicalString()));

    private static double Time(string site, string pack, string cache)
    {
        var clock = Stopwatch.StartNew();
        Check(site, pack, cache);
        clock.Stop();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static CheckResult Check(string site, string pack, string cache)
    {
        var result = PolicyEngine.Check(new CheckRequest
        {
            TopologyFiles = [site],
            RuleSources = [pack],
            TrustedPacks = ["meti-factory-guidelines"],
            ScriptCacheDirectory = cache,
            Today = BenchmarkFiles.Today,
        });
        return result.InputInvalid ? throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5))) : result;
    }

    private static string Child(string mode, string site, string withFunction, string without, string cache, int rounds)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ScriptCosts).Assembly.Location);
        }

        foreach (var argument in new[] { "--scripts-child", mode, site, withFunction, without, cache, rounds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the benchmark could not start itself");
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? text.Trim() : throw new InvalidOperationException($"the `{mode}` measurement failed:\n{error.Result}");
    }

    /// <summary>The generated site with a CVSS vector on every vulnerability, stating the score the vector gives.</summary>
    private static string SiteWithVectors(int assets)
    {
        var path = Path.Combine(BenchmarkFiles.Folder, $"vectors-{assets}.topology.json");
        var root = JsonNode.Parse(File.ReadAllText(BenchmarkFiles.Site(assets)))!;
        var index = 0;
        foreach (var asset in root["assets"]!.AsArray())
        {
            foreach (var vulnerability in asset!["vulnerabilities"]?.AsArray() ?? [])
            {
                var (vector, score) = Vectors[index++ % Vectors.Length];
                vulnerability!["vector"] = vector;
                vulnerability["cvss"] = score;
            }
        }

        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    /// <summary>The shipped METI pack, and a copy whose helpers compare the stated score only, without the C# function.</summary>
    private static (string With, string Without) Packs()
    {
        var with = RulesFolder("meti-factory-guidelines");
        var copy = Path.Combine(Directory.CreateTempSubdirectory("zonepolicy-meti-without-").FullName, "meti-factory-guidelines");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(with, "*.zpol"))
        {
            var text = File.ReadAllText(file);
            text = Regex.Replace(text, @"(?m)^let scores_above\(v, limit\) = .*$", "let scores_above(v, limit) = (v.cvss > limit) == true");
            text = Regex.Replace(text, @"(?m)^let cvss_record_wrong\(v\) = .*$", "let cvss_record_wrong(v) = has(v.vector) and not has(v.cvss)");
            File.WriteAllText(Path.Combine(copy, Path.GetFileName(file)), text);
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(with, "pack.json")))!.AsObject();
        manifest.Remove("functions");
        File.WriteAllText(Path.Combine(copy, "pack.json"), manifest.ToJsonString());
        return (with, copy);
    }

    private static string RulesFolder(string pack)
    {
        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(origin); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "rules", pack);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"rules/{pack} was not found above the current folder; run the benchmark inside the repository");
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
