using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

public class LoaderRobustnessTests
{
    private static readonly string ValidTopology = File.ReadAllText(DataFile("full-site.json"));

    private static readonly string[] Snippets =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e400", "-0.5", "3.0", "\"\\ud800\"", "\"\\u0041\"",
        "[[[[[[[[", "{}", "[]", "\"zone\": \"nowhere\"", "\"id\": \"plc-1\"", "\"kind\": \"dmz\"", "\"x\": 1", "//", "\u00e9", "\0", "\t", "\r\n",
    ];

    [Fact]
    public void Loader_never_throws_on_arbitrary_strings()
    {
        Gen.String.Sample(text => AssertWellFormed(TopologyLoader.LoadText(text, "fuzz.json")), iter: 2000);
    }

    [Fact]
    public void Loader_never_throws_on_arbitrary_bytes()
    {
        Gen.Byte.Array[0, 200].Sample(bytes => AssertWellFormed(TopologyLoader.LoadBytes(bytes, "fuzz.json")), iter: 2000);
    }

    [Fact]
    public void Loader_never_throws_on_mutations_of_a_valid_topology()
    {
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, ValidTopology.Length], Gen.Int[1, 60], Gen.Int[0, Snippets.Length - 1]);
        edit.Array[1, 6].Sample(
            edits => AssertWellFormed(TopologyLoader.LoadText(Apply(ValidTopology, edits), "fuzz.json")),
            iter: 400);
    }

    [Fact]
    public void Loader_never_throws_on_valid_JSON_with_random_values_keys_and_removals()
    {
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 10_000], Gen.Int[0, ReplacementValues.Length - 1], Gen.Int[0, Keys.Length - 1]);
        edit.Array[1, 4].Sample(
            edits => AssertWellFormed(TopologyLoader.LoadText(ApplyToTree(ValidTopology, edits), "fuzz.json")),
            iter: 300);
    }

    [Fact]
    public void Unmodified_topology_is_valid()
    {
        Assert.Empty(TopologyLoader.LoadText(ValidTopology, "fuzz.json").Diagnostics);
    }

    [Fact]
    public void Loading_twice_gives_the_same_diagnostics()
    {
        var broken = ValidTopology.Replace("\"zone\": \"dmz\"", "\"zone\": \"dzm\"", StringComparison.Ordinal).Replace("\"kind\": \"supplier\"", "\"kind\": \"vendor\"", StringComparison.Ordinal);

        var first = TopologyLoader.LoadText(broken, "site.json").Diagnostics.Select(d => d.ToString()).ToList();
        var second = TopologyLoader.LoadText(broken, "site.json").Diagnostics.Select(d => d.ToString()).ToList();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    private static string Apply(string text, (int Kind, int Position, int Length, int Snippet)[] edits)
    {
        foreach (var (kind, position, length, snippet) in edits)
        {
            var at = Math.Min(position, text.Length);
            var count = Math.Min(length, text.Length - at);
            text = kind switch
            {
                0 => text.Remove(at, count),
                1 => text.Insert(at, Snippets[snippet]),
                2 => text.Remove(at, count).Insert(at, Snippets[snippet]),
                _ => text.Insert(at, text.Substring(at, count)),
            };
        }

        return text;
    }

    private static readonly string[] ReplacementValues =
    [
        "null", "true", "0", "-1", "1.5", "3.5", "1e20", "65536", "\"\"", "\"line\"", "\"plc-1\"", "\"recipes\"", "\"acme\"",
        "\"w-1\"", "\"2027-02-30\"", "\"a\\nb\"", "[]", "{}", "[\"line\"]", "[\"plc-1\", \"nope\"]", "{ \"k\": 1 }", "{ \"name\": \"n\" }",
    ];

    private static readonly string[] Keys = ["id", "zone", "kind", "props", "from", "to", "zones", "x", "securityLevel", "os", "targets", "data", "$schema"];

    // Replaces, removes or adds one value of the parsed topology (picked by its index in document order).
    private static string ApplyToTree(string json, (int Kind, int Target, int Value, int Key)[] edits)
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

    private static void AssertWellFormed(LoadResult result)
    {
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.InternalError);
        Assert.Equal(result.Model is null, result.Diagnostics.Any(d => d.Severity == Severity.Error));
        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.True(diagnostic.Location.Line >= 1 && diagnostic.Location.Column >= 1, diagnostic.ToString());
            Assert.DoesNotContain('\n', diagnostic.Message);
            Assert.DoesNotContain('\r', diagnostic.Message);
        }
    }
}
