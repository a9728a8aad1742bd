using System.Text.Json;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Topology;

/// <summary>
/// Where every JSON value of a file starts, in document order: node 0 is the root, a container's
/// children follow it, and each node knows the size of its subtree, so a walk over a
/// <see cref="JsonElement"/> can step through the nodes alongside it. Property names are not nodes:
/// their positions are read again from the text when a diagnostic needs one.
/// </summary>
internal sealed class JsonPositions
{
    public const int Root = 0;

    private readonly SourceText text;

    // Two ints per node: start offset, subtree size (1 for a scalar).
    private int[] nodes;
    private int count;

    public JsonPositions(SourceText text)
    {
        this.text = text;
        nodes = new int[Math.Max(16, text.Length / 8)];
    }

    public SourceText Text => text;

    public int Start(int node) => nodes[2 * node];

    public int Size(int node) => nodes[(2 * node) + 1];

    public static int FirstChild(int node) => node + 1;

    public int NextSibling(int node) => node + Size(node);

    /// <summary>The <paramref name="index"/>-th child of a container node.</summary>
    public int Child(int node, int index)
    {
        var child = FirstChild(node);
        for (var i = 0; i < index; i++)
        {
            child = NextSibling(child);
        }

        return child;
    }

    /// <summary>Where an object or array starts, as a point.</summary>
    public SourceLocation StartOf(int node) => text.Point(Start(node));

    /// <summary>The span of a scalar value's token, or the opening bracket of a container.</summary>
    public SourceLocation ValueSpan(int node)
    {
        var start = Start(node);
        return text.Span(start, TokenEnd(start));
    }

    /// <summary>The span of the name of the <paramref name="ordinal"/>-th property of an object node.</summary>
    public SourceLocation KeySpan(int objectNode, int ordinal)
    {
        var origin = Start(objectNode);
        var reader = new Utf8JsonReader(text.Bytes.Span[origin..], JsonScanner.ReaderOptions);
        try
        {
            reader.Read();
            for (var i = 0; reader.Read() && reader.TokenType == JsonTokenType.PropertyName; i++)
            {
                if (i == ordinal)
                {
                    var start = origin + (int)reader.TokenStartIndex;
                    return text.Span(start, start + reader.ValueSpan.Length + 2);
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // The text was scanned without errors before; fall back to the object's start.
        }

        return ValueSpan(objectNode);
    }

    internal int Add(int start)
    {
        if ((2 * count) + 2 > nodes.Length)
        {
            Array.Resize(ref nodes, checked(nodes.Length + (nodes.Length / 2) + 2));
        }

        nodes[2 * count] = start;
        nodes[(2 * count) + 1] = 1;
        return count++;
    }

    internal void Close(int node) => nodes[(2 * node) + 1] = count - node;

    private int TokenEnd(int start)
    {
        var reader = new Utf8JsonReader(text.Bytes.Span[start..], JsonScanner.ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return start;
            }

            return reader.TokenType switch
            {
                JsonTokenType.StartObject or JsonTokenType.StartArray => start + 1,
                JsonTokenType.String => start + reader.ValueSpan.Length + 2,
                _ => start + reader.ValueSpan.Length,
            };
        }
        catch (JsonException)
        {
            return start + 1;
        }
    }
}
