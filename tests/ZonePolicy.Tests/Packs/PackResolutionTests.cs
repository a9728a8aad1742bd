using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Packs;

/// <summary>Packs looked up by name and version in folders of packs, with their dependencies.</summary>
public sealed class PackResolutionTests : IDisposable
{
    private readonly TempWorkspace workspace = new();
    private readonly string site;

    public PackResolutionTests() => site = workspace.Write("site.json", PackFolders.Site);

    public void Dispose() => workspace.Dispose();

    private string Packs => Path.Combine(workspace.Root, "packs");

    [Theory]
    [InlineData("acme", "1.2.0")]
    [InlineData("acme@1.0.0", "1.0.0")]
    [InlineData("acme@1.1.0", "1.2.0")]
    [InlineData("acme@[1.0.0, 2.0.0)", "1.0.0")]
    [InlineData("acme@1.*", "1.2.0")]
    [InlineData("acme@[1.0.0]", "1.0.0")]
    public void A_version_range_picks_the_lowest_fitting_version_and_a_floating_one_the_newest(string requested, string chosen)
    {
        PackFolders.Write(workspace, "packs-a", "acme", "1.0.0");
        PackFolders.Write(workspace, "packs-b", "acme", "1.2.0");
        PackFolders.Write(workspace, "packs-c", "acme", "2.0.0-beta");

        var result = Check([requested], directories: ["packs-a", "packs-b", "packs-c"]);

        Assert.Equal([PackFolders.RuleId("acme", chosen)], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_dependency_comes_in_transitively_and_runs_its_rules_once()
    {
        PackFolders.Write(workspace, "packs", "acme-plant", "1.0.0", new Dictionary<string, string> { ["acme-common"] = "1.0.0", ["acme-zones"] = "[1.0.0, 2.0.0)" });
        PackFolders.Write(workspace, "packs", "acme-zones", "1.1.0", new Dictionary<string, string> { ["acme-common"] = "1.0.0" });
        PackFolders.Write(workspace, "packs", "acme-common", "1.3.0");

        var result = Check(["acme-plant"]);

        Assert.Equal(
            [PackFolders.RuleId("acme-common", "1.3.0"), PackFolders.RuleId("acme-plant", "1.0.0"), PackFolders.RuleId("acme-zones", "1.1.0")],
            result.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_pack_lists_where_it_was_looked_for_and_suggests_a_close_name()
    {
        PackFolders.Write(workspace, "packs", "acme-plant", "1.0.0");

        var diagnostic = Single(Check(["acme-plnat"]), DiagnosticIds.UnknownPack);

        Assert.Equal(LocationKind.CommandLine, diagnostic.Location.Kind);
        Assert.Equal($"no rule pack named `acme-plnat` in pack folder `{Packs}`; did you mean `acme-plant`?", diagnostic.Message);
    }

    [Fact]
    public void A_range_that_no_version_fits_is_ZP0350_with_the_versions_available()
    {
        PackFolders.Write(workspace, "packs", "acme", "1.0.0");

        var diagnostic = Single(Check(["acme@[2.0.0, 3.0.0)"]), DiagnosticIds.PackVersionNotFound);

        Assert.Equal($"no version of pack `acme` fits [2.0.0, 3.0.0) (as asked for): available 1.0.0; looked in: pack folder `{Packs}`", diagnostic.Message);
    }

    [Fact]
    public void Two_packs_that_need_versions_no_single_one_meets_are_ZP0351_at_both_dependencies()
    {
        PackFolders.Write(workspace, "packs-1", "acme-common", "1.0.0");
        PackFolders.Write(workspace, "packs-2", "acme-common", "2.0.0");
        var plant = PackFolders.Write(workspace, "packs-1", "acme-plant", "1.0.0", new Dictionary<string, string> { ["acme-common"] = "[1.0.0, 2.0.0)" });
        var zones = PackFolders.Write(workspace, "packs-1", "acme-zones", "1.0.0", new Dictionary<string, string> { ["acme-common"] = "[2.0.0, 3.0.0)" });

        var result = Check(["acme-plant", "acme-zones"], directories: ["packs-1", "packs-2"]);

        var conflicts = result.Diagnostics.Where(d => d.Id == DiagnosticIds.PackVersionConflict).ToList();
        Assert.Equal(2, conflicts.Count);
        Assert.Equal([Path.Combine(plant, "pack.json"), Path.Combine(zones, "pack.json")], conflicts.Select(c => c.Location.File).Order());
        Assert.All(conflicts, c => Assert.Equal((9, 20), (c.Location.Line, c.Location.Column)));
        Assert.All(conflicts, c => Assert.Equal("two versions of pack `acme-common` are needed: [1.0.0, 2.0.0) by `acme-plant` and [2.0.0, 3.0.0) by `acme-zones`, and no version fits both (available: 1.0.0, 2.0.0)", c.Message));
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void A_pack_given_as_a_folder_and_another_version_asked_by_name_conflict()
    {
        var folder = PackFolders.Write(workspace, "mine", "acme", "1.0.0");
        PackFolders.Write(workspace, "packs", "acme", "2.0.0");

        var result = Check(["acme@2.0.0"], rules: [folder]);

        var diagnostic = Single(result, DiagnosticIds.PackVersionConflict);
        Assert.Equal($"two versions of pack `acme` are needed: [2.0.0, ) as asked for, but version 1.0.0 is given as a rules folder (`{folder}`)", diagnostic.Message);
    }

    [Fact]
    public void A_missing_dependency_is_ZP0352_at_its_entry_in_the_manifest()
    {
        var plant = PackFolders.Write(workspace, "packs", "acme-plant", "1.0.0", new Dictionary<string, string> { ["acme-gone"] = "1.0.0" });

        var diagnostic = Single(Check(["acme-plant"]), DiagnosticIds.MissingPackDependency);

        Assert.Equal((Path.Combine(plant, "pack.json"), 9, 20), (diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal($"pack `acme-plant` depends on `acme-gone` [1.0.0, ), which is not found; looked in: pack folder `{Packs}`", diagnostic.Message);
    }

    [Fact]
    public void A_pack_that_needs_a_newer_engine_is_ZP0353_at_its_minimum_version()
    {
        var folder = PackFolders.Write(workspace, "packs", "acme", "1.0.0");
        File.WriteAllText(Path.Combine(folder, "pack.json"), File.ReadAllText(Path.Combine(folder, "pack.json")).Replace("\"0.1.0\"", "\"99.0.0\""));

        var diagnostic = Single(Check(["acme"]), DiagnosticIds.EngineTooOld);

        Assert.Equal((8, 23), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.StartsWith("pack `acme` 1.0.0 needs ZonePolicy 99.0.0 or newer, and this is 0.1.0", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependency_cycle_is_ZP0358()
    {
        PackFolders.Write(workspace, "packs", "acme-a", "1.0.0", new Dictionary<string, string> { ["acme-b"] = "1.0.0" });
        PackFolders.Write(workspace, "packs", "acme-b", "1.0.0", new Dictionary<string, string> { ["acme-a"] = "1.0.0" });

        var diagnostic = Single(Check(["acme-a"]), DiagnosticIds.PackDependencyCycle);

        Assert.Equal("pack dependency cycle: `acme-a` -> `acme-b` -> `acme-a`; a pack cannot depend on itself, directly or through others", diagnostic.Message);
    }

    [Fact]
    public void A_folder_of_rules_without_a_manifest_is_still_a_pack_by_name_but_has_no_version()
    {
        workspace.Write("packs/legacy/rules.zpol", PackFolders.Rule("T-LEGACY"));

        Assert.Equal(["T-LEGACY"], Check(["legacy"]).Ids());
        Assert.Equal([DiagnosticIds.PackVersionNotFound], Check(["legacy@1.0.0"]).Ids());
    }

    [Fact]
    public void An_invalid_request_is_reported_on_the_command_line()
    {
        var result = Check(["acme@[1.0"]);

        var diagnostic = Single(result, DiagnosticIds.InvalidArgument);
        Assert.StartsWith("`[1.0` in `acme@[1.0` is not a version range", diagnostic.Message, StringComparison.Ordinal);
    }

    private CheckResult Check(IReadOnlyList<string> packs, IReadOnlyList<string>? directories = null, IReadOnlyList<string>? rules = null) =>
        PolicyEngine.Check(new CheckRequest
        {
            TopologyFiles = [site],
            Packs = packs,
            RuleSources = rules ?? [],
            PackDirectories = [.. (directories ?? ["packs"]).Select(d => Path.Combine(workspace.Root, d))],
            Today = new DateOnly(2026, 11, 25),
        });

    private static Diagnostic Single(CheckResult result, string id)
    {
        Assert.True(result.Diagnostics.All(d => d.Id == id), string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Diagnostics);
    }
}
