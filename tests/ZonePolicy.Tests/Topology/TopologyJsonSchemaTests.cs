using System.Text.Json;
using Json.Schema;
using Xunit;
using ZonePolicy.Topology;
using ZonePolicy.Types;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

public class TopologyJsonSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(RepositoryFile("schema/topology.schema.json"))).RootElement;

    [Fact]
    public void Embedded_schema_is_the_shipped_file()
    {
        Assert.Equal(File.ReadAllText(RepositoryFile("schema/topology.schema.json")), TopologyJsonSchema.Instance.Text);
    }

    [Fact]
    public void Schema_is_a_valid_draft_2020_12_schema_with_an_id()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        Assert.Equal("https://zonepolicy.dev/schema/topology-1.json", Schema.GetProperty("$id").GetString());
        var result = MetaSchemas.Draft202012.Evaluate(Schema, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Entity_keys_match_the_model(EntityKind kind)
    {
        var definition = Schema.GetProperty("$defs").GetProperty(kind.Keyword());
        var stored = TopologySchema.For(kind).Attributes.Where(a => !a.IsComputed).Select(a => a.Name);

        Assert.Equal(stored.Order(StringComparer.Ordinal), PropertyNames(definition));
        Assert.False(definition.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal($"#/$defs/{kind.Keyword()}", Schema.GetProperty("properties").GetProperty(kind.CollectionName()).GetProperty("items").GetProperty("$ref").GetString());
    }

    [Theory]
    [InlineData("os")]
    [InlineData("firmware")]
    [InlineData("software")]
    [InlineData("sbom")]
    [InlineData("service")]
    [InlineData("vulnerability")]
    [InlineData("authentication")]
    [InlineData("scan")]
    [InlineData("contract")]
    [InlineData("impact")]
    [InlineData("serviceEvent")]
    [InlineData("securityLevels")]
    [InlineData("countermeasure")]
    public void Nested_object_keys_match_the_model(string record)
    {
        var shape = TopologySchema.For(EntityKind.Asset).Attributes
            .Concat(TopologySchema.For(EntityKind.Party).Attributes)
            .Concat(TopologySchema.For(EntityKind.Operation).Attributes)
            .Select(a => a.Type switch
            {
                RecordType r => r.Shape,
                ListType { Element: RecordType r } => r.Shape,
                _ => null,
            })
            .First(s => s?.Name == record)!;
        var definition = Schema.GetProperty("$defs").GetProperty(record);

        Assert.Equal(shape.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal), PropertyNames(definition));
        Assert.False(definition.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Every_definition_that_is_an_object_is_closed()
    {
        foreach (var definition in Schema.GetProperty("$defs").EnumerateObject())
        {
            if (definition.Value.TryGetProperty("properties", out _))
            {
                Assert.True(definition.Value.TryGetProperty("additionalProperties", out var closed) && closed.ValueKind == JsonValueKind.False, definition.Name);
            }
        }
    }

    public static TheoryData<EntityKind> Kinds() => new(EntityKinds.All);

    private static IEnumerable<string> PropertyNames(JsonElement definition) =>
        definition.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
}
