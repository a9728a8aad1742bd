using System.Text;
using System.Text.Json;
using Xunit;
using ZonePolicy.Topology;

namespace ZonePolicy.Tests.Topology;

/// <summary>Keys are found by their bytes whatever order objects list them in, the guess from the key before only a shortcut.</summary>
public class Utf8NameTableTests
{
    private static readonly Utf8NameTable Names = new(["id", "zone", "name", "protocol", "port"]);

    [Theory]
    [InlineData("""{ "id": 1, "zone": 2, "name": 3 }""", new[] { 0, 1, 2 })]
    [InlineData("""{ "name": 1, "id": 2, "port": 3, "zone": 4 }""", new[] { 2, 0, 4, 1 })]
    [InlineData("""{ "id": 1, "other": 2, "zone": 3, "\u0070ort": 4, "protocol": 5 }""", new[] { 0, -1, 1, 4, 3 })]
    [InlineData("""{ "zone": 1, "zon": 2, "zonee": 3, "id": 4 }""", new[] { 1, -1, -1, 0 })]
    public void Keys_are_found_in_any_order_after_objects_that_listed_them_in_another(string json, int[] expected)
    {
        // Each object is read after the others have taught the table their orders.
        foreach (var other in new[] { """{ "id": 1, "zone": 2, "name": 3, "protocol": 4, "port": 5 }""", """{ "port": 1, "protocol": 2, "name": 3, "zone": 4, "id": 5 }""" })
        {
            KeysOf(other);
        }

        Assert.Equal(expected, KeysOf(json));
        Assert.Equal(expected, KeysOf(json));
    }

    private static int[] KeysOf(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var buffer = new byte[Utf8NameTable.MaxNameLength];
        var found = new List<int>();
        var previous = -1;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Names.IndexOf(ref reader, buffer, previous);
            found.Add(index);
            previous = index;
            reader.Read();
        }

        return [.. found];
    }
}
