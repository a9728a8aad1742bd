using ZonePolicy.Binding;
using ZonePolicy.Inputs;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;

namespace ZonePolicy.Benchmarks;

/// <summary>
/// The engine's phases one at a time, as <see cref="PolicyEngine.Check"/> runs them, so a benchmark can
/// measure one phase alone. Inputs are generated and known to be valid: a diagnostic here is a broken
/// benchmark, not a user's mistake, and it stops the run.
/// </summary>
internal static class EnginePipeline
{
    public static CheckResult Check(string topology, string rules) => PolicyEngine.Check(new CheckRequest
    {
        TopologyFiles = [topology],
        RuleSources = [rules],
        Today = BenchmarkFiles.Today,
    });

    /// <summary>Reads, parses, binds and compiles the rules of a file or folder.</summary>
    public static CompiledProgram Compile(string rules)
    {
        var diagnostics = new DiagnosticBag();
        var request = new CheckRequest { RuleSources = [rules] };
        var modules = new RuleSourceLoader(diagnostics, new CheckInputs(request, diagnostics)).Load(request);
        var program = diagnostics.HasErrors ? null : ProgramBinder.Bind(modules, [], diagnostics);
        if (program is null || diagnostics.HasErrors)
        {
            throw new InvalidOperationException($"the benchmark rules do not compile:\n{string.Join('\n', diagnostics.Items)}");
        }

        return CompiledProgram.Compile(program);
    }

    /// <summary>Loads and validates a topology into the model the rules run over.</summary>
    public static SiteModel Load(string topology)
    {
        var loaded = TopologyLoader.Load(topology, topology);
        return loaded.Model ?? throw new InvalidOperationException(
            $"the generated topology is invalid:\n{string.Join('\n', loaded.Diagnostics.Take(20))}");
    }

    /// <summary>Runs every rule over a loaded site; the violations, rule by rule.</summary>
    public static List<Violation> Evaluate(CompiledProgram program, SiteModel site)
    {
        var context = program.CreateContext(site, BenchmarkFiles.Today);
        var violations = new List<Violation>();
        foreach (var rule in program.Rules)
        {
            violations.AddRange(rule.Evaluate(context));
        }

        return violations;
    }
}
