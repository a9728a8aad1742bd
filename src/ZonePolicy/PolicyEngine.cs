using ZonePolicy.Binding;
using ZonePolicy.Configuration;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Findings;
using ZonePolicy.Inputs;
using ZonePolicy.Packs;
using ZonePolicy.Scripting;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy;

/// <summary>The engine's façade: compiles the rules once, loads each topology, evaluates and reports.</summary>
public static class PolicyEngine
{
    /// <summary>
    /// Runs a check on the calling thread. Every pass that recurses over an expression is bounded by the
    /// language's nesting limit, so an ordinary thread's stack is enough for any input.
    /// </summary>
    public static CheckResult Check(CheckRequest request)
    {
        try
        {
            return new Checker(request).Run();
        }
        catch (Exception e)
        {
            var diagnostic = Diagnostic.Create(DiagnosticDescriptors.InternalError, SourceLocation.None, e.GetType().Name, e.Message);
            return new CheckResult { Diagnostics = [diagnostic], Suppressed = [], Rules = [], InputInvalid = true };
        }
    }

    /// <summary>One check from inputs to sorted diagnostics.</summary>
    private sealed class Checker(CheckRequest request)
    {
        private readonly DiagnosticBag diagnostics = new();
        private readonly List<Diagnostic> suppressed = [];

        // Violations are distinct by their bindings already: two with the same place and message are both kept.
        private readonly List<Diagnostic> violations = [];
        private readonly List<SiteSummary> sites = [];
        private DateOnly? evaluationDate;
        private bool inputInvalid;
        private PackLockUpdate? lockUpdate;

        public CheckResult Run()
        {
            var inputs = new CheckInputs(request, diagnostics);
            var configs = AnalyzerConfigSet.Read(request.AnalyzerConfigFiles, inputs, diagnostics);
            var overrides = ParameterValues.Read(request.Parameters, request.SettingsLocation, diagnostics);
            var loader = new RuleSourceLoader(diagnostics, inputs);
            var modules = loader.Load(request);
            lockUpdate = loader.LockUpdate;
            var program = diagnostics.HasErrors ? null : ProgramBinder.Bind(modules, overrides, diagnostics);
            if (program is not null && !diagnostics.HasErrors)
            {
                var cache = request.ScriptCacheDirectory is { } folder ? new ScriptCache(folder) : ScriptCache.Default;
                ScriptFunctionLoader.Load(program.ScriptFunctions, cache, inputs, diagnostics);
            }

            var rules = program?.Rules.Select(r => r.Info).OrderBy(r => r.Id, StringComparer.Ordinal).ToList() ?? [];
            var baseline = request.BaselineFile is { } baselineFile ? Baseline.Read(baselineFile, inputs, diagnostics) : null;

            if (program is null || diagnostics.HasErrors)
            {
                return Finish(inputs, configs, rules, baseline, invalid: true);
            }

            var compiled = CompiledProgram.Compile(program);
            var today = request.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
            evaluationDate = today;
            foreach (var topology in request.TopologyFiles)
            {
                CheckSite(compiled, inputs, topology, today);
            }

            return Finish(inputs, configs, rules, baseline, inputInvalid);
        }

        private void CheckSite(CompiledProgram program, CheckInputs inputs, string topology, DateOnly today)
        {
            var file = inputs.ReadTopology(topology);
            if (file is null)
            {
                inputInvalid |= diagnostics.HasErrors;
                return;
            }

            var loaded = TopologyLoader.LoadBytes(file.Bytes, file.DisplayPath);
            diagnostics.AddRange(loaded.Diagnostics);
            if (loaded.Model is not { } site)
            {
                inputInvalid = true;
                return;
            }

            var context = program.CreateContext(site, today);
            var found = new List<(Violation, Diagnostic)>();
            foreach (var rule in program.Rules)
            {
                try
                {
                    found.AddRange(rule.Evaluate(context).Select(v => (v, ToDiagnostic(v))));
                }
                catch (Exception e)
                {
                    diagnostics.Add(DiagnosticDescriptors.RuleEvaluationFailed, rule.Rule.Info.Location, rule.Rule.Id, topology, e.GetType().Name, e.Message);
                }
            }

            diagnostics.AddRange(context.Failures.Select(ToDiagnostic));
            var (inForce, waived, waiverDiagnostics, waiverStates) = WaiverMatcher.Apply(site.Waivers, found, today);
            violations.AddRange(inForce);
            diagnostics.AddRange(waiverDiagnostics);
            suppressed.AddRange(waived);
            if (request.DescribeSites)
            {
                sites.Add(SiteDescriber.Describe(site, waiverStates));
            }
        }

