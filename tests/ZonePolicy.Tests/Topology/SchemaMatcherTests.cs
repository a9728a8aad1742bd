using System.Text.Json;
using CsCheck;
using Json.Schema;
using Xunit;
using ZonePolicy.Topology;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

public class SchemaMatcherTests
{
    private static readonly EvaluationOptions PassFail = new() { OutputFormat = OutputFormat.Flag };

    [Theory]
    [InlineData("full-site.json")]
    [InlineData("01-null-and-location.json")]
    [InlineData("02-paths.json")]
    [InlineData("03-waivers.json")]
    public void Matcher_accepts_every_part_of_a_valid_site(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DataFile(file)));

        foreach (var (part, element) in Parts(document.RootElement))
        {
            Assert.True(part.Matcher.Accepts(element), element.GetRawText());
        }
    }

    [Fact]
    public void Matcher_never_accepts_what_JsonSchema_Net_rejects()
    {
        var valid = File.ReadAllText(DataFile("full-site.json"));
        TopologyMutations.Edits.Sample(
            edits =>
            {
                using var document = JsonDocument.Parse(TopologyMutations.Apply(valid, edits));
                foreach (var (part, element) in Parts(document.RootElement))
                {
                    if (part.Matcher.Accepts(element))
                    {
                        Assert.True(part.Schema.Evaluate(element, PassFail).IsValid, element.GetRawText());
                    }
                }
            },
            iter: 300);
    }

    [Theory]
    [InlineData("""{ "id": "z", "securityLevel": 2.0 }""")]
    [InlineData("""{ "id": "z", "securityLevel": 5 }""")]
    [InlineData("""{ "id": "z", "purdueLevel": 3.50 }""")]
    [InlineData("""{ "id": "z", "purdueLevel": 2.5 }""")]
    [InlineData("""{ "id": "", "kind": "dmz" }""")]
    [InlineData("""{ "id": "\u007a", "kind": "d\u006dz" }""")]
    [InlineData("""{ "id": "z", "kind": "DMZ" }""")]
    [InlineData("""{ "id": "z", "props": { "a": 1, "b": null } }""")]
    [InlineData("""{ "id": "z", "operations": ["a", 1] }""")]
    [InlineData("""{ "id": "z", "name": "Zone \u5317" }""")]
    [InlineData("""{ "kind": "dmz" }""")]
    public void Matcher_agrees_with_JsonSchema_Net_on_edge_cases_or_defers(string zone)
    {
        using var document = JsonDocument.Parse(zone);
        var part = TopologyJsonSchema.Instance.ItemSchemaFor("zones")!;

        var valid = part.Schema.Evaluate(document.RootElement, PassFail).IsValid;

        Assert.True(valid || !part.Matcher.Accepts(document.RootElement));
    }

    private static IEnumerable<(SchemaPart Part, JsonElement Element)> Parts(JsonElement root)
    {
        var schema = TopologyJsonSchema.Instance;
        yield return (schema.Root, root);
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array && schema.ItemSchemaFor(property.Name) is { } part)
            {
                foreach (var element in property.Value.EnumerateArray())
                {
                    yield return (part, element);
                }
            }
        }
    }
}
