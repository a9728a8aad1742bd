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
}