        /// <summary>A binding a C# function kept from being evaluated: at its entity, naming the rule, the entities and the function.</summary>
        private static Diagnostic ToDiagnostic(EvaluationFailure failure)
        {
            var function = failure.Error.Function;
            var entities = string.Join(", ", failure.Bindings.Select(b => $"`{b.Id}`"));
            var diagnostic = failure.Error.OverBudget
                ? Diagnostic.Create(DiagnosticDescriptors.ScriptFunctionOverBudget, failure.At.Location, failure.Rule.Id, entities, function.Name, function.Pack.Name,
                    (long)function.Declaration.Budget.TotalMilliseconds)
                : Diagnostic.Create(DiagnosticDescriptors.ScriptFunctionThrew, failure.At.Location, failure.Rule.Id, entities, function.Name, function.Pack.Name, failure.Error.Thrown);
            return diagnostic with { Entities = failure.Bindings.Select(b => b.Id).ToList() };
        }

        private static Diagnostic ToDiagnostic(Violation violation) =>
            new(violation.Rule.Id, violation.Rule.Info.DefaultSeverity, violation.Message, violation.At.Location)
            {
                Rule = violation.Rule.Info,
                Entities = violation.Bindings.Select(b => b.Id).ToList(),
                Witness = violation.Witness is { } path ? WitnessSteps(path) : [],
            };

        private static List<PathStep> WitnessSteps(PathValue path)
        {
            var steps = new List<PathStep> { Step(path.Assets[0]) };
            for (var hop = 0; hop < path.HopFlows.Count; hop++)
            {
                steps.Add(Step(path.HopFlows[hop]));
                steps.Add(Step(path.Assets[hop + 1]));
            }

            return steps;
        }

        private static PathStep Step(Entity entity) => new(entity.Id, entity.Kind.Keyword(), entity.Location);

        private CheckResult Finish(CheckInputs inputs, AnalyzerConfigSet configs, IReadOnlyList<RuleInfo> rules, Baseline? baseline, bool invalid)
        {
            if (lockUpdate?.Write(inputs.Files) is { } refused)
            {
                diagnostics.Add(refused);
            }

            var severities = SeverityPolicy.Create(request.Severities, configs, rules, request.WarningsAsErrors, inputs.FullPathOf, diagnostics);
            var inForce = new List<Diagnostic>();
            var quiet = new List<Diagnostic>();
            foreach (var diagnostic in diagnostics.Items.Concat(violations))
            {
                var adjusted = severities.Apply(diagnostic);
                if (adjusted is null)
                {
                    continue;
                }

                if (baseline is not null && adjusted.Rule is not null && baseline.Contains(adjusted))
                {
                    quiet.Add(adjusted with { Baselined = true });
                }
                else
                {
                    inForce.Add(adjusted);
                }
            }

            quiet.AddRange(suppressed.Select(severities.Apply).OfType<Diagnostic>());
            return new CheckResult
            {
                Diagnostics = inForce,
                Suppressed = quiet,
                Rules = rules,
                Sites = sites,
                Today = evaluationDate,
                BaselineApplied = baseline is not null,
                InputInvalid = invalid || diagnostics.Items.Any(d => SeverityPolicy.IsInvalidInput(d.Id)),
                Inputs = inputs.Files,
            };
        }
    }
}
