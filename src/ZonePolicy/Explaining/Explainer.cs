using ZonePolicy.Binding;
using ZonePolicy.Configuration;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Findings;
using ZonePolicy.Inputs;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Explaining;

/// <summary>
/// Explains one rule on one site. The rules, the topology and the settings are read as a check reads them;
/// the rule is then compiled once more with tracing hooks, from the same bound rule, and run beside the
/// engine's own compilation. The two must find the same violations, or the explanation is an internal error
/// rather than a story that drifted from the verdict. Waivers, the baseline and severities are then applied
/// by the same components a check uses.
/// </summary>
internal static class Explainer
{
    public static ExplainResult Explain(ExplainRequest request)
    {
        var diagnostics = new DiagnosticBag();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var check = request.Check;
        var (inputs, configs, program, rules, baseline) = PolicyEngine.Prepare(check, diagnostics, texts);
        if (program is null || diagnostics.HasErrors)
            return Failed(diagnostics);

        var severities = new Severities(
            SeverityPolicy.Create(check.Severities, configs, rules, check.WarningsAsErrors, inputs.FullPathOf, diagnostics),
            SeverityPolicy.Create(check.Severities, configs, rules, warningsAsErrors: false, inputs.FullPathOf, new DiagnosticBag()),
            check.Severities,
            configs,
            inputs);
        if (diagnostics.HasErrors)
            return Failed(diagnostics);

        var rule = program.Rules.FirstOrDefault(r => r.Id == request.RuleId);
        if (rule is null)
        {
            diagnostics.Add(DiagnosticDescriptors.UnknownRule, SourceLocation.CommandLine, request.RuleId,
                NameSuggestions.DidYouMean(request.RuleId, program.Rules.Select(r => r.Id)));
            return Failed(diagnostics);
        }

        if (LoadSite(check.TopologyFiles[0], inputs, diagnostics) is not { } site)
            return Failed(diagnostics);

        foreach (var entity in request.Entities.SelectMany(e => e).Distinct().Where(e => !site.TryGet(e, out _)))
        {
            var ids = EntityKinds.All.SelectMany(site.OfKind).Select(e => e.Id);
            diagnostics.Add(DiagnosticDescriptors.UnknownEntity, SourceLocation.CommandLine, site.File, entity, NameSuggestions.DidYouMean(entity, ids));
        }

        if (diagnostics.HasErrors)
            return Failed(diagnostics);

        var today = check.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var compiled = CompiledProgram.Compile(program);
        var context = compiled.CreateContext(site, today);
        var found = compiled.Rules.Single(r => ReferenceEquals(r.Rule, rule)).Evaluate(context);

        var recorder = new TraceRecorder(rule, request.Entities);
        var traced = CompiledRule.Compile(rule, recorder, guardScripts: program.ScriptFunctions.Count > 0);
        recorder.Start();
        var tracedFound = traced.Evaluate(context);
        recorder.Stop();
        if (!SameViolations(found, tracedFound))
        {
            diagnostics.Add(DiagnosticDescriptors.ExplanationDisagrees, rule.Info.Location, rule.Id, tracedFound.Count, found.Count);
            return Failed(diagnostics);
        }

        var (outcomes, inForce, suppressed) = Decide(site, rule.Id, tracedFound, recorder.ViolationsKept(), today, severities, baseline);
        var explanation = new Explanation(rule, site.File, today, request.Entities, recorder, outcomes, inForce, suppressed, baseline is not null, new SourceTexts(texts));
        return new ExplainResult { Diagnostics = [], Explanation = explanation };
    }

    private static SiteModel? LoadSite(string topology, CheckInputs inputs, DiagnosticBag diagnostics)
    {
        if (inputs.ReadTopology(topology) is not { } file)
            return null;

        var loaded = TopologyLoader.LoadBytes(file.Bytes, file.DisplayPath);
        diagnostics.AddRange(loaded.Diagnostics);
        return loaded.Model;
    }

