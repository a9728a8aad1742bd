using System.Text.Json;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// The floor a topology loader is measured against: read the file, parse it with <see cref="JsonDocument"/>
/// and read every value once with its typed getter (a string's text, a number as decimal, a boolean). No
/// loader can do less with the standard library's reader and still look at every value.
/// </summary>
internal static class JsonFloor
{
    /// <summary>Parses and walks the file; returns a checksum of what it read, so no read can be skipped.</summary>
    public static long ParseAndWalk(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var document = JsonDocument.Parse(bytes);
        return Walk(document.RootElement);
    }

    internal static long Walk(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                long inObject = 0;
                foreach (var property in value.EnumerateObject())
                {
                    inObject += 1 + Walk(property.Value);
                }

                return inObject;
            case JsonValueKind.Array:
                long inArray = 0;
                foreach (var element in value.EnumerateArray())
                {
                    inArray += Walk(element);
                }

                return inArray;
            case JsonValueKind.String:
                return value.GetString()!.Length;
            case JsonValueKind.Number:
                return value.TryGetDecimal(out var number) ? (long)decimal.Truncate(number) & 0xFF : 0;
            case JsonValueKind.True or JsonValueKind.False:
                return value.GetBoolean() ? 1 : 0;
            default:
                return 0;
        }
    }
}
