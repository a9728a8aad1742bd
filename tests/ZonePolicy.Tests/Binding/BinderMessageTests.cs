using System.Reflection;
using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Binding;

/// <summary>
/// Every message the binder can give, each from a rule file that makes it: exact text, line and column. A
/// message added to the binding ids without a case here fails <see cref="Every_binding_message_has_a_case"/>.
/// </summary>
public sealed class BinderMessageTests : IDisposable
{
    private const string Site = """
        { "schemaVersion": "1", "zones": [ { "id": "z", "kind": "control" } ] }
        """;

    /// <summary>Messages whose case lives with the feature that raises them.</summary>
    private static readonly string[] TestedElsewhere =
    [
        nameof(DiagnosticDescriptors.ImportOutsidePack), // PackImportTests: needs an installed pack
        nameof(DiagnosticDescriptors.ScriptFunctionIsBuiltin), // ScriptPolicyTests: needs a pack with C# functions
    ];

    private static readonly (string Descriptor, string[] Files, int Line, int Column, string Message)[] Table =
    [
        (nameof(DiagnosticDescriptors.UnknownAttribute), ["rule R \"r\" { for zone z require z.kind2 == \"a\" }"], 1, 35, "zone has no attribute `kind2`; did you mean `kind`?"),
        (nameof(DiagnosticDescriptors.UnknownPathAttribute), ["rule R \"r\" { for asset a for asset b require path(a, b).hops > 1 }"], 1, 57, "a path has no attribute `hops`"),
        (nameof(DiagnosticDescriptors.UnknownName), ["rule R \"r\" { for zone z require y }"], 1, 33, "unknown name `y`"),
        (nameof(DiagnosticDescriptors.UnknownFunction), ["rule R \"r\" { for zone z require lenght(z.id) > 0 }"], 1, 33, "unknown function `lenght`"),
        (nameof(DiagnosticDescriptors.UnknownEntityKind), ["rule R \"r\" { for assets a require true }"], 1, 18, "unknown entity kind `assets`; the kinds are `zone`, `asset`, `conduit`, `flow`, `data`, `operation`, `party`; did you mean `asset`?"),
        (nameof(DiagnosticDescriptors.WrongArgumentCount), ["rule R \"r\" { for zone z require startsWith(z.id) }"], 1, 33, "`startsWith` takes 2 arguments, found 1"),
        (nameof(DiagnosticDescriptors.ImportOutsideRoot), ["import \"../outside.zpol\"\nrule R \"r\" { for zone z require true }"], 1, 8, "import `../outside.zpol` leaves the rule root `{root}`; a rule file may only import files inside its root folder"),
        (nameof(DiagnosticDescriptors.ImportCycle), ["import \"b.zpol\"\nrule R \"r\" { for zone z require true }", "import \"rules.zpol\""], 1, 8, "import cycle: `{root}/rules.zpol` -> `{root}/b.zpol` -> `{root}/rules.zpol`; remove one of these imports"),
        (nameof(DiagnosticDescriptors.TypeMismatch), ["rule R \"r\" { for zone z\n  where z.securityLevel\n  require true }"], 2, 9, "`where` needs a `bool`, found `int`"),
        (nameof(DiagnosticDescriptors.FunctionUsedAsValue), ["let f(x) = x\nrule R \"r\" { for zone z require f == 1 }"], 2, 33, "`f` is a function: call it with its arguments, as in `f(...)`"),
        (nameof(DiagnosticDescriptors.ValueCalled), ["let k = 1\nrule R \"r\" { for zone z require k(z) == 1 }"], 2, 33, "`k` is a value, not a function"),
        (nameof(DiagnosticDescriptors.AttributeOfList), ["rule R \"r\" { for zone z require z.assets.type == \"plc\" }"], 1, 42, "`.type` is not an attribute of a list (`list<asset>`); use a comprehension such as `any(x in ... where x.type ...)`"),
        (nameof(DiagnosticDescriptors.NoAttributes), ["rule R \"r\" { for zone z require z.securityLevel.max > 1 }"], 1, 49, "a value of type `int` has no attribute `max`"),
        (nameof(DiagnosticDescriptors.NotIndexable), ["rule R \"r\" { for zone z require z.kind[\"a\"] == 1 }"], 1, 33, "only `props` can be indexed, as in `a.props[\"key\"]`; found `string`"),
        (nameof(DiagnosticDescriptors.PropsKeyNotString), ["rule R \"r\" { for zone z require z.props[1] == 1 }"], 1, 41, "a `props` key is a `string`, found `int`"),
        (nameof(DiagnosticDescriptors.WrongArgumentTypes), ["rule R \"r\" { for zone z require startsWith(z.id, 1) }"], 1, 33, "`startsWith` takes two `string` values, found `string`, `int`"),
        (nameof(DiagnosticDescriptors.NotNeedsBool), ["rule R \"r\" { for zone z require not z.kind }"], 1, 33, "`not` needs a `bool`, found `string`"),
        (nameof(DiagnosticDescriptors.NegateNeedsNumber), ["rule R \"r\" { for zone z require -z.kind == 1 }"], 1, 33, "`-` needs a number or a duration, found `string`"),
        (nameof(DiagnosticDescriptors.OperatorMismatch), ["rule R \"r\" { for zone z require z.kind == 1 }"], 1, 33, "cannot apply `==` to `string` and `int`"),
        (nameof(DiagnosticDescriptors.LogicNeedsBools), ["rule R \"r\" { for zone z require true or z.securityLevel }"], 1, 33, "cannot apply `or` to `bool` and `int`: `or` needs two `bool` values"),
        (nameof(DiagnosticDescriptors.EntityComparedWithString), ["rule R \"r\" { for asset a require \"z\" != a.zone }"], 1, 34, "cannot apply `!=` to `string` and `zone`; compare the entity's `.id` with a string"),
        (nameof(DiagnosticDescriptors.StringsNotOrdered), ["rule R \"r\" { for zone z require z.kind >= \"b\" }"], 1, 33, "cannot apply `>=` to `string` and `string`; strings are not ordered (for levels use `level(x)`)"),
        (nameof(DiagnosticDescriptors.InNeedsList), ["rule R \"r\" { for zone z require 1 not in z.securityLevel }"], 1, 33, "cannot apply `not in` to `int` and `int`: the right side of `in` must be a list"),
        (nameof(DiagnosticDescriptors.ContainsOperands), ["rule R \"r\" { for zone z require z.securityLevel contains 1 }"], 1, 33, "cannot apply `contains` to `int` and `int`: `contains` needs a list and an element, or two strings"),
        (nameof(DiagnosticDescriptors.ArithmeticNeedsNumbers), ["rule R \"r\" { for zone z require z.kind * 2 == 1 }"], 1, 33, "cannot apply `*` to `string` and `int`: arithmetic needs numbers"),
        (nameof(DiagnosticDescriptors.MatchesOperands), ["rule R \"r\" { for zone z require z.securityLevel matches \"1\" }"], 1, 33, "`matches` needs a `string` and a regular expression, found `int` and `string`"),
        (nameof(DiagnosticDescriptors.MixedList), ["rule R \"r\" { for zone z require z.kind in [\"a\",\n  1] }"], 2, 3, "a list holds one type: found `int` after `string`"),
        (nameof(DiagnosticDescriptors.ComprehensionNeedsList), ["rule R \"r\" { for zone z require any(x in z.kind where x == \"a\") }"], 1, 42, "`any` ranges over a list, found `string`"),
        (nameof(DiagnosticDescriptors.ComprehensionNeedsCondition), ["rule R \"r\" { for zone z require all(x in z.assets) }"], 1, 33, "`all` needs a condition, as in `all(x in xs where ...)`"),
        (nameof(DiagnosticDescriptors.AggregateOperand), ["rule R \"r\" { for zone z require sum(x in z.assets select x.id) > 1 }"], 1, 58, "`sum` works on numbers or durations, found `string`"),
        (nameof(DiagnosticDescriptors.PathEndpoint), ["rule R \"r\" { for zone z require reachable(z.kind, z) }"], 1, 43, "a path runs between assets or zones, found `string`"),
        (nameof(DiagnosticDescriptors.ForSourceType), ["rule R \"r\" { for zone z for asset a in z.flowsIn require true }"], 1, 40, "`for asset a in ...` needs a `list<asset>`, found `list<flow>`"),
        (nameof(DiagnosticDescriptors.AtTarget), ["rule R \"r\" { for zone z require true at z.kind }"], 1, 41, "`at` names the entity where a violation is reported, found `string`"),
        (nameof(DiagnosticDescriptors.InvalidRuleStructure), ["rule R \"r\" { for zone z severity error severity warning require true }"], 1, 40, "rule `R` has more than one `severity` clause"),
        (nameof(DiagnosticDescriptors.ClauseAfterCondition), ["rule R \"r\" { for zone z require true\n  let k = 1 }"], 2, 3, "`let` must come before the rule's `require`"),
        (nameof(DiagnosticDescriptors.NoForClause), ["rule R \"r\" { require true }"], 1, 6, "rule `R` has no `for` clause: say what it ranges over, as in `for asset a`"),
        (nameof(DiagnosticDescriptors.ImportNotFound), ["import \"missing.zpol\"\nrule R \"r\" { for zone z require true }"], 1, 8, "imported file `missing.zpol` does not exist"),
        (nameof(DiagnosticDescriptors.DuplicateDeclaration), ["param k = 2\nlet k = 1\nrule R \"r\" { for zone z require true }"], 2, 5, "`k` is already declared at {root}/rules.zpol(1,7)"),
        (nameof(DiagnosticDescriptors.DuplicateRuleVariable), ["rule R \"r\" { for zone z for asset z require true }"], 1, 35, "`z` is already declared in this rule"),
        (nameof(DiagnosticDescriptors.DuplicateRuleId), ["rule R \"r\" { for zone z require true }\nrule R \"s\" { for zone z require true }"], 2, 6, "rule id `R` is already used at {root}/rules.zpol(1,6); rule ids must be unique"),
        (nameof(DiagnosticDescriptors.RecursiveFunction), ["let f(x) = g(x)\nlet g(x) = f(x)\nrule R \"r\" { for zone z require f(z) }"], 2, 12, "helper function `f` calls itself; helper functions cannot be recursive"),
        (nameof(DiagnosticDescriptors.RecursiveConstant), ["let k = j + 1\nlet j = k\nrule R \"r\" { for zone z require k == 1 }"], 2, 9, "`k` is defined in terms of itself"),
        (nameof(DiagnosticDescriptors.InvalidRegex), ["rule R \"r\" { for zone z require z.kind matches \"a{2,1}\" }"], 1, 48, "invalid regular expression `a{2,1}`: illegal {x,y} with x > y"),
        (nameof(DiagnosticDescriptors.ReservedRuleId), ["rule zp-1 \"r\" { for zone z require true }"], 1, 6, "rule id `zp-1` starts with `ZP`, which is reserved for the engine's own diagnostics; give the rule an id with its pack's prefix"),
        (nameof(DiagnosticDescriptors.DuplicateParameter), ["let f(x, y, x) = x\nrule R \"r\" { for zone z require true }"], 1, 13, "helper function `f` already has a parameter `x`; give each parameter its own name"),
    ];

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    public static TheoryData<string> Descriptors() => [.. Table.Select(row => row.Descriptor)];

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void The_binder_reports_the_message_where_the_mistake_is(string descriptor)
    {
        var (_, files, line, column, message) = Table.Single(row => row.Descriptor == descriptor);
        for (var i = 1; i < files.Length; i++)
        {
            workspace.Write($"{(char)('a' + i)}.zpol", files[i]);
        }

        var result = workspace.Check(files[0], Site);

        var diagnostic = result.Diagnostics[0];
        var expected = message.Replace("{root}/", workspace.Root + Path.DirectorySeparatorChar).Replace("{root}", workspace.Root);
        Assert.Equal((Field(descriptor).Id, line, column, expected), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message));
        Assert.Matches(Pattern(Field(descriptor)), diagnostic.Message);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Every_binding_message_has_a_case()
    {
        var binding = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor) && ((DiagnosticDescriptor)f.GetValue(null)!).Id is ['Z', 'P', '0', '1', '0' or '1' or '2', _])
            .Select(f => f.Name)
            .Except(TestedElsewhere);

        Assert.Equal(binding.Order(StringComparer.Ordinal), Table.Select(row => row.Descriptor).Order(StringComparer.Ordinal));
    }

    private static DiagnosticDescriptor Field(string name) =>
        (DiagnosticDescriptor)typeof(DiagnosticDescriptors).GetField(name)!.GetValue(null)!;

    /// <summary>The descriptor's message format as a pattern, each argument any text: the message comes from that descriptor.</summary>
    private static Regex Pattern(DiagnosticDescriptor descriptor) =>
        new("^" + Regex.Replace(Regex.Escape(descriptor.MessageFormat), @"\\\{[0-9]+}|\{[0-9]+}", ".*") + "$", RegexOptions.Singleline);
}
