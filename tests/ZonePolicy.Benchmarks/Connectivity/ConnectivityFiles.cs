using System.Text;
using ZonePolicy.Benchmarks.Generation;

namespace ZonePolicy.Benchmarks.Connectivity;

/// <summary>
/// The connectivity benchmark's inputs: the generated site with what its network permits, and the rule
/// written both ways. The sites are kept in a folder of their own under the temp folder (the other
/// benchmarks clean theirs), one per size and build, and reused by later runs of the same build.
/// </summary>
internal static class ConnectivityFiles
{
    private static readonly string Build = typeof(ConnectivityFiles).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "zonepolicy-connectivity-benchmarks");

    public static string DeclaredRule { get; } = Path.Combine(AppContext.BaseDirectory, "Rules", "connectivity-declared.zpol");

    public static string PermittedRule { get; } = Path.Combine(AppContext.BaseDirectory, "Rules", "connectivity-permitted.zpol");

    /// <summary>A search from every asset of the control zones, over either graph.</summary>
    public static string EveryAssetRules { get; } = Path.Combine(AppContext.BaseDirectory, "Rules", "connectivity-every-asset.zpol");

    /// <summary>The generated site of <paramref name="assets"/> assets with what its network permits.</summary>
    public static string Site(int assets)
    {
        var name = $"permitted-site-{assets}-";
        var path = Path.Combine(Folder, $"{name}{Build}.topology.json");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Folder);
        foreach (var stale in Directory.EnumerateFiles(Folder, name + "*.topology.json"))
        {
            File.Delete(stale);
        }

        var declared = path + $".declared-{Environment.ProcessId}";
        var partial = path + $".partial-{Environment.ProcessId}";
        using (var writer = new StreamWriter(declared, append: false, new UTF8Encoding(false), bufferSize: 1 << 16))
        {
            SiteGenerator.Write(assets, writer);
        }

        PermittedSiteWriter.Write(declared, partial);
        File.Delete(declared);
        File.Move(partial, path, overwrite: true);
        return path;
    }
}
