using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ZonePolicy.Topology;

/// <summary>
/// A quick, conservative test against one part of the topology schema, compiled from the schema's own
/// JSON: it answers true only when a value certainly matches. Anything it doubts goes to JsonSchema.Net,
/// which stays the judge and the source of every error message; on a valid file of a large site this
/// saves nearly all of JsonSchema.Net's time. It knows exactly the keywords the schema uses and refuses
/// to compile any other, so the schema cannot outgrow it unnoticed.
/// </summary>
internal sealed class SchemaPrecheck
{
    private static readonly HashSet<string> AnnotationKeywords =
        ["$schema", "$id", "$comment", "title", "description", "examples", "default", "format"];

    private readonly TypeMask types;
    private readonly bool hasAllowedValues;
    private readonly string[] allowedStrings = [];
    private readonly decimal[] allowedNumbers = [];
    private readonly decimal? minimum;
    private readonly decimal? maximum;
    private readonly int minLength;
    private readonly int minItems;
    private readonly int maxItems = int.MaxValue;
    private readonly Regex? pattern;
    private readonly string[] required = [];
    private readonly Dictionary<string, SchemaPrecheck>? properties;
    private readonly Dictionary<string, SchemaPrecheck>.AlternateLookup<ReadOnlySpan<char>> propertiesBySpan;
    private readonly bool closed;
    private readonly SchemaPrecheck? additional;
    private readonly SchemaPrecheck? items;

