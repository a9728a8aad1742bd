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
        TopologyMutations.Edits.Sample(
            edits => AssertWellFormed(TopologyLoader.LoadText(TopologyMutations.Apply(ValidTopology, edits), "fuzz.json")),
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
