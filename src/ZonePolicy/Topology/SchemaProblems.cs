using System.Globalization;
using System.Text.Json;
using Json.Schema;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Topology;

/// <summary>
/// Turns JsonSchema.Net's list output for one validation part into ZP0202 diagnostics: one per problem,
/// located at the offending value (an unknown key at the key), worded from the schema's own keywords.
/// </summary>
internal static class SchemaProblems
{
    /// <summary>Adds the part's problems to <paramref name="diagnostics"/> and returns how many there were.</summary>
    public static int Report(ValidationPart part, EvaluationResults results, JsonPositions positions, List<Diagnostic> diagnostics)
    {
        var reported = new HashSet<(int Line, int Column, string Message)>();
        foreach (var group in Collect(results).GroupBy(problem => problem.Instance, StringComparer.Ordinal))
        {
            // A value of the wrong type fails its other keywords too; its type is the one problem to fix.
            var problems = group.Any(problem => problem.Keyword == "type")
                ? group.Where(problem => problem.Keyword == "type")
                : group;
            foreach (var problem in problems)
            {
                var diagnostic = Describe(part, problem, positions);
                if (reported.Add((diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message)))
                {
                    diagnostics.Add(diagnostic);
                }
            }
        }

        return reported.Count;
    }

    private static List<Problem> Collect(EvaluationResults results)
    {
        var problems = new List<Problem>();
        Add(results);
        foreach (var detail in results.Details ?? [])
        {
            Add(detail);
        }

        return problems;

        void Add(EvaluationResults node)
        {
            if (node.Errors is null)
            {
                return;
            }

            foreach (var (keyword, message) in node.Errors)
            {
                problems.Add(new Problem(node.InstanceLocation.ToString(), keyword, message));
            }
        }
    }

    private static Diagnostic Describe(ValidationPart part, Problem problem, JsonPositions positions)
    {
        var segments = JsonPointerText.Segments(problem.Instance);
        var pointer = JsonPointerText.Join(part.Pointer, segments, segments.Count);
        var located = Locate(part, segments, positions);
        var schema = SchemaAt(part.Schema.Json, segments, segments.Count);
        if (located is not { } at)
        {
            return Create(positions.ValueSpan(part.Node), pointer, Fallback(problem.Message));
        }

        if (IsUnknownKey(part.Schema.Json, segments) && at.Parent >= 0)
        {
            var parentPointer = JsonPointerText.Join(part.Pointer, segments, segments.Count - 1);
            var parentSchema = SchemaAt(part.Schema.Json, segments, segments.Count - 1);
            return Create(positions.KeySpan(at.Parent, at.Ordinal), parentPointer, UnknownKey(segments[^1], parentSchema));
        }

        var message = problem.Keyword switch
        {
            "type" => $"expected {ExpectedTypes(schema)}, found {Describe(at.Element)}",
            "enum" => NotOneOf(at.Element, schema),
            "const" => $"expected {Show(Keyword(schema, "const"))}, found {Show(at.Element)}",
            "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" => OutOfRange(at.Element, schema),
            "minLength" => "must not be empty",
            "minItems" or "maxItems" => WrongItemCount(at.Element, schema),
            "pattern" => WrongPattern(at.Element, schema),
            "required" => MissingKeys(at.Element, schema),
            _ => Fallback(problem.Message),
        };
        return Create(positions.ValueSpan(at.Node), pointer, message);
    }

    private static Diagnostic Create(SourceLocation location, string pointer, string message) =>
        pointer.Length == 0
            ? Diagnostic.Create(DiagnosticDescriptors.RootSchemaViolation, location, message)
            : Diagnostic.Create(DiagnosticDescriptors.SchemaViolation, location, MessageText.OneLine(pointer), message);

