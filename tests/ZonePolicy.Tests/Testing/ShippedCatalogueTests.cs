using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using ZonePolicy.Compliance;

namespace ZonePolicy.Tests.Testing;

/// <summary>
/// The shipped packs' clause catalogues are whole: every rule's <c>refs</c> name clauses of the catalogue, every
/// clause is checked by a rule, asks for an attestation or says why it does not apply, and the files follow the
/// published schema. The engine says the same (ZP0340 to ZP0343) when the packs load; these tests read the files
/// themselves so that a hole shows even if the engine's check were lost.
/// </summary>
public sealed partial class ShippedCatalogueTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Topology.TopologyTestSupport.RepositoryFile("schema/catalogue.schema.json")));

    [Theory]
    [MemberData(nameof(ShippedPackLayoutTests.PackNames), MemberType = typeof(ShippedPackLayoutTests))]
    public void The_catalogue_follows_the_schema(string pack)
    {
        using var catalogue = JsonDocument.Parse(File.ReadAllText(CatalogueFile(pack)));

        var result = Schema.Evaluate(catalogue.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Theory]
    [MemberData(nameof(ShippedPackLayoutTests.PackNames), MemberType = typeof(ShippedPackLayoutTests))]
    public void Every_ref_names_a_clause_and_every_clause_is_accounted_for(string pack)
    {
        var clauses = Clauses(pack);
        var refs = Refs(pack);

        Assert.Empty(refs.Where(r => !clauses.ContainsKey(r.Clause)).Select(r => $"{r.Rule}: `{r.Clause}` is no clause of the catalogue"));
        var cited = refs.Select(r => r.Clause).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(clauses.Where(c => !cited.Contains(c.Key) && !c.Value.Has("attestation") && !c.Value.Has("notApplicable")).Select(c => c.Key));
        Assert.Empty(clauses.Where(c => cited.Contains(c.Key) && c.Value.Has("notApplicable")).Select(c => c.Key));
        Assert.All(Rules(pack), rule => Assert.Contains(refs, r => r.Rule == rule));
    }

    [Theory]
    [MemberData(nameof(ShippedPackLayoutTests.PackNames), MemberType = typeof(ShippedPackLayoutTests))]
    public void The_engine_loads_the_catalogue_without_a_diagnostic_and_accounts_for_every_clause(string pack)
    {
        var folder = ShippedPackLayoutTests.PackFolder(pack);
        var result = PolicyEngine.Check(new CheckRequest
        {
            TopologyFiles = [Path.Combine(folder, "tests", "clean.json")],
            RuleSources = [folder],
            TrustedPacks = [pack],
            Today = new DateOnly(2026, 6, 1),
            Compliance = true,
        });

        Assert.Empty(result.Diagnostics.Where(d => string.CompareOrdinal(d.Id, "ZP0340") >= 0 && string.CompareOrdinal(d.Id, "ZP0343") <= 0).Select(d => d.ToString()));
        var matrix = Assert.Single(Assert.Single(result.Compliance).Packs);
        Assert.Equal(Clauses(pack).Keys, matrix.Clauses.Select(c => c.Id));
        Assert.DoesNotContain(matrix.Clauses, c => c.Status == ClauseStatus.Failed);
    }

    private static Dictionary<string, JsonElement> Clauses(string pack)
    {
        using var catalogue = JsonDocument.Parse(File.ReadAllText(CatalogueFile(pack)));
        return catalogue.RootElement.GetProperty("clauses").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.Clone(), StringComparer.Ordinal);
    }

    private static List<(string Rule, string Clause)> Refs(string pack) =>
        [.. RulePattern().Matches(RuleText(pack)).SelectMany(rule => QuotedPattern().Matches(rule.Groups["refs"].Value)
            .Select(clause => (rule.Groups["id"].Value, clause.Groups[1].Value)))];

    private static IEnumerable<string> Rules(string pack) =>
        RuleIdPattern().Matches(RuleText(pack)).Select(m => m.Groups[1].Value);

    private static string RuleText(string pack) =>
        File.ReadAllText(Path.Combine(ShippedPackLayoutTests.PackFolder(pack), pack + ".zpol"));

    private static string CatalogueFile(string pack) => Path.Combine(ShippedPackLayoutTests.PackFolder(pack), "catalogue.json");

    [GeneratedRegex("(?ms)^rule (?<id>\\S+) \"[^\"]*\" \\{(?:(?!^\\}).)*?^\\s*refs (?<refs>[^\\n]+(?:\\n\\s+\"[^\\n]*)*)$")]
    private static partial Regex RulePattern();

    [GeneratedRegex("(?m)^rule (\\S+) ")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedPattern();
}

file static class JsonElementExtensions
{
    public static bool Has(this JsonElement element, string key) => element.TryGetProperty(key, out _);
}
