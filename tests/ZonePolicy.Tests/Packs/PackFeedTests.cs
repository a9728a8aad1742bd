using System.IO.Compression;
using ZonePolicy.Diagnostics;
using ZonePolicy.Packaging;
using ZonePolicy.Packs;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Packs;

/// <summary>
/// Packs packed with <see cref="PackPackaging"/> into a local folder feed and resolved through a
/// <c>nuget.config</c> that names it, with a private global packages folder.
/// </summary>
public sealed class PackFeedTests : IDisposable
{
    private readonly TempWorkspace workspace = new();
    private readonly string site;
    private readonly string feed;
    private readonly string packages;
    private readonly string lockFile;

    public PackFeedTests()
    {
        site = workspace.Write("site.json", PackFolders.Site);
        feed = Path.Combine(workspace.Root, "feed");
        packages = Path.Combine(workspace.Root, "packages");
        lockFile = Path.Combine(workspace.Root, "zonepolicy.lock.json");
        workspace.Write("nuget.config", PackFolders.NuGetConfig(feed, packages));
        Pack("acme-common", "1.0.0");
        Pack("acme-common", "1.1.0");
        Pack("acme-plant", "1.0.0", new Dictionary<string, string> { ["acme-common"] = "[1.0.0, 2.0.0)" });
        Pack("acme-plant", "1.1.0", new Dictionary<string, string> { ["acme-common"] = "[1.1.0, 2.0.0)" });
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_pack_and_its_dependency_come_from_the_feed_and_a_second_run_needs_no_feed()
    {
        var first = Check(["acme-plant@1.0.0"]);

        Assert.Equal([PackFolders.RuleId("acme-common", "1.0.0"), PackFolders.RuleId("acme-plant", "1.0.0")], first.Ids());
        Assert.True(File.Exists(Path.Combine(packages, "acme-plant", "1.0.0", "pack", "pack.json")));
        var locked = File.ReadAllText(lockFile);
        Assert.Contains("\"source\": \"feed\"", locked, StringComparison.Ordinal);
        Assert.Contains("\"contentHash\": \"", locked, StringComparison.Ordinal);

        Directory.Delete(feed, recursive: true);
        var offline = Check(["acme-plant@1.0.0"], PackLockMode.Locked);

        Assert.Equal(first.Ids(), offline.Ids());
        Assert.Equal(locked, File.ReadAllText(lockFile));
    }

    [Fact]
    public void A_floating_request_takes_the_newest_version_and_its_dependency_the_lowest_that_fits()
    {
        var result = Check(["acme-plant"]);

        Assert.Equal([PackFolders.RuleId("acme-common", "1.1.0"), PackFolders.RuleId("acme-plant", "1.1.0")], result.Ids());
    }

    [Fact]
    public void A_pack_no_source_has_lists_the_feeds_tried()
    {
        var diagnostic = Assert.Single(Check(["acme-nothing"]).Diagnostics);

        Assert.Equal(DiagnosticIds.UnknownPack, diagnostic.Id);
        Assert.Contains($"`test-feed` ({feed})", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_whose_bytes_changed_under_the_same_version_is_ZP0356()
    {
        Check(["acme-plant@1.0.0"]);
        var hash = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(lockFile), "\"contentHash\": \"([^\"]+)\"").Groups[1].Value;
        File.WriteAllText(lockFile, File.ReadAllText(lockFile).Replace(hash, "AAAA" + hash[4..], StringComparison.Ordinal));

        var result = Check(["acme-plant@1.0.0"]);

        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.PackContentChanged);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void A_feed_that_cannot_be_read_is_a_warning_and_the_pack_is_then_not_found()
    {
        workspace.Write("nuget.config", PackFolders.NuGetConfig(Path.Combine(workspace.Root, "no-such-feed"), packages));

        var result = Check(["acme-plant"]);

        Assert.Equal([DiagnosticIds.UnknownPack, DiagnosticIds.PackFeedUnavailable], result.Ids());
    }

    [Fact]
    public void A_package_that_is_not_a_rule_pack_is_ZP0359()
    {
        using (var archive = ZipFile.Open(Path.Combine(feed, "acme-other.1.0.0.nupkg"), ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("acme-other.nuspec").Open());
            writer.Write("""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>acme-other</id><version>1.0.0</version><authors>x</authors><description>x</description></metadata>
                </package>
                """);
        }

        var diagnostic = Assert.Single(Check(["acme-other"]).Diagnostics);

        Assert.Equal(DiagnosticIds.PackageNotFetched, diagnostic.Id);
        Assert.Equal("package `acme-other` 1.0.0 is not a rule pack: it has no `pack/pack.json` or is not of package type `ZonePolicyPack`", diagnostic.Message);
    }

    private void Pack(string name, string version, IReadOnlyDictionary<string, string>? dependencies = null)
    {
        var folder = Path.Combine("sources", $"{name}-{version}");
        PackFolders.Write(workspace, folder, name, version, dependencies);
        PackFolders.WriteTests(workspace, Path.Combine(folder, name), PackFolders.RuleId(name, version));
        var output = new StringWriter();
        var code = PackPackaging.Run(new PackagingRequest
        {
            Folder = Path.Combine(workspace.Root, folder, name),
            OutputDirectory = feed,
            PackDirectories = [Path.Combine(workspace.Root, "sources", $"acme-common-{version}")],
        }, output);
        Assert.True(code == 0, output.ToString());
    }

    private CheckResult Check(IReadOnlyList<string> packs, PackLockMode mode = PackLockMode.Auto) =>
        PolicyEngine.Check(new CheckRequest
        {
            TopologyFiles = [site],
            Packs = packs,
            NuGetConfigDirectory = workspace.Root,
            LockFile = lockFile,
            LockMode = mode,
        });
}
