using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Packs;

/// <summary>A pack's rule files importing from the packs it depends on, and the pack header agreeing with the manifest.</summary>
public sealed class PackImportTests : IDisposable
{
    private const string Helpers = """
        param wanted_kind = "control"

        let is_wanted(z) = z.kind == wanted_kind

        """;

    private const string PlantRules = """
        import "pack:acme-common/helpers.zpol"

        rule T-PLANT "wanted zones are reported" {
          severity warning
          for zone z where is_wanted(z)
          require false
          message "{z} is a {wanted_kind} zone"
        }

        """;

    private readonly TempWorkspace workspace = new();
    private readonly string site;

    public PackImportTests()
    {
        site = workspace.Write("site.json", PackFolders.Site);
        PackFolders.Write(workspace, "packs", "acme-common", "1.0.0");
        workspace.Write("packs/acme-common/helpers.zpol", Helpers);
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_pack_uses_the_helpers_and_params_of_a_dependency_whose_rules_run_once()
    {
        PackFolders.Write(workspace, "packs", "acme-plant", "1.0.0", new Dictionary<string, string> { ["acme-common"] = "1.0.0" }, PlantRules);

        var result = Check(["acme-plant"]);
        var tuned = Check(["acme-plant"], new KeyValuePair<string, string>("wanted_kind", "\"safety\""));

        Assert.Equal(["T-AcmeCommon-100: z1 seen by T-AcmeCommon-100", "T-PLANT: z1 is a control zone"], result.Diagnostics.Select(d => $"{d.Id}: {d.Message}"));
        Assert.Equal(["T-AcmeCommon-100"], tuned.Ids());
    }

    [Fact]
    public void Importing_a_whole_dependency_declares_all_its_helpers()
    {
        PackFolders.Write(workspace, "packs", "acme-plant", "1.0.0", new Dictionary<string, string> { ["acme-common"] = "1.0.0" }, PlantRules.Replace("pack:acme-common/helpers.zpol", "pack:acme-common"));

        Assert.Equal(["T-AcmeCommon-100", "T-PLANT"], Check(["acme-plant"]).Ids());
    }

    [Fact]
    public void Importing_from_a_pack_that_is_not_a_dependency_is_ZP0142_at_the_import()
    {
        var plant = PackFolders.Write(workspace, "packs", "acme-plant", "1.0.0", new Dictionary<string, string> { ["acme-zones"] = "1.0.0" }, PlantRules);
        PackFolders.Write(workspace, "packs", "acme-zones", "1.0.0");

        var result = Check(["acme-plant"]);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.ImportFromNonDependency);
        Assert.Equal((Path.Combine(plant, "rules.zpol"), 1, 8), (diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal($"`acme-common` is not a dependency of pack `acme-plant`; add it to `dependencies` in `{Path.Combine(plant, "pack.json")}` to import from it", diagnostic.Message);
    }

    [Fact]
    public void Plain_rules_cannot_import_from_a_pack()
    {
        var rules = workspace.Write("rules/main.zpol", PlantRules);

        var result = PolicyEngine.Check(new CheckRequest { TopologyFiles = [site], RuleSources = [rules] });

        Assert.Equal([DiagnosticIds.ImportFromNonDependency], result.Ids());
    }

    [Theory]
    [InlineData("pack:acme-common/../acme-plant/rules.zpol")]
    [InlineData("pack:acme-common//etc/passwd")]
    public void An_import_cannot_leave_the_dependency_folder(string path)
    {
        PackFolders.Write(workspace, "packs", "acme-plant", "1.0.0", new Dictionary<string, string> { ["acme-common"] = "1.0.0" }, PlantRules.Replace("pack:acme-common/helpers.zpol", path));

        var result = Check(["acme-plant"]);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.ImportOutsideRoot);
        Assert.Equal($"import `{path}` leaves the folder of pack `acme-common`; name a file inside it, relative to its folder", diagnostic.Message);
    }

    [Fact]
    public void The_pack_header_must_agree_with_the_manifest()
    {
        PackFolders.Write(workspace, "packs", "acme-plant", "1.0.0", rules: "pack acme.plnt version \"1.0.1\" title \"Other\"\n" + PackFolders.Rule("T-X"));
        PackFolders.Write(workspace, "packs", "acme-zones", "2.0.0", rules: "pack acme.zones version \"2.0.0\" title \"The acme-zones pack\"\n" + PackFolders.Rule("T-Y"));

        var result = Check(["acme-plant", "acme-zones"]);

        Assert.Equal(
            [
                "ZP0141 1,6: the `pack` header names `acme.plnt`, but `packs/acme-plant/pack.json` names the pack `acme-plant`: write `pack acme.plant`",
                "ZP0141 1,24: the `pack` header says version `1.0.1`, but `packs/acme-plant/pack.json` says `1.0.0`: keep one version, in the manifest, and drop it from the header or make the two agree",
                "ZP0141 1,38: the `pack` header's title differs from the `title` in `packs/acme-plant/pack.json`: make them agree, or drop the title from the header",
            ],
            result.Diagnostics.Select(d => $"{d.Id} {d.Location.Line},{d.Location.Column}: {d.Message.Replace(workspace.Root + "/", "")}"));
    }

    private CheckResult Check(IReadOnlyList<string> packs, params KeyValuePair<string, string>[] parameters) =>
        PolicyEngine.Check(new CheckRequest
        {
            TopologyFiles = [site],
            Packs = packs,
            PackDirectories = [Path.Combine(workspace.Root, "packs")],
            Parameters = parameters,
        });
}