    private static Located? Locate(ValidationPart part, List<string> segments, JsonPositions positions)
    {
        var element = part.Element;
        var node = part.Node;
        var parent = -1;
        var ordinal = 0;
        foreach (var segment in segments)
        {
            parent = node;
            if (element.ValueKind == JsonValueKind.Object)
            {
                var found = false;
                var child = JsonPositions.FirstChild(node);
                ordinal = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals(segment))
                    {
                        (element, node, found) = (property.Value, child, true);
                        break;
                    }

                    child = positions.NextSibling(child);
                    ordinal++;
                }

                if (!found)
                {
                    return null;
                }
            }
            else if (element.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < element.GetArrayLength())
            {
                (element, node, ordinal) = (element[index], positions.Child(node, index), index);
            }
            else
            {
                return null;
            }
        }

        return new Located(element, node, parent, ordinal);
    }

    // The schema has no combinators, so the subschema of an instance location follows from the
    // instance path alone (JsonSchema.Net's own schema locations are not reliable for this).
    private static JsonElement? SchemaAt(JsonElement root, List<string> segments, int count)
    {
        JsonElement? current = root;
        for (var i = 0; i < count && current is { } schema; i++)
        {
            current = ChildSchema(schema, segments[i]);
        }

        return current;
    }

    private static JsonElement? ChildSchema(JsonElement schema, string segment)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(segment, out var property))
        {
            return property;
        }

        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            return additional;
        }

        return schema.TryGetProperty("items", out var items) ? items : null;
    }

    private static bool IsUnknownKey(JsonElement root, List<string> segments)
    {
        if (segments.Count == 0 || SchemaAt(root, segments, segments.Count - 1) is not { ValueKind: JsonValueKind.Object } parent)
        {
            return false;
        }

        var known = parent.TryGetProperty("properties", out var properties) && properties.TryGetProperty(segments[^1], out _);
        return !known && parent.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
    }

    private static string UnknownKey(string key, JsonElement? parentSchema)
    {
        var allowed = PropertyNames(parentSchema);
        var message = $"unknown key `{MessageText.Show(key)}`";
        if (NameSuggestions.Closest(key, allowed) is { } suggestion)
        {
            return message + NameSuggestions.DidYouMean(suggestion);
        }

        return allowed.Contains("props")
            ? $"{message}; put custom attributes in `props`"
            : $"{message}; expected one of {List(allowed)}";
    }

    private static List<string> PropertyNames(JsonElement? schema)
    {
        var names = new List<string>();
        if (schema is { ValueKind: JsonValueKind.Object } found && found.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                names.Add(property.Name);
            }
        }

        return names;
    }

    private static string NotOneOf(JsonElement value, JsonElement? schema)
    {
        var allowed = Keyword(schema, "enum") is { ValueKind: JsonValueKind.Array } values
            ? values.EnumerateArray().Select(Raw).ToList()
            : [];
        var message = $"{Show(value)} is not one of {List(allowed)}";
        return value.ValueKind == JsonValueKind.String
            ? message + NameSuggestions.DidYouMean(value.GetString()!, allowed)
            : message;
    }

    private static string OutOfRange(JsonElement value, JsonElement? schema)
    {
        var minimum = Keyword(schema, "minimum");
        var maximum = Keyword(schema, "maximum");
        var range = (minimum, maximum) switch
        {
            ({ } low, { } high) => $"from {Raw(low)} to {Raw(high)}",
            ({ } low, null) => $"at least {Raw(low)}",
            (null, { } high) => $"at most {Raw(high)}",
            _ => "within range",
        };
        return $"{Show(value)} is out of range; it must be {range}";
    }

    private static string WrongItemCount(JsonElement value, JsonElement? schema)
    {
        var minimum = Keyword(schema, "minItems")?.GetRawText();
        var maximum = Keyword(schema, "maxItems")?.GetRawText();
        var count = value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 0;
        var expected = (minimum, maximum) switch
        {
            ({ } low, { } high) when low == high => $"exactly {low}",
            ({ } low, { } high) => $"{low} to {high}",
            ({ } low, null) => $"at least {low}",
            (null, { } high) => $"at most {high}",
            _ => "a different number of",
        };
        return $"expected {expected} {(expected == "exactly 1" || expected == "at least 1" ? "item" : "items")}, found {count}";
    }

    private static string WrongPattern(JsonElement value, JsonElement? schema)
    {
        if (Keyword(schema, "format") is { ValueKind: JsonValueKind.String } format && format.ValueEquals("date"))
        {
            return $"{Show(value)} is not a date; write dates as `yyyy-MM-dd`, e.g. `2027-03-31`";
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Any(DisplayText.IsUnsafe))
        {
            return $"{Show(value)} holds a control, line-break or bidirectional formatting character, which no id or reference may contain";
        }

        return $"{Show(value)} does not match the pattern `{Keyword(schema, "pattern")?.GetString()}`";
    }

    private static string MissingKeys(JsonElement value, JsonElement? schema)
    {
        var missing = new List<string>();
        if (Keyword(schema, "required") is { ValueKind: JsonValueKind.Array } required && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var key in required.EnumerateArray())
            {
                if (key.GetString() is { } name && !value.TryGetProperty(name, out _))
                {
                    missing.Add(name);
                }
            }
        }

        return missing.Count == 1
            ? $"missing required key `{missing[0]}`"
            : $"missing required keys {List(missing)}";
    }

    private static string ExpectedTypes(JsonElement? schema)
    {
        var types = Keyword(schema, "type") switch
        {
            { ValueKind: JsonValueKind.String } single => [single.GetString()!],
            { ValueKind: JsonValueKind.Array } several => several.EnumerateArray().Select(type => type.GetString() ?? string.Empty).ToList(),
            _ => new List<string>(),
        };
        var names = types.Select(type => type switch
        {
            "string" => "a string",
            "integer" => "an integer",
            "number" => "a number",
            "boolean" => types.Count == 1 ? "`true` or `false`" : "a boolean",
            "object" => "an object",
            "array" => "an array",
            "null" => "`null`",
            _ => type,
        }).ToList();
        return names.Count switch
        {
            0 => "another type",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
        };
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => value.ValueEquals(string.Empty) ? "an empty string" : $"the string {Show(value)}",
        JsonValueKind.Number => $"the number {Show(value)}",
        _ => Show(value),
    };

    private static string Show(JsonElement? value) => value switch
    {
        null => "nothing",
        { ValueKind: JsonValueKind.String } empty when empty.ValueEquals(string.Empty) => "an empty string",
        { } found => $"`{Raw(found)}`",
    };

    private static string Raw(JsonElement value) => MessageText.Show(value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Object => "{...}",
        JsonValueKind.Array => "[...]",
        _ => value.GetRawText(),
    });

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"`{name}`"));

    private static JsonElement? Keyword(JsonElement? schema, string keyword) =>
        schema is { ValueKind: JsonValueKind.Object } found && found.TryGetProperty(keyword, out var value) ? value : null;

    private static string Fallback(string libraryMessage)
    {
        var text = libraryMessage.Trim().TrimEnd('.');
        return text.Length == 0 ? "does not match the schema" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    private readonly record struct Problem(string Instance, string Keyword, string Message);

    private readonly record struct Located(JsonElement Element, int Node, int Parent, int Ordinal);
}
