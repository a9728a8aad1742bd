using System.IO.Compression;
using System.Reflection.PortableExecutable;
using ZonePolicy.MSBuild.Tests.TestUtilities;

namespace ZonePolicy.MSBuild.Tests;

/// <summary>The <c>zpol</c> tool as its packages ship and a user installs them from a feed.</summary>
public sealed class ToolPackageTests(ToolPackageFixture tool) : IClassFixture<ToolPackageFixture>
{
    private static readonly string[] Platforms = ["linux-arm64", "linux-x64", "osx-arm64", "osx-x64", "win-x64"];

    private static readonly string[] ReadmeCheck =
    [
        "check",
        "samples/annex-a-factory/case1-cad-to-manufacturing.topology.json",
        "samples/annex-a-factory/case2-remote-maintenance.topology.json",
        "samples/annex-a-factory/case3-mes-upgrade.topology.json",
        "--rules", "samples/annex-a-factory/rules", "--today", "2026-11-25",
    ];

    [Fact]
    public void The_pack_makes_a_package_per_platform_an_IL_only_one_and_the_package_that_points_to_them()
    {
        var expected = Platforms.Append("any").Select(rid => $"{ToolPackageFixture.PackageId}.{rid}.{tool.Version}.nupkg")
            .Append($"{ToolPackageFixture.PackageId}.{tool.Version}.nupkg")
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, tool.Packages);
        Assert.DoesNotContain(Entries($"{ToolPackageFixture.PackageId}.{tool.Version}.nupkg"), entry => entry.EndsWith(".dll", StringComparison.Ordinal));
    }

    [Fact]
    public void A_platform_package_ships_the_engine_precompiled_and_the_IL_only_package_does_not()
    {
        foreach (var rid in Platforms)
        {
            Assert.True(IsPrecompiled(rid, "ZonePolicy.dll"), $"ZonePolicy.dll of {rid} has no precompiled code");
            Assert.True(IsPrecompiled(rid, "zpol.dll"), $"zpol.dll of {rid} has no precompiled code");
        }

        Assert.False(IsPrecompiled("any", "ZonePolicy.dll"));
        Assert.False(IsPrecompiled("any", "zpol.dll"));
    }

    [Fact]
    public void Every_package_with_the_tool_ships_the_rule_packs_without_their_tests()
    {
        foreach (var rid in Platforms.Append("any"))
        {
            var entries = Entries($"{ToolPackageFixture.PackageId}.{rid}.{tool.Version}.nupkg");
            var packs = $"tools/net10.0/{rid}/packs/";

            foreach (var pack in new[] { "meti-factory-guidelines", "iec62443-zones", "semi-e187-baseline" })
            {
                Assert.Contains(packs + pack + "/pack.json", entries);
                Assert.Contains(entries, entry => entry.StartsWith(packs + pack + "/", StringComparison.Ordinal) && entry.EndsWith(".zpol", StringComparison.Ordinal));
            }

            Assert.DoesNotContain(entries, entry => entry.StartsWith(packs, StringComparison.Ordinal) && entry.Contains("/tests/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_installed_tool_runs_its_platform_package_and_reports_the_sample_factory_as_the_readme_shows()
    {
        var zpol = tool.Install(ToolPackageFixture.PackageId);

        var (exitCode, output) = RunZpol(zpol, ReadmeCheck);

        Assert.Equal(1, exitCode);
        Assert.Equal(ReadmeOutput(), output.ReplaceLineEndings("\n"));
        var installed = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(zpol)!, ".store"), "ZonePolicy.dll", SearchOption.AllDirectories);
        var expectedRid = tool.HostPackage is null ? "any" : System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        Assert.Contains(installed, path => path.Contains($"{Path.DirectorySeparatorChar}{expectedRid}{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_installed_tool_finds_the_rule_packs_it_ships_by_name()
    {
        var zpol = tool.Install(ToolPackageFixture.PackageId);

        var (exitCode, output) = RunZpol(zpol,
        [
            "check",
            "samples/annex-a-factory/fixed/case1-cad-to-manufacturing.topology.json",
            "samples/annex-a-factory/fixed/case2-remote-maintenance.topology.json",
            "samples/annex-a-factory/fixed/case3-mes-upgrade.topology.json",
            "--pack", "meti-factory-guidelines", "--no-feeds", "--today", "2026-11-25",
        ]);

        Assert.Equal(0, exitCode);
        Assert.Contains("case3-mes-upgrade.topology.json(588,5): warning METI-TP-01: ", output);
        Assert.EndsWith("0 errors, 1 warning, 0 infos\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_IL_only_package_installed_on_its_own_reports_the_same()
    {
        var zpol = tool.Install($"{ToolPackageFixture.PackageId}.any");

        var (exitCode, output) = RunZpol(zpol, ReadmeCheck);

        Assert.Equal(1, exitCode);
        Assert.Equal(ReadmeOutput(), output.ReplaceLineEndings("\n"));
    }

    private static (int ExitCode, string Output) RunZpol(string zpol, string[] arguments) =>
        DotNet.RunProgram(zpol, PackageFixture.RepositoryRoot, new Dictionary<string, string>(), TimeSpan.FromMinutes(2), arguments);

    /// <summary>What the README's first command prints, as the CLI's own tests pin it.</summary>
    private static string ReadmeOutput() => File.ReadAllText(Path.Combine(
        PackageFixture.RepositoryRoot, "tests", "ZonePolicy.Cli.Tests",
        "SampleFactoryTests.The_readme_command_reports_the_sample_violations_and_exits_1.verified.txt")).ReplaceLineEndings("\n");

    private bool IsPrecompiled(string rid, string assembly)
    {
        using var archive = ZipFile.OpenRead(Path.Combine(tool.Feed, $"{ToolPackageFixture.PackageId}.{rid}.{tool.Version}.nupkg"));
        using var stream = new MemoryStream();
        using (var entry = archive.GetEntry($"tools/net10.0/{rid}/{assembly}")!.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    private List<string> Entries(string package)
    {
        using var archive = ZipFile.OpenRead(Path.Combine(tool.Feed, package));
        return [.. archive.Entries.Select(e => e.FullName)];
    }
}
