using System.Text.Json;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;

namespace ZonePolicy.Packs;

/// <summary>A JSON value together with where it is in its file, for small files read with located diagnostics.</summary>
internal readonly record struct PositionedJson(JsonElement Element, int Node, JsonPositions Positions)
{
    public JsonValueKind Kind => Element.ValueKind;

    /// <summary>The value's token (or a container's opening bracket).</summary>
    public SourceLocation Location => Positions.ValueSpan(Node);

    public IEnumerable<PositionedProperty> Properties()
    {
        var node = JsonPositions.FirstChild(Node);
        var ordinal = 0;
        foreach (var property in Element.EnumerateObject())
        {
            yield return new PositionedProperty(property.Name, Positions.KeySpan(Node, ordinal), new PositionedJson(property.Value, node, Positions));
            node = Positions.NextSibling(node);
            ordinal++;
        }
    }

    public IEnumerable<PositionedJson> Items()
    {
        var node = JsonPositions.FirstChild(Node);
        foreach (var item in Element.EnumerateArray())
        {
            yield return new PositionedJson(item, node, Positions);
            node = Positions.NextSibling(node);
        }
    }
}

internal readonly record struct PositionedProperty(string Name, SourceLocation KeyLocation, PositionedJson Value);
