using System.IO.Compression;

namespace ZonePolicy.MSBuild.Tests.TestUtilities;

/// <summary>
/// Packs ZonePolicy.MSBuild once per test run into a private folder feed, with a private NuGet
/// package cache, so that every project under test restores this very build of the package.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private readonly Lazy<string> zpol;
    private readonly Lazy<string> thirdPartyPacks;

    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("zonepolicy-msbuild-").FullName;
        Feed = Path.Combine(Root, "feed");
        Environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            ["ZONEPOLICY_SCRIPT_CACHE"] = Path.Combine(Root, "script-cache"),
        };

        var project = Path.Combine(RepositoryRoot, "msbuild", "ZonePolicy.MSBuild.csproj");
        var (exitCode, output) = DotNet.Run(RepositoryRoot, Environment,
            "pack", project, "-c", "Release", "-o", Feed, "-nodeReuse:false", "--disable-build-servers", "-tl:off");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"packing ZonePolicy.MSBuild failed:\n{output}");
        }

        Package = Directory.GetFiles(Feed, "ZonePolicy.MSBuild.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(Package)["ZonePolicy.MSBuild.".Length..];

        // Every test project lives below Root: these files make it a world of its own.
        FolderFeed.WriteNuGetConfig(Root, Feed);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");
        zpol = new Lazy<string>(ExtractZpol);
        thirdPartyPacks = new Lazy<string>(PackThirdPartyPacks);
    }

    /// <summary>The <c>zpol.dll</c> the package ships, extracted to run as a process of its own.</summary>
    public string Zpol => zpol.Value;

    /// <summary>Packs <see cref="ThirdPartyPacks"/> with <c>zpol pack</c> into <see cref="Feed"/> once; returns the folder of their sources.</summary>
    public string EnsureThirdPartyPacks() => thirdPartyPacks.Value;

    /// <summary>Runs the shipped <c>zpol</c> in <paramref name="workingDirectory"/>.</summary>
    public (int ExitCode, string Output) RunZpol(string workingDirectory, params string[] arguments) =>
        DotNet.Run(workingDirectory, Environment, ["exec", Zpol, .. arguments]);

    private string ExtractZpol()
    {
        var folder = Path.Combine(Root, "zpol");
        using var archive = ZipFile.OpenRead(Package);
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("tasks/net10.0/", StringComparison.Ordinal) && e.Name.Length > 0))
        {
            var target = Path.Combine(folder, entry.FullName["tasks/net10.0/".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: true);
        }

        return Path.Combine(folder, "zpol.dll");
    }

    private string PackThirdPartyPacks()
    {
        var sources = Path.Combine(Root, "pack-sources");
        foreach (var (name, version, dependency) in ThirdPartyPacks.All)
        {
            var folder = ThirdPartyPacks.WriteSources(sources, name, version, dependency);
            var (exitCode, output) = RunZpol(Root, "pack", folder, "-o", Feed, "--pack-dir", Path.Combine(sources, "acme-common-1.0.0"), "--trust", "acme-common", "--no-feeds");
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"zpol pack {name} {version} failed:\n{output}");
            }
        }

        return sources;
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Root { get; }

    public string Feed { get; }

    /// <summary>The packed .nupkg.</summary>
    public string Package { get; }

    public string Version { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public void Dispose() => DeleteTemporary(Root);

    /// <summary>Deletes a fixture's temporary folder, as far as it can.</summary>
    internal static void DeleteTemporary(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A build server that outlived its build may still hold a file; the folder is in temp.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ZonePolicy.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (the folder of ZonePolicy.sln)");
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "ZonePolicy.MSBuild package";
}
