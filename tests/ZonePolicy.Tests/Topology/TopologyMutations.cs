using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace ZonePolicy.Tests.Topology;

/// <summary>Random edits of a topology that keep it valid JSON: replaced, removed and added values and keys.</summary>
internal static class TopologyMutations
{
    private static readonly string[] ReplacementValues =
    [
        "null", "true", "0", "-1", "1.5", "3.5", "1e20", "65536", "\"\"", "\"line\"", "\"plc-1\"", "\"recipes\"", "\"acme\"",
        "\"w-1\"", "\"2027-02-30\"", "\"a\\nb\"", "[]", "{}", "[\"line\"]", "[\"plc-1\", \"nope\"]", "{ \"k\": 1 }", "{ \"name\": \"n\" }",
    ];

    private static readonly string[] Keys = ["id", "zone", "kind", "props", "from", "to", "zones", "x", "securityLevel", "os", "targets", "data", "$schema"];

    public static readonly Gen<(int Kind, int Target, int Value, int Key)[]> Edits =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 10_000], Gen.Int[0, ReplacementValues.Length - 1], Gen.Int[0, Keys.Length - 1]).Array[1, 4];

    // Replaces, removes or adds one value of the parsed topology (picked by its index in document order).
    public static string Apply(string json, (int Kind, int Target, int Value, int Key)[] edits)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var (kind, target, valueIndex, keyIndex) in edits)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var node = nodes[target % nodes.Count];
            var value = JsonNode.Parse(ReplacementValues[valueIndex]);
            switch (kind)
            {
                case 0 when node.Parent is JsonObject parent:
                    parent[node.GetPropertyName()] = value;
                    break;
                case 0 when node.Parent is JsonArray parent:
                    parent[node.GetElementIndex()] = value;
                    break;
                case 1 when node.Parent is JsonObject parent:
                    parent.Remove(node.GetPropertyName());
                    break;
                case 1 when node.Parent is JsonArray parent:
                    parent.RemoveAt(node.GetElementIndex());
                    break;
                case 2 when node is JsonObject obj:
                    obj[Keys[keyIndex]] = value;
                    break;
                case 3 when node is JsonArray array:
                    array.Add(value);
                    break;
            }
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        switch (node)
        {
            case JsonObject obj:
                nodes.Add(obj);
                foreach (var (_, child) in obj)
                {
                    Collect(child, nodes);
                }

                break;
            case JsonArray array:
                nodes.Add(array);
                foreach (var child in array)
                {
                    Collect(child, nodes);
                }

                break;
            case not null:
                nodes.Add(node);
                break;
        }
    }
}
