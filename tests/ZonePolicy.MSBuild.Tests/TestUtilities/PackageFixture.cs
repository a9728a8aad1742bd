namespace ZonePolicy.MSBuild.Tests.TestUtilities;

/// <summary>
/// Packs ZonePolicy.MSBuild once per test run into a private folder feed, with a private NuGet
/// package cache, so that every project under test restores this very build of the package.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("zonepolicy-msbuild-").FullName;
        Feed = Path.Combine(Root, "feed");
        Environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
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
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="zonepolicy-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Root { get; }

    public string Feed { get; }

    /// <summary>The packed .nupkg.</summary>
    public string Package { get; }

    public string Version { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
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
