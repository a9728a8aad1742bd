using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary>
/// The packs that ship with zpol are published as packages of their own too, for a project that wants a newer
/// pack than its ZonePolicy.MSBuild ships: each packs with <c>zpol pack</c>, its tests passing, into a package
/// named by its manifest that holds the whole pack.
/// </summary>
public sealed class ShippedPackPackageTests : IDisposable
{
    private static readonly string Root = RepositoryRoot();

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> ShippedPacks()
    {
        var packs = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(Root, "rules")).Order(StringComparer.Ordinal))
        {
            packs.Add(Path.GetFileName(folder));
        }

        return packs;
    }

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public void Each_shipped_pack_is_packed_into_a_package_of_its_own(string pack)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "rules", pack, "pack.json")));
        var version = manifest.RootElement.GetProperty("version").GetString();

        var outcome = Cli.Run(PolicyEngine.Check, Root, "pack", $"rules/{pack}", "-o", temp.Path, "--no-feeds");

        Assert.True(outcome.ExitCode == 0, outcome.Out + outcome.Error);
        var package = Path.Combine(temp.Path, $"{pack}.{version}.nupkg");
        Assert.EndsWith($"packed `{pack}` {version} into {package}\n", outcome.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        using var archive = ZipFile.OpenRead(package);
        var metadata = XDocument.Load(archive.GetEntry($"{pack}.nuspec")!.Open()).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal((pack, version), (metadata.Elements().Single(e => e.Name.LocalName == "id").Value, metadata.Elements().Single(e => e.Name.LocalName == "version").Value));
        Assert.Equal("ZonePolicyPack", metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value);
        Assert.Equal(
            Files(Path.Combine(Root, "rules", pack)).Select(f => $"pack/{f}"),
            archive.Entries.Select(e => e.FullName).Where(e => e.StartsWith("pack/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
