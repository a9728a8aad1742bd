using System.Reflection;
using System.Text;
using ZonePolicy.Benchmarks.Generation;

namespace ZonePolicy.Benchmarks;

/// <summary>
/// The inputs of the benchmarks. Generated sites and packs go to a folder under the system's temp folder,
/// named after this build, so every benchmark process of one run (and later runs of the same build) reuse
/// them instead of generating them again.
/// </summary>
internal static class BenchmarkFiles
{
    /// <summary>The evaluation date of every check: fixed, so runs compare.</summary>
    public static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly string Build = typeof(BenchmarkFiles).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "zonepolicy-benchmarks");

    /// <summary>The benchmark's rule file, copied beside the binaries.</summary>
    public static string RuleFile { get; } = Path.Combine(AppContext.BaseDirectory, "Rules", "factory.zpol");

    /// <summary>The topology of a generated site of <paramref name="assets"/> assets.</summary>
    public static string Site(int assets) =>
        Generated($"site-{assets}-{Build}.topology.json", path =>
        {
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
            SiteGenerator.Write(assets, writer);
        });

    /// <summary>A folder holding a generated rule pack of <paramref name="rules"/> rules.</summary>
    public static string RulePack(int rules) =>
        Generated($"pack-{rules}-{Build}", RulePackGenerator.WriteFolder(rules));

    private static string Generated(string name, Action<string> write)
    {
        var path = Path.Combine(Folder, name);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Folder);
        RemoveOtherBuilds(name);

        // Written under a temporary name and then renamed, so an interrupted run leaves no half file behind.
        var partial = path + $".partial-{Environment.ProcessId}";
        write(partial);
        if (Directory.Exists(partial))
        {
            Directory.Move(partial, path);
        }
        else
        {
            File.Move(partial, path);
        }

        return path;
    }

    private static void RemoveOtherBuilds(string name)
    {
        var prefix = name[..(name.LastIndexOf('-') + 1)];
        foreach (var stale in Directory.EnumerateFileSystemEntries(Folder, prefix + "*"))
        {
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }
            else
            {
                File.Delete(stale);
            }
        }
    }
}
