using System.Runtime.InteropServices;

namespace ZonePolicy.MSBuild.Tests.TestUtilities;

/// <summary>
/// Packs the <c>zpol</c> tool once per test run, as a release packs it (one precompiled package per platform, an
/// IL-only one for the rest, and the package that points to them), into a private folder feed, and installs its
/// packages from there with a private NuGet package cache, the way a user installs the tool.
/// </summary>
public sealed class ToolPackageFixture : IDisposable
{
    public const string PackageId = "ZonePolicy.Cli";

    /// <summary>Precompiling the tool for every platform takes minutes on a small machine.</summary>
    private static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, string> installed = new(StringComparer.Ordinal);
    private readonly string root;

    // A package cache of the fixture's own: a tool of this version installed before is never taken from the user's.
    private readonly Dictionary<string, string> environment;

    public ToolPackageFixture()
    {
        root = Directory.CreateTempSubdirectory("zonepolicy-tool-").FullName;
        Feed = Path.Combine(root, "feed");
        var project = Path.Combine(PackageFixture.RepositoryRoot, "src", "ZonePolicy.Cli", "ZonePolicy.Cli.csproj");

        // Built in an artifacts folder of its own: the MSBuild package's fixture builds the same projects at the same time.
        var (exitCode, output) = DotNet.Run(PackageFixture.RepositoryRoot, new Dictionary<string, string>(), PackLimit,
            "pack", project, "-c", "Release", "-o", Feed, "--artifacts-path", Path.Combine(root, "artifacts"),
            "-nodeReuse:false", "--disable-build-servers", "-tl:off");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"packing the zpol tool failed:\n{output}");
        }

        Packages = Directory.GetFiles(Feed, "*.nupkg").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var pointer = Packages.Single(name => name.StartsWith(PackageId + ".", StringComparison.Ordinal) && char.IsAsciiDigit(name[PackageId.Length + 1]));
        Version = Path.GetFileNameWithoutExtension(pointer)[(PackageId.Length + 1)..];

        FolderFeed.WriteNuGetConfig(root, Feed);
        environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
    }

    public string Feed { get; }

    /// <summary>The file names of every package the pack made, in order.</summary>
    public IReadOnlyList<string> Packages { get; }

    public string Version { get; }

    /// <summary>The package of the platform the tests run on, or null when the tool has none for it and installs the IL-only one.</summary>
    public string? HostPackage => Packages.SingleOrDefault(name => name == $"{PackageId}.{RuntimeInformation.RuntimeIdentifier}.{Version}.nupkg");

    /// <summary>Installs <paramref name="packageId"/> from the feed, once, into a tool folder of its own; the path of its <c>zpol</c> command.</summary>
    public string Install(string packageId)
    {
        lock (installed)
        {
            if (!installed.TryGetValue(packageId, out var zpol))
            {
                zpol = InstallOnce(packageId);
                installed.Add(packageId, zpol);
            }

            return zpol;
        }
    }

    private string InstallOnce(string packageId)
    {
        var tools = Path.Combine(root, "tools", packageId);
        var (exitCode, output) = DotNet.Run(root, environment,
            "tool", "install", packageId, "--version", Version, "--tool-path", tools, "--configfile", Path.Combine(root, "nuget.config"));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"installing {packageId} {Version} failed:\n{output}");
        }

        return Path.Combine(tools, OperatingSystem.IsWindows() ? "zpol.exe" : "zpol");
    }

    public void Dispose() => PackageFixture.DeleteTemporary(root);
}
