using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Tests.Support;

/// <summary>What the binder made of one expression, and the value it has on the harness's site.</summary>
internal sealed record Evaluated(ZpType? Type, object? Value, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Parses, binds, compiles and evaluates one expression as the value of a rule's <c>let</c>, with <c>z</c>,
/// <c>a</c> and <c>f</c> bound to the first zone, asset and flow of a site: the static type the binder
/// gives the expression and the value the evaluator computes, side by side.
/// </summary>
internal sealed class ExpressionHarness
{
    /// <summary>A site with one of each entity a harness binds: zone <c>cell</c>, asset <c>plc-1</c>, flow <c>f-1</c>.</summary>
    public const string SmallSite = """
        {
          "schemaVersion": "1",
          "zones": [ { "id": "cell", "kind": "control", "securityLevel": 3 } ],
          "assets": [
            { "id": "plc-1", "zone": "cell", "type": "plc" },
            { "id": "hmi-1", "zone": "cell", "type": "hmi" }
          ],
          "flows": [ { "id": "f-1", "from": "hmi-1", "to": "plc-1", "protocol": "modbus" } ]
        }
        """;

    private readonly SiteModel site;
    private readonly string declarations;
    private readonly DateOnly today;

    public ExpressionHarness(string siteJson, string declarations = "", DateOnly? today = null)
    {
        var loaded = TopologyLoader.LoadText(siteJson, "site.json");
        site = loaded.Model ?? throw new ArgumentException(string.Join("; ", loaded.Diagnostics.Select(d => d.Message)), nameof(siteJson));
        this.declarations = declarations;
        this.today = today ?? new DateOnly(2026, 11, 25);
    }

    public Evaluated Evaluate(string expression)
    {
        var source = $"{declarations}\nrule R \"r\" {{ for zone z for asset a for flow f let v = {expression}\n require true }}";
        var parsed = RuleParser.Parse(source, "case.zpol");
        if (parsed.Unit is null || parsed.Diagnostics.Count > 0)
        {
            return new Evaluated(null, null, parsed.Diagnostics);
        }

        var diagnostics = new DiagnosticBag();
        var program = ProgramBinder.Bind([new SourceModule(".", [parsed.Unit])], [], diagnostics);
        var rule = program.Rules.Single();
        var let = rule.Steps.OfType<BoundLet>().Single();
        if (diagnostics.HasErrors)
        {
            return new Evaluated(let.Value.Type, null, diagnostics.Items);
        }

        var context = CompiledProgram.Compile(program).CreateContext(site, today);
        context.Monitor.BeginRule(rule.Id);
        var frame = new Frame(rule.FrameSize, context);
        foreach (var binding in rule.Fors)
        {
            frame.Slots[binding.Variable.Slot] = site.OfKind(binding.Kind)[0];
        }

        var value = ExpressionCompiler.Compile(let.Value)(frame);
        return new Evaluated(let.Value.Type, value, [.. diagnostics.Items, .. context.Monitor.Problems]);
    }
}
