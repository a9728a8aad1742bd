using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ZonePolicy.Topology;

/// <summary>
/// One part of the topology schema compiled from the schema's own JSON, for checking a JSON token stream in
/// one pass: it answers true only when a value certainly matches. Anything it doubts (an escaped or
/// non-ASCII string it would have to count or match, a number written as <c>2.0</c> where an integer is
/// expected) goes to JsonSchema.Net, which stays the judge and the source of every error message. It knows
/// exactly the keywords the schema uses and refuses to compile any other, so the schema cannot outgrow it
/// unnoticed.
/// </summary>
internal sealed class SchemaMatcher
{
    private const int MaxRequired = 64;

    private static readonly HashSet<string> AnnotationKeywords =
        ["$schema", "$id", "$comment", "title", "description", "examples", "default", "format"];

    private readonly TypeMask types;
    private readonly bool hasAllowedValues;
    private readonly byte[][] allowedStrings = [];
    private readonly decimal[] allowedNumbers = [];
    private readonly decimal? minimum;
    private readonly decimal? maximum;
    private readonly int minLength;
    private readonly int minItems;
    private readonly int maxItems = int.MaxValue;
    private readonly SchemaPattern? pattern;
    private readonly Utf8NameTable propertyNames = Utf8NameTable.Empty;
    private readonly SchemaMatcher[] properties = [];
    private readonly ulong requiredMask;