    private SchemaPrecheck(JsonElement schema, int depth)
    {
        if (depth > JsonScanner.MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("the topology schema has a part the precheck cannot compile");
        }

        types = TypeMask.Any;
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "type": types = TypeMaskOf(value); break;
                case "enum": (hasAllowedValues, allowedStrings, allowedNumbers) = AllowedValues([.. value.EnumerateArray()]); break;
                case "const": (hasAllowedValues, allowedStrings, allowedNumbers) = AllowedValues([value]); break;
                case "minimum": minimum = value.GetDecimal(); break;
                case "maximum": maximum = value.GetDecimal(); break;
                case "minLength": minLength = value.GetInt32(); break;
                case "minItems": minItems = value.GetInt32(); break;
                case "maxItems": maxItems = value.GetInt32(); break;
                case "pattern": pattern = new Regex(value.GetString()!, RegexOptions.CultureInvariant); break;
                case "required": required = [.. value.EnumerateArray().Select(name => name.GetString()!)]; break;
                case "properties":
                    properties = new Dictionary<string, SchemaPrecheck>(StringComparer.Ordinal);
                    foreach (var property in value.EnumerateObject())
                    {
                        properties.Add(property.Name, new SchemaPrecheck(property.Value, depth + 1));
                    }

                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.False: closed = true; break;
                case "additionalProperties": additional = new SchemaPrecheck(value, depth + 1); break;
                case "items": items = new SchemaPrecheck(value, depth + 1); break;
                case var annotation when AnnotationKeywords.Contains(annotation): break;
                default: throw new InvalidOperationException($"the topology schema uses `{keyword.Name}`, which the precheck does not know");
            }
        }

        properties ??= new Dictionary<string, SchemaPrecheck>(StringComparer.Ordinal);
        propertiesBySpan = properties.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    [Flags]
    private enum TypeMask
    {
        None = 0,
        Object = 1,
        Array = 2,
        String = 4,
        Number = 8,
        Integer = 16,
        Boolean = 32,
        Null = 64,
        Any = Object | Array | String | Number | Boolean | Null,
    }

    public static SchemaPrecheck Compile(JsonElement schema) => new(schema, 0);

    /// <summary>True only when <paramref name="value"/> certainly matches.</summary>
    public bool Accepts(JsonElement value) => Accepts(value, 0);

    private bool Accepts(JsonElement value, int depth)
    {
        if (depth > JsonScanner.MaxDepth || !HasAllowedType(value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => AcceptsObject(value, depth),
            JsonValueKind.Array => AcceptsArray(value, depth),
            JsonValueKind.String => AcceptsString(value),
            JsonValueKind.Number => AcceptsNumber(value),
            _ => !hasAllowedValues,
        };
    }

    private bool HasAllowedType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => types.HasFlag(TypeMask.Object),
        JsonValueKind.Array => types.HasFlag(TypeMask.Array),
        JsonValueKind.String => types.HasFlag(TypeMask.String),
        JsonValueKind.Number => types.HasFlag(TypeMask.Number) || (types.HasFlag(TypeMask.Integer) && IsInteger(value)),
        JsonValueKind.True or JsonValueKind.False => types.HasFlag(TypeMask.Boolean),
        JsonValueKind.Null => types.HasFlag(TypeMask.Null),
        _ => false,
    };

    private bool AcceptsObject(JsonElement value, int depth)
    {
        if (hasAllowedValues)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[64];
        foreach (var property in value.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            var known = name.Length <= buffer.Length && name.IndexOf((byte)'\\') < 0 && Ascii.IsValid(name)
                ? propertiesBySpan.TryGetValue(buffer[..Encoding.ASCII.GetChars(name, buffer)], out var schema)
                : properties!.TryGetValue(property.Name, out schema);
            if (known)
            {
                if (!schema!.Accepts(property.Value, depth + 1))
                {
                    return false;
                }
            }
            else if (closed || (additional is not null && !additional.Accepts(property.Value, depth + 1)))
            {
                return false;
            }
        }

        foreach (var name in required)
        {
            if (!value.TryGetProperty(name, out _))
            {
                return false;
            }
        }

        return true;
    }

    private bool AcceptsArray(JsonElement value, int depth)
    {
        var count = value.GetArrayLength();
        if (hasAllowedValues || count < minItems || count > maxItems)
        {
            return false;
        }

        if (items is not null)
        {
            foreach (var element in value.EnumerateArray())
            {
                if (!items.Accepts(element, depth + 1))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool AcceptsString(JsonElement value)
    {
        if (hasAllowedValues && !IsAllowed(value))
        {
            return false;
        }

        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (raw.IndexOf((byte)'\\') >= 0 || !Ascii.IsValid(raw))
        {
            // Escapes and non-ASCII text change how characters are counted and matched; only "not empty" is
            // certain (every escape and character stands for at least one). Anything else JsonSchema.Net judges.
            return pattern is null && minLength <= 1 && raw.Length >= minLength;
        }

        if (raw.Length < minLength)
        {
            return false;
        }

        if (pattern is null)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[64];
        return raw.Length <= buffer.Length && pattern.IsMatch(buffer[..Encoding.ASCII.GetChars(raw, buffer)]);
    }

    private bool AcceptsNumber(JsonElement value)
    {
        if (!value.TryGetDecimal(out var number))
        {
            return false;
        }

        if (hasAllowedValues && Array.IndexOf(allowedNumbers, number) < 0)
        {
            return false;
        }

        return (minimum is not { } low || number >= low) && (maximum is not { } high || number <= high);
    }

    private bool IsAllowed(JsonElement text)
    {
        foreach (var option in allowedStrings)
        {
            if (text.ValueEquals(option))
            {
                return true;
            }
        }

        return false;
    }

    // Only string and number options are compiled; a value matching another kind of option is left to JsonSchema.Net.
    private static (bool HasAllowedValues, string[] Strings, decimal[] Numbers) AllowedValues(List<JsonElement> options) =>
        (true,
         [.. options.Where(option => option.ValueKind == JsonValueKind.String).Select(option => option.GetString()!)],
         [.. options.Where(option => option.ValueKind == JsonValueKind.Number).Select(option => option.GetDecimal())]);

    private static bool IsInteger(JsonElement value) =>
        value.TryGetDecimal(out var number) && number == decimal.Truncate(number);

    private static TypeMask TypeMaskOf(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Aggregate(TypeMask.None, (mask, single) => mask | TypeMaskOf(single))
        : type.GetString() switch
        {
            "object" => TypeMask.Object,
            "array" => TypeMask.Array,
            "string" => TypeMask.String,
            "number" => TypeMask.Number,
            "integer" => TypeMask.Integer,
            "boolean" => TypeMask.Boolean,
            "null" => TypeMask.Null,
            var other => throw new InvalidOperationException($"the topology schema names an unknown type `{other}`"),
        };
}
