using ZonePolicy.Compliance;
using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Compliance;

/// <summary>A pack's clause catalogue is read strictly and tied to the pack's rules before any site is checked.</summary>
public sealed class CatalogueTests : IDisposable
{
    private const string Site = """{ "schemaVersion": "1", "zones": [ { "id": "z", "kind": "control", "securityLevel": 2 } ] }""";

    private const string Rules = """
        pack demo.pack
        let uses_cloud = any(a in assets where a.type == "cloud-service")
        let cloud_count = count(a in assets where a.type == "cloud-service")
        rule D-01 "zones state a level" {
          refs "STD 1"
          for zone z
          require has(z.securityLevel)
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_consistent_catalogue_adds_nothing_to_a_check()
    {
        var result = Check("""
            { "title": "Demo", "clauses": [
              { "id": "STD 1", "title": "Zones have levels" },
              { "id": "STD 2", "title": "Contracts", "attestation": "the provider's contract states service levels", "appliesWhen": { "constant": "uses_cloud", "otherwise": "no cloud service" } },
              { "id": "STD 3", "title": "Physical security", "notApplicable": "outside what a topology describes" }
            ] }
            """);

        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("{ \"clauses\": [ { \"id\": \"STD 1\" } ] }", 1, 16, "clause `STD 1` has no `title`")]
    [InlineData("{ \"clauses\": [ { \"id\": \"STD 1\", \"title\": \"t\", \"atestation\": \"x\" } ] }", 1, 47, "unknown key `atestation` in a clause; did you mean `attestation`?")]
    [InlineData("{ \"clauses\": [ { \"id\": \"STD 1\", \"title\": \"t\" }, { \"id\": \"STD 1\", \"title\": \"u\" } ] }", 1, 49, "clause `STD 1` is listed twice; the first is on line 1")]
    [InlineData("{ \"clauses\": [ { \"id\": \"STD 1\", \"title\": \"t\", \"securityLevel\": { \"from\": 5 } } ] }", 1, 74, "`from` must be a security level from 1 to 4")]
    [InlineData("{ \"clauses\": [ { \"id\": \"STD 1\", \"title\": \"t\", \"securityLevel\": { \"from\": 2, \"fr\": \"fr5\" } } ] }", 1, 83, "`fr` must be a foundational requirement: iac, uc, si, dc, rdf, tre or ra")]
    [InlineData("{ \"clauses\": [ { \"id\": \"STD 1\", \"title\": \"t\", \"attestation\": \"a\", \"notApplicable\": \"n\" } ] }", 1, 16, "clause `STD 1` both asks for an attestation and is not applicable; keep one of `attestation` and `notApplicable`")]
    [InlineData("{ \"clauses\": [ { \"id\": \"STD 1\", \"title\": \"line\\nbreak\" } ] }", 1, 42, "`title` must be a line of text")]
    [InlineData("[]", 1, 1, "a clause catalogue is a JSON object with `clauses`, a list of clauses")]
    [InlineData("{ \"clauses\": [ }", 1, 16, "invalid clause catalogue: invalid JSON: expected a value, found `}`")]
    public void A_mistake_in_a_catalogue_is_an_error_where_it_is(string catalogue, int line, int column, string message)
    {
        var result = Check(catalogue);

        var error = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.InvalidCatalogue);
        Assert.Equal(("demo/catalogue.json", line, column, message), (Relative(error.Location.File), error.Location.Line, error.Location.Column, error.Message));
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Refs_name_clauses_and_clauses_are_accounted_for()
    {
        var result = Check(
            """{ "clauses": [ { "id": "STD 2", "title": "Contracts" } ] }""",
            Rules.Replace("refs \"STD 1\"", "refs \"STD 2\", \"STD 9\""));

        Assert.Equal(
        [
            "ZP0341 demo/rules.zpol(5,17): `STD 9` in the `refs` of `D-01` names no clause of demo/catalogue.json; did you mean `STD 2`?",
        ], Lines(result));
        Assert.Equal(0, result.ExitCode);

        var unaccounted = Check("""{ "clauses": [ { "id": "STD 1", "title": "t" }, { "id": "STD 4", "title": "Backups" }, { "id": "STD 5", "title": "n/a", "notApplicable": "never" } ] }""",
            Rules.Replace("refs \"STD 1\"", "refs \"STD 1\", \"STD 5\""));
        Assert.Equal(
        [
            "ZP0342 demo/catalogue.json(1,49): clause `STD 4` is not accounted for: no rule of the pack names it in `refs`, and it has no `attestation` or `notApplicable`",
            "ZP0342 demo/catalogue.json(1,88): clause `STD 5` is marked not applicable but rule `D-01` names it in `refs`; remove `notApplicable` or the reference",
        ], Lines(unaccounted));
    }

    [Theory]
    [InlineData("uses_clod", "`appliesWhen` of clause `STD 1` names `uses_clod`, which is not a `let` constant of the pack's rules; did you mean `uses_cloud`?")]
    [InlineData("cloud_count", "`appliesWhen` of clause `STD 1` names `cloud_count`, a `int`; it must be a `bool` constant")]
    public void Applies_when_names_a_boolean_constant_of_the_pack(string constant, string message)
    {
        var result = Check($$"""{ "clauses": [ { "id": "STD 1", "title": "t", "appliesWhen": { "constant": "{{constant}}", "otherwise": "no" } } ] }""");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("ZP0343", message), (error.Id, error.Message));
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void A_catalogue_that_links_out_of_the_pack_is_not_read_and_one_that_is_not_a_file_is_refused()
    {
        var outside = workspace.Write("outside.json", """{ "clauses": [] }""");
        Directory.CreateDirectory(Path.Combine(workspace.Root, "demo"));
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "demo", Catalogue.FileName), outside);

        var linked = Check(catalogue: null);

        var error = Assert.Single(linked.Diagnostics);
        Assert.Equal(("ZP0320", "`demo/catalogue.json` is a symbolic link to `outside.json`, outside the pack's folder `demo`; a pack's catalogue is read only from inside it"),
            (error.Id, error.Message.Replace(workspace.Root + Path.DirectorySeparatorChar, "")));
        Assert.Equal(2, linked.ExitCode);

        File.Delete(Path.Combine(workspace.Root, "demo", Catalogue.FileName));
        Directory.CreateDirectory(Path.Combine(workspace.Root, "demo", Catalogue.FileName));
        var folder = Check(catalogue: null);

        Assert.Equal("ZP0315", Assert.Single(folder.Diagnostics).Id);
    }

    private CheckResult Check(string? catalogue, string rules = Rules)
    {
        if (catalogue is not null)
        {
            workspace.Write("demo/catalogue.json", catalogue);
        }

        workspace.Write("demo/rules.zpol", rules);
        var builder = new CheckRequestBuilder { RuleSources = [Path.Combine(workspace.Root, "demo")], TopologyFiles = [workspace.Write("site.json", Site)] };
        return PolicyEngine.Check(builder.Build());
    }

    private string Relative(string file) => Path.GetRelativePath(workspace.Root, file).Replace('\\', '/');

    private string[] Lines(CheckResult result) =>
        result.Diagnostics.Select(d => $"{d.Id} {Relative(d.Location.File)}({d.Location.Line},{d.Location.Column}): {d.Message.Replace(workspace.Root + Path.DirectorySeparatorChar, "")}").ToArray();
}
