using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Binding;

/// <summary>Names, kinds, attributes and types are checked before any topology is read.</summary>
public sealed class BinderTests : IDisposable
{
    private const string Site = """
        { "schemaVersion": "1", "zones": [ { "id": "z", "kind": "control" } ] }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("for asset a require a.securtyLevel == 1", "ZP0101", 1, 38, "asset has no attribute `securtyLevel`")]
    [InlineData("for zone z require z.securtyLevel == 1", "ZP0101", 1, 37, "zone has no attribute `securtyLevel`; did you mean `securityLevel`?")]
    [InlineData("for asset a require a.os.nam == \"x\"", "ZP0101", 1, 41, "`os` has no attribute `nam`; did you mean `name`?")]
    [InlineData("for zone z require zz.kind == \"x\"", "ZP0102", 1, 35, "unknown name `zz`; did you mean `z`?")]
    [InlineData("for zon z require true", "ZP0102", 1, 20, "unknown entity kind `zon`; the kinds are `zone`, `asset`, `conduit`, `flow`, `data`, `operation`, `party`; did you mean `zone`?")]
    [InlineData("for zone z require lenn(z.id) > 1", "ZP0102", 1, 35, "unknown function `lenn`; did you mean `len`?")]
    [InlineData("for zone z require len(z.id, 1) > 1", "ZP0103", 1, 35, "`len` takes 1 argument, found 2")]
    [InlineData("for zone z require z.securityLevel == @2026-01-01", "ZP0106", 1, 35, "cannot apply `==` to `int` and `date`")]
    [InlineData("for zone z require z.kind and true", "ZP0106", 1, 35, "cannot apply `and` to `string` and `bool`: `and` needs two `bool` values")]
    [InlineData("for zone z require z.kind in \"control\"", "ZP0106", 1, 35, "cannot apply `in` to `string` and `string`: the right side of `in` must be a list")]
    [InlineData("for zone z require z.kind.length > 1", "ZP0106", 1, 42, "a value of type `string` has no attribute `length`")]
    [InlineData("for zone z require z.kind", "ZP0106", 1, 35, "`require` needs a `bool`, found `string`")]
    [InlineData("for zone z require z.assets.zone == z", "ZP0106", 1, 44, "`.zone` is not an attribute of a list (`list<asset>`); use a comprehension such as `any(x in ... where x.zone ...)`")]
    [InlineData("for zone z require z.kind matches \"[\"", "ZP0112", 1, 50, "invalid regular expression `[`: unterminated [] set")]
    [InlineData("for asset a require a.zone == \"z\"", "ZP0106", 1, 36, "cannot apply `==` to `zone` and `string`; compare the entity's `.id` with a string")]
    public void Mistakes_in_expressions_are_reported_where_they_are(string body, string id, int line, int column, string message)
    {
        var result = workspace.Check($"rule R-1 \"r\" {{ {body} }}", Site);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((id, line, column, message), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message));
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Rule_without_for_or_with_two_conditions_is_a_structure_error()
    {
        var result = workspace.Check("""
            rule R-2 "no for" { require true }
            rule R-3 "two conditions" { for zone z require true forbid false }
            rule R-4 "let after the condition" { for zone z require true let x = 1 }
            """, Site);

        Assert.Equal(
        [
            "ZP0107 1: rule `R-2` has no `for` clause: say what it ranges over, as in `for asset a`",
            "ZP0107 2: rule `R-3` has more than one `require` or `forbid` clause",
            "ZP0107 3: `let` must come before the rule's `require`",
        ], result.Lines());
    }

    [Fact]
    public void Duplicate_rule_ids_and_names_are_errors()
    {
        var result = workspace.Check("""
            param p = 1
            let p = 2
            rule R-1 "a" { for zone z require true }
            rule R-1 "b" { for zone z for zone z require true }
            """, Site);

        Assert.Equal(["ZP0109", "ZP0110"], result.Ids());
        Assert.Equal(2, result.Diagnostics[0].Location.Line);
        Assert.Equal(4, result.Diagnostics[1].Location.Line);
    }

    [Fact]
    public void Duplicate_variable_in_a_rule_is_an_error()
    {
        var result = workspace.Check("rule R-1 \"b\" { for zone z for zone z require true }", Site);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("ZP0109", 1, 36), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Recursive_helpers_are_rejected()
    {
        var result = workspace.Check("""
            let f(x) = f(x)
            rule R-1 "r" { for zone z require f(z) }
            """, Site);

        Assert.Contains(result.Diagnostics, d => d.Id == "ZP0111");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Imports_may_not_leave_the_root_folder()
    {
        workspace.Write("outside.zpol", "let x = 1");
        var rules = workspace.Write("root/main.zpol", "import \"../outside.zpol\"\nrule R-1 \"r\" { for zone z require true }");
        var site = workspace.Write("site.json", Site);

        var result = PolicyEngine.Check(new CheckRequest { RuleSources = [Path.GetDirectoryName(rules)!], TopologyFiles = [site] });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("ZP0104", 1, 8), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Import_cycles_are_reported_and_shared_imports_compile_once()
    {
        workspace.Write("rules/a.zpol", "import \"b.zpol\"\nimport \"common.zpol\"\nrule R-A \"a\" { for zone z require true }");
        workspace.Write("rules/b.zpol", "import \"a.zpol\"\nimport \"common.zpol\"");
        workspace.Write("rules/common.zpol", "let shared = 1");
        var site = workspace.Write("site.json", Site);

        var result = PolicyEngine.Check(new CheckRequest { RuleSources = [Path.Combine(workspace.Root, "rules")], TopologyFiles = [site] });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ZP0105", diagnostic.Id);
        Assert.EndsWith("b.zpol", diagnostic.Location.File);
        Assert.Equal((1, 8), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Missing_import_missing_files_and_empty_folders_are_reported()
    {
        workspace.Write("rules/a.zpol", "import \"nothere.zpol\"");
        Directory.CreateDirectory(Path.Combine(workspace.Root, "empty"));
        var site = workspace.Write("site.json", Site);

        var missingImport = PolicyEngine.Check(new CheckRequest { RuleSources = [Path.Combine(workspace.Root, "rules")], TopologyFiles = [site] });
        var missingFiles = PolicyEngine.Check(new CheckRequest { RuleSources = ["no-such.zpol"], TopologyFiles = ["no-such.json"] });
        var empty = PolicyEngine.Check(new CheckRequest { RuleSources = [Path.Combine(workspace.Root, "empty")], TopologyFiles = [site] });
        var unknownPack = PolicyEngine.Check(new CheckRequest { Packs = ["nope"], PackDirectories = [workspace.Root], TopologyFiles = [site] });

        Assert.Equal(["ZP0108"], missingImport.Ids());
        Assert.Equal(["ZP0310"], missingFiles.Ids());
        Assert.Equal(["ZP0306"], empty.Ids());
        Assert.Equal(["ZP0307"], unknownPack.Ids());
        Assert.All(new[] { missingImport, missingFiles, empty, unknownPack }, r => Assert.Equal(2, r.ExitCode));
    }

    [Theory]
    [InlineData("ZP-NET-01")]
    [InlineData("zp0106")]
    [InlineData("Zp9")]
    public void A_rule_id_with_the_engine_s_prefix_is_rejected_in_any_case(string id)
    {
        var result = workspace.Check($"rule {id} \"r\" {{ for zone z require true }}", Site);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            ("ZP0113", 1, 6, $"rule id `{id}` starts with `ZP`, which is reserved for the engine's own diagnostics; give the rule an id with its pack's prefix"),
            (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message));
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void A_rule_id_that_only_contains_the_engine_s_prefix_is_accepted()
    {
        Assert.Empty(workspace.Check("rule NET-ZP-01 \"r\" { for zone z require true }", Site).Diagnostics);
    }

    [Fact]
    public void A_helper_with_two_parameters_of_one_name_is_an_error_even_when_never_called()
    {
        var result = workspace.Check("""
            let same(a, b, a, b) = a == b
            rule R-1 "r" { for zone z require true }
            """, Site);

        Assert.Equal(
        [
            ("ZP0114", 1, 16, "helper function `same` already has a parameter `a`; give each parameter its own name"),
            ("ZP0114", 1, 19, "helper function `same` already has a parameter `b`; give each parameter its own name"),
        ], result.Diagnostics.Select(d => (d.Id, d.Location.Line, d.Location.Column, d.Message)));
    }

    [Theory]
    [InlineData("param p = [1, \"a\"]", 1, 15, "a list holds one type: found `string` after `int`")]
    [InlineData("param p = [-1, 2.5, true]", 1, 21, "a list holds one type: found `bool` after `decimal`")]
    [InlineData("param p = [@2026-01-01, \"x\"]", 1, 25, "a list holds one type: found `string` after `date`")]
    [InlineData("let c = [[1], [\"a\"]]", 1, 15, "a list holds one type: found `list<string>` after `list<int>`")]
    [InlineData("let c = [1, 2] contains [\"a\", 1]", 1, 31, "a list holds one type: found `int` after `string`")]
    public void A_list_in_a_parameter_or_an_expression_holds_one_type(string declaration, int line, int column, string message)
    {
        var result = workspace.Check($"{declaration}\nrule R-1 \"r\" {{ for zone z require true }}", Site);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("ZP0106", line, column, message), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message));
    }

    [Theory]
    [InlineData("[1, \"a\"]", "parameter `p`: the list `[1, \"a\"]` holds `string` after `int`; a list holds one type")]
    [InlineData("[@2026-01-01, 2]", "parameter `p`: the list `[@2026-01-01, 2]` holds `int` after `date`; a list holds one type")]
    public void A_parameter_override_that_mixes_types_is_refused(string value, string message)
    {
        var result = workspace.Check("param p = [1.5]\nrule R-1 \"r\" { for zone z require true }", Site, b => b.Parameters.Add(new("p", value)));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("ZP0305", SourceLocation.CommandLine, message), (diagnostic.Id, diagnostic.Location, diagnostic.Message));
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void The_ints_of_a_list_of_decimals_are_decimals_at_run_time()
    {
        var harness = new ExpressionHarness(ExpressionHarness.SmallSite, "param p = [1, 2.5]");

        Assert.Equal("[1m, 2.5m]", Typed(harness.Evaluate("[1, 2.5]").Value));
        Assert.Equal("[1m, 2.5m]", Typed(harness.Evaluate("p").Value));
        Assert.Equal("[[3m], [4.5m]]", Typed(harness.Evaluate("[[3], [4.5]]").Value));
        Assert.Equal("1m", Typed(harness.Evaluate("min([2, 1.5, 1])").Value));
    }

    private static string Typed(object? value) => value switch
    {
        IReadOnlyList<object?> list => $"[{string.Join(", ", list.Select(Typed))}]",
        decimal d => $"{d}m",
        long l => $"{l}L",
        _ => $"{value}",
    };
}
