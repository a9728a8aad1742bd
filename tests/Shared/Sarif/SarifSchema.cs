using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit.Sdk;

namespace ZonePolicy.Tests.Shared;

/// <summary>
/// The OASIS SARIF 2.1.0 schema with its errata (<c>Schemata/sarif-schema-2.1.0.json</c> of the oasis-tcs/sarif-spec
/// repository, kept beside this file unchanged) and a check that a SARIF log the tests produced validates
/// against it, formats included (<c>uri</c>, <c>uri-reference</c>, <c>date-time</c>).
/// </summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>
    /// The published text puts <c>region</c>'s <c>anyOf</c> (a region needs a start line, a character offset or a
    /// byte offset) inside its <c>properties</c>, where a strict schema reader refuses it as a property schema;
    /// it is moved to where it belongs before the schema is built.
    /// </summary>
    private static JsonSchema Load()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sarif", "sarif-schema-2.1.0.json"));
        var schema = JsonNode.Parse(text)!.AsObject();
        var region = schema["definitions"]!["region"]!.AsObject();
        if (region["properties"]!.AsObject().Remove("anyOf", out var anyOf))
        {
            region["anyOf"] = anyOf;
        }

        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>Fails the test with every schema error when <paramref name="sarif"/> is not a valid SARIF 2.1.0 log.</summary>
    public static void AssertValid(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (results.IsValid)
        {
            return;
        }

        var errors = (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"));
        throw new XunitException("the SARIF log does not validate against the SARIF 2.1.0 schema:\n" + string.Join('\n', errors) + "\n\n" + sarif);
    }
}
