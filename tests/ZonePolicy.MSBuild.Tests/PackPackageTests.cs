using ZonePolicy.MSBuild.Tests.TestUtilities;

namespace ZonePolicy.MSBuild.Tests;

/// <summary>
/// A third party's packs, made with the shipped <c>zpol pack</c> into a local folder feed, consumed by a
/// fresh SDK project through <c>PackageReference</c> alone and by <c>zpol check --pack</c> through a
/// <c>nuget.config</c> that names the feed.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackPackageTests(PackageFixture package)
{
    [Fact]
    public void A_package_reference_brings_the_pack_its_dependency_and_the_check_in_and_out_of_process()
    {
        package.EnsureThirdPartyPacks();
        var project = new PolicyProject(package, "acme-site", Scenario.Items.Replace("<ZonePolicyRules Include=\"policy/**/*.zpol\" />", "<ZonePolicyPack Include=\"acme-plant\" />"),
                references: "    <PackageReference Include=\"acme-plant\" Version=\"[1.0.0, 1.1.0)\" />")
            .Write(Scenario.Topology, Scenario.WarningOnlySite);

        var build = project.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        var topology = project.PathOf(Scenario.Topology);
        Assert.Equal(
            [new LoggedDiagnostic(topology, 4, 5, "warning", "ACME-COMMON-01", ThirdPartyPacks.Message("acme-common", "1.0.0", "cell")),
             new LoggedDiagnostic(topology, 4, 5, "warning", "ACME-PLANT-01", ThirdPartyPacks.Message("acme-plant", "1.0.0", "cell"))],
            build.Warnings.OrderBy(w => w.Id, StringComparer.Ordinal));

        var outOfProcess = project.Build("-p:ZonePolicyRunOutOfProcess=true");

        Assert.True(outOfProcess.ExitCode == 0, outOfProcess.ToString());
        Assert.Equal(build.Warnings.OrderBy(w => w.Id, StringComparer.Ordinal), outOfProcess.Warnings.OrderBy(w => w.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void Zpol_check_resolves_the_pack_from_the_feed_of_nuget_config_and_locks_it()
    {
        package.EnsureThirdPartyPacks();
        var folder = Path.Combine(package.Root, "cli-consumer");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "site.json"), Scenario.WarningOnlySite);

        var (untrusted, refused) = package.RunZpol(folder, "check", "site.json", "--pack", "acme-plant@[1.0.0, 1.1.0)");
        Assert.Equal(2, untrusted);
        Assert.Contains("error ZP0143: pack `acme-common` has C# functions (`functions/text.csx`)", refused, StringComparison.Ordinal);

        var (exitCode, output) = package.RunZpol(folder, "check", "site.json", "--pack", "acme-plant@[1.0.0, 1.1.0)", "--trust", "acme-common");

        Assert.True(exitCode == 0, output);
        Assert.Contains("site.json(4,5): warning ACME-PLANT-01: " + ThirdPartyPacks.Message("acme-plant", "1.0.0", "cell"), output, StringComparison.Ordinal);
        Assert.Contains("site.json(4,5): warning ACME-COMMON-01: " + ThirdPartyPacks.Message("acme-common", "1.0.0", "cell"), output, StringComparison.Ordinal);
        var locked = File.ReadAllText(Path.Combine(folder, "zonepolicy.lock.json"));
        Assert.Contains("\"acme-plant\": {\n      \"type\": \"direct\",\n      \"requested\": \"[1.0.0, 1.1.0)\",\n      \"resolved\": \"1.0.0\",\n      \"source\": \"feed\"", locked, StringComparison.Ordinal);

        var (again, repeated) = package.RunZpol(folder, "check", "site.json", "--pack", "acme-plant@[1.0.0, 1.1.0)", "--trust", "acme-common", "--locked");
        Assert.True(again == 0, repeated);
        var (newer, changed) = package.RunZpol(folder, "check", "site.json", "--pack", "acme-plant@1.1.0", "--trust", "acme-common", "--locked");
        Assert.Equal(2, newer);
        Assert.Contains("error ZP0354: ", changed, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_conflict_is_a_located_diagnostic_of_its_own_that_names_the_feed_tried()
    {
        package.EnsureThirdPartyPacks();
        var folder = Path.Combine(package.Root, "cli-conflicts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "site.json"), Scenario.WarningOnlySite);
        var feed = $"`zonepolicy-test-feed` ({package.Feed})";

        // Packs in a local folder beside the feed's: one needs a newer acme-common than acme-plant takes, one a
        // pack nobody has, one a newer engine.
        WritePack(folder, "acme-common", "\"description\": \"the next major version\"", version: "2.0.0");
        var zones = WritePack(folder, "acme-zones", "\"dependencies\": { \"acme-common\": \"[2.0.0, 3.0.0)\" }");
        var lost = WritePack(folder, "acme-lost", "\"dependencies\": { \"acme-gone\": \"[1.0.0, )\" }");
        var future = WritePack(folder, "acme-future", "\"minEngineVersion\": \"99.0.0\"");

        var (noVersion, noVersionOutput) = package.RunZpol(folder, "check", "site.json", "--pack", "acme-plant@[2.0.0, )");
        var (unknown, unknownOutput) = package.RunZpol(folder, "check", "site.json", "--pack", "acme-plnt");
        var (twoVersions, twoVersionsOutput) = package.RunZpol(folder, "check", "site.json", "--pack", "acme-plant@1.0.0", "--pack", "acme-zones", "--pack-dir", "packs");
        var (missing, missingOutput) = package.RunZpol(folder, "check", "site.json", "--pack", "acme-lost", "--pack-dir", "packs");
        var (tooOld, tooOldOutput) = package.RunZpol(folder, "check", "site.json", "--pack", "acme-future", "--pack-dir", "packs");

        Assert.Equal([2, 2, 2, 2, 2], new[] { noVersion, unknown, twoVersions, missing, tooOld });
        Assert.Contains("error ZP0350: no version of pack `acme-plant` fits [2.0.0, ) (as asked for): available 1.0.0, 1.1.0; looked in: ", noVersionOutput, StringComparison.Ordinal);
        Assert.Contains(feed, noVersionOutput, StringComparison.Ordinal);
        Assert.Contains("error ZP0307: no rule pack named `acme-plnt` in ", unknownOutput, StringComparison.Ordinal);
        Assert.Contains(feed, unknownOutput, StringComparison.Ordinal);
        Assert.Contains(
            $"{zones}(8,21): error ZP0351: two versions of pack `acme-common` are needed: [1.0.0, 2.0.0) by `acme-plant` and [2.0.0, 3.0.0) by `acme-zones`, and no version fits both (available: 1.0.0, 2.0.0)",
            twoVersionsOutput, StringComparison.Ordinal);
        Assert.Contains($"{lost}(8,21): error ZP0352: pack `acme-lost` depends on `acme-gone` [1.0.0, ), which is not found; looked in: ", missingOutput, StringComparison.Ordinal);
        Assert.Contains(feed, missingOutput, StringComparison.Ordinal);
        Assert.Contains($"{future}(8,23): error ZP0353: pack `acme-future` 1.0.0 needs ZonePolicy 99.0.0 or newer", tooOldOutput, StringComparison.Ordinal);
    }

    /// <summary>Writes a pack with one rule into <c>packs/{name}</c>, its manifest's eighth line <paramref name="extra"/>; returns the manifest as diagnostics name it.</summary>
    private static string WritePack(string folder, string name, string extra, string version = "1.0.0")
    {
        var pack = Path.Combine(folder, "packs", name);
        Directory.CreateDirectory(pack);
        var engine = extra.Contains("minEngineVersion", StringComparison.Ordinal) ? "" : ",\n  \"minEngineVersion\": \"0.1.0\"";
        File.WriteAllText(Path.Combine(pack, "pack.json"), ThirdPartyPacks.Manifest(name, version, extra + engine));
        File.WriteAllText(Path.Combine(pack, "rules.zpol"), "rule ACME-X-01 \"x\" {\n  severity warning\n  for zone z\n  require true\n  message \"{z}\"\n}\n");
        return $"packs/{name}/pack.json";
    }
}