    /// <summary>
    /// Applies the site's waivers, then the severity overrides, <c>--warnaserror</c> and the baseline, as a check
    /// does, and keeps what each of them decided for the violations the explanation shows.
    /// </summary>
    private static (Dictionary<Violation, ViolationOutcome>, List<Diagnostic>, List<Diagnostic>) Decide(
        SiteModel site, string ruleId, IReadOnlyList<Violation> violations, IReadOnlySet<Violation> shown, DateOnly today, Severities severities, Baseline? baseline)
    {
        var found = violations.Select(v => (Violation: v, Diagnostic: ViolationFindings.ToDiagnostic(v))).ToList();
        var (notWaived, waived, _, _) = WaiverMatcher.Apply(site.Waivers, [.. found.Select(f => ((IReadOnlyList<Violation>)[f.Violation], f.Diagnostic))], [ruleId], today);
        var outcomes = new Dictionary<Violation, ViolationOutcome>(ReferenceEqualityComparer.Instance);
        var inForce = new List<Diagnostic>();
        var suppressed = new List<Diagnostic>();
        var nextWaived = 0;
        var nextInForce = 0;
        foreach (var (violation, diagnostic) in found)
        {
            var isWaived = nextInForce >= notWaived.Count || !ReferenceEquals(notWaived[nextInForce], diagnostic);
            var afterWaivers = isWaived ? waived[nextWaived++] : notWaived[nextInForce++];
            var final = isWaived
                ? severities.InForce.Apply(afterWaivers)
                : ViolationFindings.Settle(afterWaivers, severities.InForce, baseline);
            if (final is { Baselined: true } || (isWaived && final is not null))
                suppressed.Add(final);
            else if (final is not null)
                inForce.Add(final);

            if (!shown.Contains(violation))
                continue;

            var filed = WaiverMatcher.FiledFor(site.Waivers, violation).ToList();
            var waiver = isWaived ? filed.First(w => w.Location == afterWaivers.Waiver!.Location) : null;
            var overridden = severities.BeforeWarningsAsErrors.Apply(diagnostic)?.Severity;
            outcomes[violation] = new ViolationOutcome(
                diagnostic,
                waiver,
                [.. filed.Where(w => w.Expires < today)],
                waiver is null ? 0 : waiver.Expires.DayNumber - today.DayNumber,
                overridden == diagnostic.Severity ? diagnostic.Severity : overridden,
                severities.SetBy(diagnostic),
                final is not null && overridden == Severity.Warning && final.Severity == Severity.Error,
                final is { Baselined: true },
                final);
        }

        return (outcomes, [.. DiagnosticOrder.Sort(inForce)], [.. DiagnosticOrder.Sort(suppressed)]);
    }

    private static bool SameViolations(IReadOnlyList<Violation> engine, IReadOnlyList<Violation> traced) =>
        engine.Count == traced.Count
        && engine.Zip(traced).All(p => p.First.Message == p.Second.Message
            && ReferenceEquals(p.First.At, p.Second.At)
            && p.First.Bindings.SequenceEqual(p.Second.Bindings, ReferenceEqualityComparer.Instance));

    private static ExplainResult Failed(DiagnosticBag diagnostics) => new() { Diagnostics = DiagnosticOrder.Sort(diagnostics.Items) };

    /// <summary>
    /// The severities of a check, with and without <c>--warnaserror</c>, and where the setting for an id comes
    /// from: the command line or the project over the analyzer config files that apply to the finding's file.
    /// </summary>
    private sealed record Severities(
        SeverityPolicy InForce, SeverityPolicy BeforeWarningsAsErrors, IReadOnlyList<SeveritySetting> Settings, AnalyzerConfigSet Configs, CheckInputs Inputs)
    {
        public string? SetBy(Diagnostic finding)
        {
            var setting = Settings.LastOrDefault(s => string.Equals(s.Id, finding.Id, StringComparison.OrdinalIgnoreCase))
                ?? Configs.For(Inputs.FullPathOf(finding.Location.File)).GetValueOrDefault(finding.Id);
            return setting is null ? null
                : setting.Location.Kind == LocationKind.CommandLine ? "`--severity`"
                : $"the setting at {setting.Location}";
        }
    }
}
