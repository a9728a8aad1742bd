using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
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

    /// <summary>Explains how the engine reaches its verdict on one rule for one site, on the calling thread; never throws.</summary>
    public static ExplainResult Explain(ExplainRequest request)
    {
        try
        {
            return Explaining.Explainer.Explain(request);
        }
        catch (Exception e)
        {
            return new ExplainResult { Diagnostics = [Diagnostic.Create(DiagnosticDescriptors.InternalError, SourceLocation.None, e.GetType().Name, e.Message)] };
        }
    }

    /// <summary>
    /// Reads, parses and binds the rules of a request and reads its settings (severities, baseline), as every
    /// command that evaluates rules needs them; <paramref name="texts"/>, when given, receives each rule file's text.
    /// </summary>
    internal static PreparedRules Prepare(CheckRequest request, DiagnosticBag diagnostics, Dictionary<string, string>? texts = null)
    {
        var overrides = request.Parameters.Select(p => new ParameterOverride(p.Key, ParseParameterValue(p.Value), p.Value, request.SettingsLocation)).ToList();
        var modules = new RuleSourceLoader(diagnostics, texts).Load(request);
        var program = diagnostics.HasErrors ? null : ProgramBinder.Bind(modules, overrides, diagnostics);
        var rules = program?.Rules.Select(r => r.Info).OrderBy(r => r.Id, StringComparer.Ordinal).ToList() ?? [];
        var severities = SeverityOverrides.Create(request.ConfiguredSeverities, request.SeverityOverrides, rules, request.SettingsLocation, diagnostics);
        var baseline = request.BaselineFile is null ? null : Baseline.Load(request.BaselineFile, diagnostics);
        return new PreparedRules(program, rules, severities, baseline);
    }

    /// <summary>A parameter value in the language's literal syntax; a bare word is a string.</summary>
    private static object? ParseParameterValue(string text) => RuleParser.TryParseLiteral(text, out var value) ? value : text;

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

        public CheckResult Run()
        {
            var (program, rules, severities, baseline) = Prepare(request, diagnostics);
            if (program is null || diagnostics.HasErrors)
            {
                return Finish(rules, severities, baseline, invalid: true);
            }

            var compiled = CompiledProgram.Compile(program);
            var today = request.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
            evaluationDate = today;
            foreach (var topology in request.TopologyFiles)
            {
                CheckSite(compiled, topology, today);
            }

            return Finish(rules, severities, baseline, inputInvalid);
        }

        private void CheckSite(CompiledProgram program, string topology, DateOnly today)
        {
            if (!File.Exists(topology))
            {
                diagnostics.Add(DiagnosticDescriptors.FileNotFound, SourceLocation.InFile(topology), "topology", topology);
                inputInvalid = true;
                return;
            }

            var loaded = TopologyLoader.Load(topology, topology);
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
                    found.AddRange(rule.Evaluate(context).Select(v => (v, Findings.ToDiagnostic(v))));
                }
                catch (Exception e)
                {
                    diagnostics.Add(DiagnosticDescriptors.RuleEvaluationFailed, rule.Rule.Info.Location, rule.Rule.Id, topology, e.GetType().Name, e.Message);
                }
            }

            var (inForce, waived, waiverDiagnostics, waiverStates) = WaiverMatcher.Apply(site.Waivers, found, today);
            violations.AddRange(inForce);
            diagnostics.AddRange(waiverDiagnostics);
            suppressed.AddRange(waived);
            if (request.DescribeSites)
            {
                sites.Add(SiteDescriber.Describe(site, waiverStates));
            }
        }

        private CheckResult Finish(IReadOnlyList<RuleInfo> rules, SeverityOverrides severities, Baseline? baseline, bool invalid)
        {
            var inForce = new List<Diagnostic>();
            var quiet = new List<Diagnostic>();
            foreach (var diagnostic in diagnostics.Items.Concat(violations))
            {
                switch (Findings.Settle(diagnostic, severities, baseline, request.WarningsAsErrors))
                {
                    case { Baselined: true } accepted:
                        quiet.Add(accepted);
                        break;
                    case { } adjusted:
                        inForce.Add(adjusted);
                        break;
                }
            }

            quiet.AddRange(suppressed.Select(d => severities.Apply(d, request.WarningsAsErrors)).OfType<Diagnostic>());
            return new CheckResult
            {
                Diagnostics = inForce,
                Suppressed = quiet,
                Rules = rules,
                Sites = sites,
                Today = evaluationDate,
                BaselineApplied = baseline is not null,
                InputInvalid = invalid || diagnostics.Items.Any(d => IsInvalidInput(d.Id)),
            };
        }

        private static bool IsInvalidInput(string id) => DiagnosticDescriptors.IsEngineId(id) && !SeverityOverrides.IsAdjustable(id);

    }
}

/// <summary>The bound rules of a request (null when they have errors), every rule's info, and the settings that apply to findings.</summary>
internal sealed record PreparedRules(BoundProgram? Program, IReadOnlyList<RuleInfo> Rules, SeverityOverrides Severities, Baseline? Baseline);
