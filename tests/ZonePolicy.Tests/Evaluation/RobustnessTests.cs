using System.Security.Cryptography;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>Bad and extreme inputs end as located diagnostics with exit 2, never as a crash.</summary>
public sealed class RobustnessTests : IDisposable
{
    private const string Site = """
        { "schemaVersion": "1", "zones": [ { "id": "z", "kind": "control", "securityLevel": 2 } ] }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData(20_000, "(", ")")]
    [InlineData(100_000, "[", "]")]
    public void Deeply_nested_rule_expressions_are_a_located_error(int depth, string open, string close)
    {
        var expression = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));

        var result = workspace.Check($"rule R-1 \"deep\" {{\n  for zone z\n  require {expression} == 1\n}}", Site);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ZP0007", diagnostic.Id);
        Assert.Equal(3, diagnostic.Location.Line);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Deeply_nested_topology_is_a_located_error()
    {
        var site = "{ \"schemaVersion\": \"1\", \"zones\": " + new string('[', 100_000) + new string(']', 100_000) + " }";

        var result = workspace.Check("rule R-1 \"r\" { for zone z require true }", site);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("ZP0201", 1), (diagnostic.Id, diagnostic.Location.Line));
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void A_long_flat_chain_compiles_and_evaluates()
    {
        var chain = string.Join(" or ", Enumerable.Repeat("z.securityLevel == 9", 10_000));

        var result = workspace.Check($"rule R-1 \"long\" {{ for zone z forbid {chain} or z.securityLevel == 2 }}", Site);

        Assert.Equal(["R-1"], result.Ids());
    }

    [Fact]
    public void A_binary_rule_file_is_a_located_error()
    {
        var result = workspace.Check("rule\0\u0001\u0002 binary", Site);

        Assert.Equal(["ZP0010"], result.Ids());
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Rule_files_without_rules_are_reported()
    {
        var result = workspace.Check("// nothing here yet\nlet x = 1\n", Site);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ZP0306", diagnostic.Id);
        Assert.StartsWith("no rules found in", diagnostic.Message);
    }

    [Fact]
    public void Check_never_changes_its_input_files()
    {
        var rules = workspace.Write("rules.zpol", "rule R-1 \"r\" { severity error for zone z forbid true }");
        var site = workspace.Write("site.json", Site);
        var before = new[] { rules, site }.Select(f => (Hash(f), File.GetLastWriteTimeUtc(f))).ToArray();

        var result = PolicyEngine.Check(new CheckRequest { RuleSources = [rules], TopologyFiles = [site] });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, new[] { rules, site }.Select(f => (Hash(f), File.GetLastWriteTimeUtc(f))).ToArray());
        Assert.Equal(["rules.zpol", "site.json"], Directory.GetFiles(workspace.Root).Select(Path.GetFileName).Order());
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
}