    private SchemaMatcher(JsonElement schema, int depth)
    {
        if (depth > JsonScanner.MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("the topology schema has a part the matcher cannot compile");
        }

        types = TypeMask.Any;
        var required = new List<string>();
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
                case "pattern": pattern = new SchemaPattern(value.GetString()!); break;
                case "required": required.AddRange(value.EnumerateArray().Select(name => name.GetString()!)); break;
                case "properties":
                    var names = value.EnumerateObject().Select(property => property.Name).ToList();
                    propertyNames = new Utf8NameTable(names);
                    properties = [.. value.EnumerateObject().Select(property => new SchemaMatcher(property.Value, depth + 1))];
                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.False: IsClosed = true; break;
                case "additionalProperties": Additional = new SchemaMatcher(value, depth + 1); break;
                case "items": Items = new SchemaMatcher(value, depth + 1); break;
                case var annotation when AnnotationKeywords.Contains(annotation): break;
                default: throw new InvalidOperationException($"the topology schema uses `{keyword.Name}`, which the matcher does not know");
            }
        }

        foreach (var name in required)
        {
            var index = propertyNames.IndexOf(Encoding.UTF8.GetBytes(name));
            if (index < 0 || index >= MaxRequired)
            {
                throw new InvalidOperationException($"the topology schema requires `{name}`, which the matcher cannot track");
            }

            requiredMask |= 1UL << index;
        }
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

    /// <summary>No key but the declared ones may appear (<c>additionalProperties: false</c>).</summary>
    public bool IsClosed { get; }

    /// <summary>The schema of undeclared keys, when they are allowed and constrained.</summary>
    public SchemaMatcher? Additional { get; }

    /// <summary>The schema of an array's elements.</summary>
    public SchemaMatcher? Items { get; }

    /// <summary>The declared keys, in the schema's order; <see cref="Property"/> takes their index.</summary>
    public Utf8NameTable PropertyNames => propertyNames;

    public static SchemaMatcher Compile(JsonElement schema) => new(schema, 0);

    // Not Enum.HasFlag: code that runs before the JIT optimizes it would box the mask on every value.
    private bool Allows(TypeMask type) => (types & type) != 0;

    public SchemaMatcher Property(int index) => properties[index];

    /// <summary>True only when a parsed value certainly matches.</summary>
    public bool Accepts(JsonElement value)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(value), JsonScanner.ReaderOptions);
        return reader.Read() && Accepts(ref reader, 0);
    }

    /// <summary>The bit of a declared key in the set <see cref="HasRequired"/> takes (none past the 64th, which no required key is).</summary>
    public static ulong RequiredBit(int index) => index < MaxRequired ? 1UL << index : 0;

    /// <summary>
    /// Reads one whole value, from the token the reader is on to its last, and says whether it certainly
    /// matches. A false may come before the end of the value; the reader is then left inside it.
    /// </summary>
    public bool Accepts(ref Utf8JsonReader reader) => Accepts(ref reader, 0);

    /// <summary>Whether a value that starts with this token may match; for a scalar, whether it certainly does.</summary>
    public bool AcceptsToken(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => Allows(TypeMask.Object) && !hasAllowedValues,
        JsonTokenType.StartArray => Allows(TypeMask.Array) && !hasAllowedValues,
        JsonTokenType.String => AcceptsString(ref reader),
        JsonTokenType.Number => AcceptsNumber(ref reader),
        JsonTokenType.True or JsonTokenType.False => Allows(TypeMask.Boolean) && !hasAllowedValues,
        JsonTokenType.Null => Allows(TypeMask.Null) && !hasAllowedValues,
        _ => false,
    };

    /// <summary>Whether an object that has the keys of <paramref name="seen"/> (bits by property index) has every required one.</summary>
    public bool HasRequired(ulong seen) => (seen & requiredMask) == requiredMask;

    public bool AcceptsItemCount(int count) => count >= minItems && count <= maxItems;

    private bool Accepts(ref Utf8JsonReader reader, int depth)
    {
        if (depth > JsonScanner.MaxDepth || !AcceptsToken(ref reader))
        {
            return false;
        }

        return reader.TokenType switch
        {
            JsonTokenType.StartObject => AcceptsObject(ref reader, depth),
            JsonTokenType.StartArray => AcceptsArray(ref reader, depth),
            _ => true,
        };
    }

    private bool AcceptsObject(ref Utf8JsonReader reader, int depth)
    {
        var seen = 0UL;
        Span<byte> buffer = stackalloc byte[Utf8NameTable.MaxNameLength];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TokenIsReadable(ref reader))
            {
                return false;
            }

            var index = propertyNames.IndexOf(ref reader, buffer);
            reader.Read();
            SchemaMatcher? schema;
            if (index >= 0)
            {
                var bit = RequiredBit(index);
                if ((seen & bit) != 0)
                {
                    // A key twice: JsonSchema.Net sees one of the two values; which one is its business.
                    return false;
                }

                seen |= bit;
                schema = properties[index];
            }
            else if (IsClosed)
            {
                return false;
            }
            else
            {
                schema = Additional;
            }

            if (schema is null ? !SkipChecked(ref reader) : !schema.Accepts(ref reader, depth + 1))
            {
                return false;
            }
        }

        return HasRequired(seen);
    }

    private bool AcceptsArray(ref Utf8JsonReader reader, int depth)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Items is null ? !SkipChecked(ref reader) : !Items.Accepts(ref reader, depth + 1))
            {
                return false;
            }

            count++;
        }

        return AcceptsItemCount(count);
    }

    // A value no keyword constrains still has to be JSON the loader can read: strings that decode, numbers in range.
    private static bool SkipChecked(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return TokenIsReadable(ref reader);
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (!TokenIsReadable(ref reader))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>False for a string with an escape that does not decode or a number beyond decimal's range.</summary>
    public static bool TokenIsReadable(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String or JsonTokenType.PropertyName => !reader.ValueIsEscaped || Utf8NameTable.TryUnescape(ref reader),
        JsonTokenType.Number => reader.TryGetDecimal(out _),
        _ => true,
    };

    private bool AcceptsString(ref Utf8JsonReader reader)
    {
        if (!Allows(TypeMask.String))
        {
            return false;
        }

        if (reader.ValueIsEscaped)
        {
            // Escapes change how characters are counted and matched; only "not empty" and allowed values are
            // certain (every escape stands for at least one character). Anything else JsonSchema.Net judges.
            return Utf8NameTable.TryUnescape(ref reader)
                && (!hasAllowedValues || IsAllowed(ref reader))
                && pattern is null && minLength <= 1 && reader.ValueSpan.Length >= minLength;
        }

        var raw = reader.ValueSpan;
        if (hasAllowedValues && !IsAllowed(ref reader))
        {
            return false;
        }

        if (!Ascii.IsValid(raw))
        {
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

        return pattern.IsMatchAscii(raw);
    }

    private bool IsAllowed(ref Utf8JsonReader reader)
    {
        foreach (var option in allowedStrings)
        {
            if (reader.ValueTextEquals(option))
            {
                return true;
            }
        }

        return false;
    }

    private bool AcceptsNumber(ref Utf8JsonReader reader)
    {
        // Most numbers are integers, which parse several times faster as such than as decimals.
        var isInteger = reader.TryGetInt64(out var integer);
        decimal number = integer;
        if (!isInteger)
        {
            if (!reader.TryGetDecimal(out number))
            {
                return false;
            }

            isInteger = number == decimal.Truncate(number);
        }

        if (!Allows(TypeMask.Number) && !(Allows(TypeMask.Integer) && isInteger))
        {
            return false;
        }

        if (hasAllowedValues && Array.IndexOf(allowedNumbers, number) < 0)
        {
            return false;
        }

        return (minimum is not { } low || number >= low) && (maximum is not { } high || number <= high);
    }

    // Only string and number options are compiled; a value matching another kind of option is left to JsonSchema.Net.
    private static (bool HasAllowedValues, byte[][] Strings, decimal[] Numbers) AllowedValues(List<JsonElement> options) =>
        (true,
         [.. options.Where(option => option.ValueKind == JsonValueKind.String).Select(option => Encoding.UTF8.GetBytes(option.GetString()!))],
         [.. options.Where(option => option.ValueKind == JsonValueKind.Number).Select(option => option.GetDecimal())]);

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
