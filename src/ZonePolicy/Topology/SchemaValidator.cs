using System.Text.Json;
using Json.Schema;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Topology;

/// <summary>
/// Validates a parsed topology against <see cref="TopologyJsonSchema"/> with JsonSchema.Net and reports
/// each problem once as ZP0202 at the offending value. The top-level object and each element of its
/// arrays are checked apart (in parallel for large files): what <see cref="SchemaMatcher"/> does not
/// accept outright is evaluated with the fast pass/fail output, and only a failing part again with the
/// detailed list output.
/// </summary>
internal static class SchemaValidator
{
    private const int ParallelThreshold = 64;

    /// <summary>Returns true when the document matches the schema.</summary>
    public static bool Validate(JsonElement root, JsonPositions positions, List<Diagnostic> diagnostics)
    {
        var parts = SplitIntoParts(root, positions);
        var failed = new bool[parts.Count];
        ForEach(parts.Count, i => failed[i] = !parts[i].Schema.Matcher.Accepts(parts[i].Element) && !IsValid(parts[i]));
        var suspects = Enumerable.Range(0, parts.Count).Where(i => failed[i]).ToArray();

        var details = new EvaluationResults?[suspects.Length];
        var crashes = new Exception?[suspects.Length];
        ForEach(suspects.Length, s =>
        {
            try
            {
                details[s] = parts[suspects[s]].Schema.Schema.Evaluate(parts[suspects[s]].Element, new EvaluationOptions { OutputFormat = OutputFormat.List });
            }
            catch (Exception exception)
            {
                // A bug in the schema library must not take the check down; it is reported below.
                crashes[s] = exception;
            }
        });

        var valid = true;
        for (var s = 0; s < suspects.Length; s++)
        {
            var part = parts[suspects[s]];
            if (details[s] is { IsValid: true })
            {
                continue;
            }

            valid = false;
            if (details[s] is not { } results || SchemaProblems.Report(part, results, positions, diagnostics) == 0)
            {
                var reason = crashes[s] is { } crash ? $" ({crash.Message})" : string.Empty;
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.SchemaCheckFailed, positions.ValueSpan(part.Node), DisplayPointer(part.Pointer), reason));
            }
        }

        return valid;
    }

    internal static string DisplayPointer(string pointer) => pointer.Length == 0 ? "/" : pointer;

    private static bool IsValid(ValidationPart part)
    {
        try
        {
            return part.Schema.Schema.Evaluate(part.Element, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
        }
        catch (Exception)
        {
            // Evaluated again below, where the failure is reported.
            return false;
        }
    }

    private static List<ValidationPart> SplitIntoParts(JsonElement root, JsonPositions positions)
    {
        var schema = TopologyJsonSchema.Instance;
        var parts = new List<ValidationPart> { new(schema.Root, root, JsonPositions.Root, string.Empty, -1) };
        if (root.ValueKind != JsonValueKind.Object)
        {
            return parts;
        }

        var node = JsonPositions.FirstChild(JsonPositions.Root);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array && schema.ItemSchemaFor(property.Name) is { } itemSchema)
            {
                var pointer = JsonPointerText.Combine(string.Empty, property.Name);
                parts.EnsureCapacity(parts.Count + property.Value.GetArrayLength());
                var elementNode = JsonPositions.FirstChild(node);
                var index = 0;
                foreach (var element in property.Value.EnumerateArray())
                {
                    parts.Add(new ValidationPart(itemSchema, element, elementNode, pointer, index));
                    elementNode = positions.NextSibling(elementNode);
                    index++;
                }
            }

            node = positions.NextSibling(node);
        }

        return parts;
    }

    private static void ForEach(int count, Action<int> body)
    {
        if (count < ParallelThreshold)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }
        }
        else
        {
            Parallel.For(0, count, body);
        }
    }
}

/// <summary>
/// A value checked on its own against one part of the schema: the top-level object (<paramref name="Index"/>
/// -1) or the element at <paramref name="Index"/> of the array at <paramref name="Container"/>.
/// </summary>
internal readonly record struct ValidationPart(SchemaPart Schema, JsonElement Element, int Node, string Container, int Index)
{
    public string Pointer => Index < 0 ? Container : Container + "/" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
