using System.Runtime.CompilerServices;
using System.Text.Json;
using Json.Schema;
using ZonePolicy.Workspace;

namespace ZonePolicy.Tests.Workspace;

public sealed class ProjectSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(SchemaPath()));

    [Fact]
    public void The_schema_lists_exactly_the_settings_the_reader_knows()
    {
        var properties = JsonDocument.Parse(File.ReadAllText(SchemaPath())).RootElement.GetProperty("properties");

        Assert.Equal(ProjectFileReader.Keys.Order(StringComparer.Ordinal), properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "topologies": ["a.topology.json"], "rules": ["policy"], "packs": ["p"], "parameters": { "n": 1, "d": "@2027-01-01", "l": ["a", 2, true] }, "severities": { "X-1": "none" }, "today": "2026-11-25", "baseline": "b.json", "warningsAsErrors": false }""", true)]
    [InlineData("""{ "rulez": ["policy"] }""", false)]
    [InlineData("""{ "severities": { "X-1": "loud" } }""", false)]
    [InlineData("""{ "parameters": { "n": null } }""", false)]
    [InlineData("""{ "warningsAsErrors": "yes" }""", false)]
    public void The_schema_accepts_what_the_reader_accepts(string text, bool valid)
    {
        Assert.Equal(valid, Schema.Evaluate(JsonDocument.Parse(text).RootElement).IsValid);
    }

    private static string SchemaPath([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "schema", "zonepolicy.schema.json"));
}
