using System.Runtime.CompilerServices;
using System.Text.Json;
using ZonePolicy.Explaining;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Explaining;

/// <summary>An explained path over what the network permits shows what permits each hop, at its place in the topology.</summary>
public sealed class ExplainPermittedPathTests : IDisposable
{
    private const string Rules = """
        rule PP-01 "the office cannot reach the cell" {
          for asset a where a.id == "pc-2"
          for asset b where b.id == "ews-1"
          let p = permittedPath(a, b)
          forbid p != null
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Text_lists_each_hop_at_the_zone_or_allow_rule_that_permits_it()
    {
        var text = new StringWriter();
        Explain().Write(text, ExplainFormat.Text);
        var lines = text.ToString().Replace(PermittedCases() + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace('\\', '/').Split('\n');

        var path = Array.FindIndex(lines, l => l.TrimStart().StartsWith("path: ", StringComparison.Ordinal));
        Assert.Equal("path: pc-2 -[z-office]-> pc-1 -[c-office-cell]-> ews-1 (2 hops), each hop at what permits it", lines[path].Trim());
        Assert.Equal("deny-by-default.topology.json(4,5): pc-2 -> pc-1: z-office is not segmented: its assets reach one another", lines[path + 1].Trim());
        Assert.Equal("deny-by-default.topology.json(19,9): pc-1 -> ews-1: c-office-cell allow rule 1 on fw-1 permits pc-1 -> ews-1, rdp/3389", lines[path + 2].Trim());
        Assert.DoesNotContain(lines, l => l.Contains("flows )", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_gives_each_hop_its_permission_and_location()
    {
        var json = new StringWriter();
        Explain().Write(json, ExplainFormat.Json);
        var root = JsonDocument.Parse(json.ToString()).RootElement;

        var path = Paths(root.GetProperty("evaluation")).Single();
        Assert.Equal(["pc-2", "pc-1", "ews-1"], path.GetProperty("assets").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(path.GetProperty("flows").EnumerateArray());
        var hops = path.GetProperty("hops").EnumerateArray().ToList();
        Assert.Equal(["zone z-office", "conduit c-office-cell"], hops.Select(h => $"{h.GetProperty("kind").GetString()} {h.GetProperty("id").GetString()}"));
        Assert.False(hops[0].TryGetProperty("rule", out _));
        Assert.Equal(("fw-1", 1, 19, 9), (hops[1].GetProperty("device").GetString(), hops[1].GetProperty("rule").GetInt32(), hops[1].GetProperty("line").GetInt32(), hops[1].GetProperty("column").GetInt32()));
        Assert.EndsWith("deny-by-default.topology.json", hops[1].GetProperty("file").GetString());
    }

    private static IEnumerable<JsonElement> Paths(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "path" ? [p.Value] : Paths(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Paths),
        _ => [],
    };

    private ExplainResult Explain()
    {
        var result = PolicyEngine.Explain(new ExplainRequest
        {
            Check = new CheckRequest
            {
                TopologyFiles = [Path.Combine(PermittedCases(), "deny-by-default.topology.json")],
                RuleSources = [workspace.Write("rules.zpol", Rules)],
                Today = new DateOnly(2026, 11, 25),
            },
            RuleId = "PP-01",
        });
        Assert.DoesNotContain(result.Diagnostics, d => d.Rule is null);
        return result;
    }

    private static string PermittedCases([CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(path))!, "Evaluation", "PermittedCases");
}
