using System.IO.Compression;
using System.Xml.Linq;
using ZonePolicy.MSBuild.Tests.TestUtilities;

namespace ZonePolicy.MSBuild.Tests;

[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    private const string Tasks = "tasks/net10.0/";

    [Fact]
    public void The_task_its_dependencies_and_zpol_ship_together_under_tasks()
    {
        var entries = Entries();

        Assert.Contains("build/ZonePolicy.MSBuild.props", entries);
        Assert.Contains("build/ZonePolicy.MSBuild.targets", entries);
        Assert.Contains("README.md", entries);
        foreach (var file in new[]
        {
            "ZonePolicy.MSBuild.dll", "ZonePolicy.MSBuild.deps.json", "ZonePolicy.dll", "Superpower.dll", "JsonSchema.Net.dll",
            "zpol.dll", "zpol.deps.json", "zpol.runtimeconfig.json", "System.CommandLine.dll",
            "NuGet.Versioning.dll", "NuGet.Protocol.dll", "Microsoft.CodeAnalysis.dll", "Microsoft.CodeAnalysis.CSharp.Scripting.dll",
        })
        {
            Assert.Contains(Tasks + file, entries);
        }
    }

    [Fact]
    public void No_msbuild_assembly_and_nothing_for_consumers_to_compile_against_ships()
    {
        var entries = Entries();

        Assert.DoesNotContain(entries, entry => Path.GetFileName(entry).StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal) || entry.StartsWith("ref/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_nuspec_declares_a_development_dependency_without_dependencies()
    {
        using var archive = ZipFile.OpenRead(package.Package);
        using var stream = archive.GetEntry("ZonePolicy.MSBuild.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }

    [Fact]
    public void Every_rule_pack_in_the_repository_ships_under_packs_without_its_tests()
    {
        var entries = Entries();
        var rules = Path.Combine(PackageFixture.RepositoryRoot, "rules");
        var packs = Directory.Exists(rules) ? Directory.GetDirectories(rules).Select(Path.GetFileName).ToList() : [];

        foreach (var pack in packs)
        {
            Assert.Contains(entries, entry => entry.StartsWith($"packs/{pack}/", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(entries, entry => entry.StartsWith("packs/", StringComparison.Ordinal) && entry.Contains("/tests/", StringComparison.Ordinal));
    }

    private List<string> Entries()
    {
        using var archive = ZipFile.OpenRead(package.Package);
        return [.. archive.Entries.Select(entry => entry.FullName)];
    }
}
