using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;
using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary><c>zpol pack</c>: a pack is packed only when its tests pass, into the same bytes every time.</summary>
public sealed class PackCommandTests : IDisposable
{
    private const string Rules = """
        pack acme.plant

        rule ACME-01 "control zones are reviewed" {
          severity warning
          for zone z where z.kind == "control"
          require false
          message "{z} is checked"
        }

        """;

    private readonly TempFolder temp = new();

    public PackCommandTests()
    {
        temp.Write("acme-plant/pack.json", """
            {
              "name": "acme-plant",
              "version": "1.2.0",
              "title": "Acme plant rules",
              "license": "MIT",
              "authors": ["Acme"],
              "standards": [{ "name": "Acme OT baseline" }],
              "minEngineVersion": "0.1.0",
              "dependencies": { "acme-common": "[1.0.0, 2.0.0)" }
            }
            """);
        temp.Write("acme-plant/rules.zpol", Rules);
        temp.Write("acme-plant/README.md", "# acme-plant\n");
        temp.Write("acme-plant/docs/ACME-01.md", "# ACME-01\n");
        temp.Write("acme-plant/.git/config", "not packed");
        temp.Write("acme-plant/tests/clean.json", """{ "schemaVersion": "1", "zones": [ { "id": "cell", "kind": "control" } ] }""");
        temp.Write("acme-plant/tests/clean.expect", "only ACME-01\nACME-01 cell\n");
        temp.Write("acme-common/pack.json", """
            { "name": "acme-common", "version": "1.0.0", "title": "Acme common", "license": "MIT", "authors": ["Acme"], "standards": [{ "name": "Acme OT baseline" }], "minEngineVersion": "0.1.0" }
            """);
        temp.Write("acme-common/helpers.zpol", "let unused = 1\n");
    }

    public void Dispose() => temp.Dispose();

    private string Package => Path.Combine(temp.Path, "out", "acme-plant.1.2.0.nupkg");

    [Fact]
    public void A_pack_whose_tests_pass_is_packed_with_its_files_registration_and_dependencies()
    {
        var outcome = Pack();

        Assert.True(outcome.ExitCode == 0, outcome.Out + outcome.Error);
        Assert.EndsWith($"packed `acme-plant` 1.2.0 into {Package}\n", outcome.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        using var archive = ZipFile.OpenRead(Package);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(
            ["build/acme-plant.props", "pack/docs/ACME-01.md", "pack/pack.json", "pack/README.md", "pack/rules.zpol", "pack/tests/clean.expect", "pack/tests/clean.json", "README.md"],
            entries.Where(e => e.StartsWith("pack/", StringComparison.Ordinal) || e.StartsWith("build/", StringComparison.Ordinal) || e == "README.md").Order(StringComparer.OrdinalIgnoreCase));
        var nuspec = XDocument.Load(archive.GetEntry("acme-plant.nuspec")!.Open()).Root!;
        var metadata = nuspec.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("ZonePolicyPack", metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value);
        Assert.Equal("MIT", metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
        Assert.Equal(
            ["acme-common [1.0.0, 2.0.0)", "ZonePolicy.MSBuild 0.1.0"],
            metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(d => $"{d.Attribute("id")!.Value} {d.Attribute("version")!.Value}"));
        var props = new StreamReader(archive.GetEntry("build/acme-plant.props")!.Open()).ReadToEnd();
        Assert.Contains("<ZonePolicyPackFolder Include=\"$([MSBuild]::NormalizeDirectory('$(MSBuildThisFileDirectory)', '..', 'pack'))\" Name=\"acme-plant\" Version=\"1.2.0\" />", props, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_pack_gives_the_same_bytes()
    {
        Assert.Equal(0, Pack().ExitCode);
        var first = SHA256.HashData(File.ReadAllBytes(Package));
        File.SetLastWriteTimeUtc(Path.Combine(temp.Path, "acme-plant", "rules.zpol"), DateTime.UtcNow.AddDays(-3));

        Assert.Equal(0, Pack().ExitCode);

        Assert.Equal(first, SHA256.HashData(File.ReadAllBytes(Package)));
    }

    [Fact]
    public void A_pack_whose_tests_fail_is_not_packed()
    {
        temp.Write("acme-plant/tests/clean.expect", "only ACME-01\n");

        var outcome = Pack();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("FAIL acme-plant/clean", outcome.Out, StringComparison.Ordinal);
        Assert.Contains($"error ZP0360: pack `acme-plant` 1.2.0 was not packed: its tests did not pass", outcome.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Package));
    }

    [Fact]
    public void A_link_in_the_pack_is_refused_so_no_file_from_outside_gets_in()
    {
        var secret = temp.Write("secret.txt", "outside");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "acme-plant", "docs", "secret.md"), secret);

        var outcome = Pack();

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error ZP0360: `docs/secret.md` is a link; a pack's package holds files only", outcome.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Package));
    }

    [Theory]
    [InlineData("\"license\": \"MIT\"", "\"license\": \"MIT-ish\"", "(5,14): error ZP0140: `license` `MIT-ish` is not an SPDX licence expression")]
    [InlineData("\"version\": \"1.2.0\"", "\"version\": \"1.2\"", "(3,14): error ZP0140: `version` `1.2` is not a SemVer 2.0 version")]
    public void A_bad_manifest_is_reported_at_its_value_and_nothing_is_packed(string from, string to, string expected)
    {
        var manifest = Path.Combine(temp.Path, "acme-plant", "pack.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(from, to, StringComparison.Ordinal));

        var outcome = Pack();

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Package));
    }

    [Fact]
    public void A_folder_without_a_manifest_is_not_a_pack_to_package()
    {
        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "pack", "acme-plant/docs", "-o", "out");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error ZP0140: ", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("is not a pack folder: a pack to package needs a `pack.json`", outcome.Out, StringComparison.Ordinal);
    }

    private CliOutcome Pack() => Cli.Run(PolicyEngine.Check, temp.Path, "pack", "acme-plant", "-o", "out", "--pack-dir", ".", "--no-feeds");
}
