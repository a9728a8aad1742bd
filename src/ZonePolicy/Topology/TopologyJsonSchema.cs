using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ZonePolicy.Topology;

/// <summary>
/// The topology's JSON Schema (schema/topology.schema.json, embedded), built once. Validation runs it
/// in parts: the top-level object on its own (<see cref="Root"/>), then every element of a top-level
/// array against its item schema (<see cref="ItemSchemaFor"/>), so elements can be checked in parallel
/// and only a failing element is evaluated again for its error details. Each part is the schema with
/// its <c>$ref</c>s written out in place, which JsonSchema.Net evaluates several times faster.
/// </summary>
internal sealed class TopologyJsonSchema
{
    public const string ResourceName = "ZonePolicy.Topology.topology.schema.json";

    private static readonly Lazy<TopologyJsonSchema> Shared = new(Load);

    private readonly Dictionary<string, SchemaPart> items;

    private TopologyJsonSchema(string text, SchemaPart root, Dictionary<string, SchemaPart> items)
    {
        Text = text;
        Root = root;
        this.items = items;
    }

    public static TopologyJsonSchema Instance => Shared.Value;

    /// <summary>The schema file as shipped.</summary>
    public string Text { get; }

    /// <summary>The top-level object with its arrays' items left unchecked.</summary>
    public SchemaPart Root { get; }

    /// <summary>The schema of the elements of a top-level array (<c>zones</c>, <c>waivers</c>, ...).</summary>
    public SchemaPart? ItemSchemaFor(string collection) => items.GetValueOrDefault(collection);

    private static TopologyJsonSchema Load()
    {
        using var stream = typeof(TopologyJsonSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource `{ResourceName}` is missing");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        var document = JsonNode.Parse(text)!.AsObject();
        var definitions = document["$defs"]?.AsObject() ?? [];
        var root = document.DeepClone().AsObject();
        root.Remove("$defs");
        root.Remove("$id");

        var items = new Dictionary<string, SchemaPart>(StringComparer.Ordinal);
        if (root["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject array && array["items"] is JsonNode itemSchema)
                {
                    items.Add(name, SchemaPart.Create(Inline(itemSchema, definitions, 0)));
                    array.Remove("items");
                }
            }
        }

        return new TopologyJsonSchema(text, SchemaPart.Create(Inline(root, definitions, 0)), items);
    }

    // The schema has no recursive definitions; the depth limit only guards against a mistake in it.
    private static JsonNode Inline(JsonNode node, JsonObject definitions, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException("the topology schema's `$ref`s nest too deeply");
        }

        switch (node)
        {
            case JsonObject schema when schema["$ref"]?.GetValue<string>() is { } reference:
                const string prefix = "#/$defs/";
                if (!reference.StartsWith(prefix, StringComparison.Ordinal) || definitions[reference[prefix.Length..]] is not JsonObject target)
                {
                    throw new InvalidOperationException($"the topology schema's `$ref` `{reference}` is not a definition");
                }

                var inlined = Inline(target, definitions, depth + 1).AsObject();
                foreach (var (key, value) in schema)
                {
                    if (key != "$ref")
                    {
                        inlined[key] = value?.DeepClone();
                    }
                }

                return inlined;
            case JsonObject schema:
                var copy = new JsonObject();
                foreach (var (key, value) in schema)
                {
                    copy[key] = value is null ? null : Inline(value, definitions, depth + 1);
                }

                return copy;
            case JsonArray array:
                var elements = new JsonArray();
                foreach (var element in array)
                {
                    elements.Add(element is null ? null : Inline(element, definitions, depth + 1));
                }

                return elements;
            default:
                return node.DeepClone();
        }
    }
}

/// <summary>One evaluable part of the topology schema, with its JSON to look keywords up in for messages.</summary>
internal sealed class SchemaPart
{
    private static readonly string[] AnnotationKeywords = ["$schema", "title", "description", "examples", "default", "format", "$comment"];

    private readonly Lazy<JsonSchema> schema;

    private SchemaPart(JsonNode node, JsonElement json)
    {
        schema = new Lazy<JsonSchema>(() => Build(node));
        Json = json;
        Matcher = SchemaMatcher.Compile(json);
    }

    /// <summary>
    /// The part for JsonSchema.Net, built the first time a file needs it: a valid file is checked by
    /// <see cref="Matcher"/> alone and never pays for building it.
    /// </summary>
    public JsonSchema Schema => schema.Value;

    /// <summary>Accepts what certainly matches, so JsonSchema.Net only evaluates the rest.</summary>
    public SchemaMatcher Matcher { get; }

    public JsonElement Json { get; }

    public static SchemaPart Create(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return new SchemaPart(node, document.RootElement.Clone());
    }

    private static JsonSchema Build(JsonNode node)
    {
        var evaluated = node.DeepClone();
        RemoveAnnotations(evaluated);
        return JsonSchema.FromText(evaluated.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    // Annotations do not change what is valid but JsonSchema.Net collects them for every value, which
    // more than doubles the time of a large file. `format` goes too: the pattern checks a date's form
    // and the loader its calendar date. Messages still read the full schema (Json).
    private static void RemoveAnnotations(JsonNode node)
    {
        switch (node)
        {
            case JsonObject schema:
                foreach (var keyword in AnnotationKeywords)
                {
                    if (schema[keyword] is not JsonObject)
                    {
                        schema.Remove(keyword);
                    }
                }

                foreach (var (_, value) in schema)
                {
                    if (value is not null)
                    {
                        RemoveAnnotations(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    if (element is not null)
                    {
                        RemoveAnnotations(element);
                    }
                }

                break;
        }
    }
}
