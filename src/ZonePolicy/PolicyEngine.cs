using System.Runtime.CompilerServices;
using ZonePolicy.Binding;
using ZonePolicy.Compliance;
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
    public static CheckResult Check(CheckRequest request) => CheckIn(session: null, request);

    /// <summary>A check that keeps what it can reuse in <paramref name="session"/> (see <see cref="CheckSession"/>).</summary>
    internal static CheckResult CheckIn(CheckSession? session, CheckRequest request)
    {
        try
        {
            return new Checker(request, session).Run();
        }
        catch (Exception e)
        {
            var diagnostic = InternalError(e);
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
            return new ExplainResult { Diagnostics = [InternalError(e)] };
        }
    }

    /// <summary>The shortest attack paths over what a site's network permits (<c>zpol paths</c>).</summary>
    public static PathsResult FindPaths(PathsRequest request)
    {
        try
        {
            return PathFinder.Find(request);
        }
        catch (Exception e)
        {
            var diagnostic = InternalError(e);
            return new PathsResult { Request = request, Diagnostics = [diagnostic], Paths = [], InputInvalid = true };
        }
    }

    /// <summary>What a change to a site opens, closes, introduces and fixes (<c>zpol diff</c>).</summary>
    public static DiffResult Diff(DiffRequest request)
    {
        try
        {
            return SiteDiff.Compare(request);
        }
        catch (Exception e)
        {
            var diagnostic = InternalError(e);
            return new DiffResult
            {
                Request = request,
                Diagnostics = [diagnostic],
                Entities = [],
                Crossings = [],
                Paths = [],
                NewViolations = [],
                FixedViolations = [],
                WaivedViolations = [],
                UnchangedViolations = 0,
                Checked = false,
                InputInvalid = true,
            };
        }
    }

    private static Diagnostic InternalError(Exception e) =>
        Diagnostic.Create(DiagnosticDescriptors.InternalError, SourceLocation.None, e.GetType().Name, e.Message);

    /// <summary>
    /// Reads the inputs of a request, parses and binds its rules and reads its settings, as every command that
    /// evaluates rules needs them, with the C# functions of its packs loaded; <paramref name="texts"/>, when given,
    /// receives each rule file's text. In a <paramref name="session"/>, unchanged rule files are not parsed again
    /// and an unchanged program is not bound or compiled again (<see cref="PreparedRules.Compiled"/> is then the
    /// program compiled before).
    /// </summary>
    internal static PreparedRules Prepare(CheckRequest request, DiagnosticBag diagnostics, Dictionary<string, string>? texts = null, CheckSession? session = null)
    {
        var inputs = new CheckInputs(request, diagnostics);
        var configs = AnalyzerConfigSet.Read(request.AnalyzerConfigFiles, inputs, diagnostics);
        var overrides = ParameterValues.Read(request.Parameters, request.SettingsLocation, diagnostics);
        var loader = new RuleSourceLoader(diagnostics, inputs, session?.Parses, texts);
        var modules = loader.Load(request);
        var (program, compiled) = diagnostics.HasErrors ? (null, null) : Bind(modules, overrides, diagnostics, session);
        if (program is not null && !diagnostics.HasErrors)
        {
            var cache = request.ScriptCacheDirectory is { } folder ? new ScriptCache(folder) : ScriptCache.Default;
            var scripts = ScriptFunctionLoader.Load(program.ScriptFunctions, cache, inputs, diagnostics);
            session?.RunScripts(scripts);
        }

        var rules = program?.Rules.Select(r => r.Info).OrderBy(r => r.Id, StringComparer.Ordinal).ToList() ?? [];
        var baseline = request.BaselineFile is { } baselineFile ? Baseline.Read(baselineFile, inputs, diagnostics) : null;
        return new PreparedRules(inputs, configs, program, rules, baseline) { Compiled = compiled, LockUpdate = loader.LockUpdate };
    }

    private static (BoundProgram Program, CompiledProgram? Compiled) Bind(
        IReadOnlyList<SourceModule> modules, IReadOnlyList<ParameterOverride> overrides, DiagnosticBag diagnostics, CheckSession? session)
    {
        if (session is null)
        {
            return (ProgramBinder.Bind(modules, overrides, diagnostics), null);
        }

        var (program, compiled, bindingDiagnostics) = session.Programs.Bind(modules, overrides);
        diagnostics.AddRange(bindingDiagnostics);
        return (program, compiled);
    }

    /// <summary>One check from inputs to sorted diagnostics.</summary>
    private sealed class Checker(CheckRequest request, CheckSession? session)
    {
        private readonly DiagnosticBag diagnostics = new();
        private readonly List<Diagnostic> suppressed = [];

        // Violations are distinct by their bindings already: two with the same place and message are both kept.
        private readonly List<Diagnostic> violations = [];
        private readonly List<SiteSummary> sites = [];
        private readonly List<SiteFacts> compliance = [];
        private IReadOnlyList<BoundCatalogue> catalogues = [];
        private DateOnly? evaluationDate;
        private bool inputInvalid;
        private PackLockUpdate? lockUpdate;

        public CheckResult Run()
        {
            var prepared = Prepare(request, diagnostics, session: session);
            var (inputs, configs, program, rules, baseline) = prepared;
            lockUpdate = prepared.LockUpdate;
            catalogues = program is null || diagnostics.HasErrors ? [] : CatalogueBinder.Bind(program, inputs, diagnostics);

            if (program is null || diagnostics.HasErrors)
            {
                return Finish(inputs, configs, rules, baseline, invalid: true);
            }

            var compiled = prepared.Compiled ?? CompiledProgram.Compile(program);
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

            var loaded = Load(inputs, ref file);
            diagnostics.AddRange(loaded.Diagnostics);
            if (loaded.Model is not { } site)
            {
                inputInvalid = true;
                return;
            }

            CollectLoadGarbage(site);
            var bindings = new Dictionary<string, int>(StringComparer.Ordinal);
            var (findingsOfSite, waivedOfSite) = (violations.Count..violations.Count, suppressed.Count..suppressed.Count);
            var rulesRun = program.Rules.Select(r => r.Rule.Id).ToList();
            EvaluationContext? context;
            List<(Waiver Waiver, WaiverState State, int Suppressed)> waiverStates;
            if (session is null && program.Rules.All(r => r.Rule.Info.Equivalents.Count == 0))
            {
                // Each rule's findings are made as its violations are found (see RuleFindings): nothing to merge.
                var index = new WaiverMatcher.WaiverIndex(site.Waivers, today);
                (var outcomes, context) = Evaluate(program, site, file, today, bindings, _ => new RuleFindings(site.Waivers, index));
                var used = new int[site.Waivers.Count];
                var found = outcomes.Select(o => o?.Failure is null ? o?.Sink as RuleFindings : null).OfType<RuleFindings>().ToList();
                violations.EnsureCapacity(violations.Count + found.Sum(f => f.InForce.Count));
                foreach (var rule in found)
                {
                    violations.AddRange(rule.InForce);
                    suppressed.AddRange(rule.Suppressed);
                    for (var position = 0; rule.Used is { } counts && position < counts.Length; position++)
                    {
                        used[position] += counts[position];
                    }
                }

                (var waiverDiagnostics, waiverStates) = WaiverMatcher.Conclude(site.Waivers, used, rulesRun, today);
                diagnostics.AddRange(waiverDiagnostics);
            }
            else
            {
                (var outcomes, context) = Evaluate(program, site, file, today, bindings, sinks: null);
                List<(Violation, Diagnostic)> found = [.. outcomes.SelectMany(o => o.Violations.Select(v => (v, ViolationFindings.ToDiagnostic(v))))];
                (var inForce, var waived, var waiverDiagnostics, waiverStates) = WaiverMatcher.Apply(site.Waivers, SharedFindings.Merge(found), rulesRun, today);
                violations.AddRange(inForce);
                diagnostics.AddRange(waiverDiagnostics);
                suppressed.AddRange(waived);
            }

            (findingsOfSite, waivedOfSite) = (findingsOfSite.Start..violations.Count, waivedOfSite.Start..suppressed.Count);
            if (catalogues.Count > 0)
            {
                var (clauses, attestationDiagnostics) = ClauseFactFinder.Gather(
                    catalogues, site, context ?? program.CreateContext(site, today, request.EvaluationBudget), bindings, today);
                diagnostics.AddRange(attestationDiagnostics);
                if (request.Compliance)
                {
                    compliance.Add(new SiteFacts(site, clauses, findingsOfSite, waivedOfSite));
                }
            }

            if (request.DescribeSites)
            {
                sites.Add(SiteDescriber.Describe(site, waiverStates));
            }
        }

        /// <summary>Below this many assets and flows, what loading a site leaves behind is a few tens of megabytes.</summary>
        private const int LargeSite = 100_000;

        /// <summary>
        /// Collects, once a large site is loaded, what loading it left behind (its file's bytes and the reader's
        /// tables, more than the model itself): the findings of the rules then fill the space it freed instead of
        /// growing the heap past that garbage, which lowers a large check's peak working set. Not in a session, whose
        /// edits load small sites often.
        /// </summary>
        private void CollectLoadGarbage(SiteModel site)
        {
            if (session is null && site.OfKind(EntityKind.Asset).Count + site.OfKind(EntityKind.Flow).Count >= LargeSite)
            {
                // Swept, not compacted: moving the model's objects would cost more than the holes it leaves.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
            }
        }

        /// <summary>
        /// Loads the topology of <paramref name="file"/>; outside a session, <paramref name="file"/> is then the file
        /// without its bytes. A method of its own, so that nothing of the caller's keeps the bytes reachable while
        /// the rules are evaluated (code compiled without optimizations keeps every temporary of a method alive).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private LoadResult Load(CheckInputs inputs, ref InputFile file)
        {
            if (session is not null)
            {
                // The session keeps the bytes itself, to know when the file changes.
                return session.Sites.Load(file);
            }

            var loaded = TopologyLoader.LoadBytes(file.Bytes, file.DisplayPath);
            file = inputs.Release(file);
            return loaded;
        }

        /// <summary>
        /// Every rule over the site, except those whose findings the session already knows for this program and date
        /// (it keeps them until the site changes in something they read), with the context the rules ran in (null when
        /// none ran). A check with clause catalogues runs every rule: the matrix needs the bindings each rule checked,
        /// which <paramref name="bindings"/> receives. Each rule's outcome in rule order, its violations those the
        /// session knew for a rule it did not evaluate again; with <paramref name="sinks"/>, the violations of each
        /// rule evaluated went to its sink instead.
        /// </summary>
        private (List<RuleOutcome> Outcomes, EvaluationContext? Context) Evaluate(
            CompiledProgram program, SiteModel site, InputFile file, DateOnly today, Dictionary<string, int> bindings, Func<int, IViolationSink>? sinks)
        {
            var reuse = catalogues.Count == 0 ? session?.Sites.Reuse(file, program, today) : null;
            var byRule = new IReadOnlyList<Violation>[program.Rules.Count];
            var known = new RuleOutcome?[program.Rules.Count];
            var pending = new List<int>();
            for (var index = 0; index < byRule.Length; index++)
            {
                if (reuse?.For(index) is { } violationsKnown)
                {
                    byRule[index] = violationsKnown;
                    known[index] = new RuleOutcome(violationsKnown, 0, [], null);
                }
                else
                {
                    pending.Add(index);
                }
            }

            var (outcomes, context) = SiteEvaluation.Run(program, site, today, request.EvaluationBudget, pending, SiteEvaluation.ThreadsFor(site), sinks);
            var failed = false;
            var problems = new List<Diagnostic>();
            foreach (var index in pending)
            {
                var outcome = known[index] = outcomes[index]!;
                var (found, checkedBindings, ruleProblems, failure) = outcome;
                var rule = program.Rules[index].Rule;
                byRule[index] = found;
                problems.AddRange(ruleProblems);
                if (failure is null)
                {
                    bindings[rule.Id] = checkedBindings;
                    continue;
                }

                failed = true;
                diagnostics.Add(DiagnosticDescriptors.RuleEvaluationFailed, rule.Info.Location, rule.Id, file.DisplayPath, failure.GetType().Name, failure.Message);
            }

            diagnostics.AddRange(problems);

            // A failure or an incomplete rule is reported by the check that met it; the next one evaluates again and reports it again.
            if (!failed && problems.Count == 0)
            {
                session?.Sites.Remember(file, program, today, byRule);
            }

            return ([.. known.Select(outcome => outcome!)], context);
        }

        private CheckResult Finish(CheckInputs inputs, AnalyzerConfigSet configs, IReadOnlyList<RuleInfo> rules, Baseline? baseline, bool invalid)
        {
            if (lockUpdate?.Write(inputs.Files) is { } refused)
            {
                diagnostics.Add(refused);
            }

            var severities = SeverityPolicy.Create(request.Severities, configs, rules, request.WarningsAsErrors, inputs.FullPathOf, diagnostics);
            // Sized for every finding at once: a large check's list would otherwise be copied as it grows, at its peak of memory.
            var inForce = new List<Diagnostic>(diagnostics.Items.Count + violations.Count);
            var quiet = new List<Diagnostic>();
            foreach (var diagnostic in diagnostics.Items)
            {
                Keep(ViolationFindings.Settle(diagnostic, severities, baseline));
            }

            // Each finding as the check reports it (null when turned off), by position: the compliance matrix reads its sites' findings from these.
            var findings = new Diagnostic?[violations.Count];
            for (var i = 0; i < findings.Length; i++)
            {
                Keep(findings[i] = ViolationFindings.Settle(violations[i], severities, baseline));
            }

            var waived = new Diagnostic?[suppressed.Count];
            for (var i = 0; i < waived.Length; i++)
            {
                if ((waived[i] = SharedFindings.Adjust(suppressed[i], severities.Applier)) is { } kept)
                {
                    quiet.Add(kept);
                }
            }

            var rulesById = rules.ToDictionary(rule => rule.Id, StringComparer.Ordinal);
            return new CheckResult
            {
                Compliance = compliance.Select(site => ComplianceBuilder.Build(
                    site, findings.AsSpan(site.Findings), waived.AsSpan(site.Waived), rule => rulesById.TryGetValue(rule, out var info) && severities.TurnsOff(info, site.Site.File))).ToList(),
                Diagnostics = inForce,
                Suppressed = quiet,
                Rules = rules,
                Sites = sites,
                Today = evaluationDate,
                BaselineApplied = baseline is not null,
                InputInvalid = invalid || diagnostics.Items.Any(d => SeverityPolicy.IsInvalidInput(d.Id)),
                Inputs = inputs.Files,
            };

            void Keep(Diagnostic? settled)
            {
                switch (settled)
                {
                    case { Baselined: true }:
                        quiet.Add(settled);
                        break;
                    case { }:
                        inForce.Add(settled);
                        break;
                }
            }
        }
    }
}

/// <summary>What every command that evaluates rules reads first: the inputs, the analyzer configs, the bound rules (null when they have errors), every rule's info, the baseline.</summary>
internal sealed record PreparedRules(CheckInputs Inputs, AnalyzerConfigSet Configs, BoundProgram? Program, IReadOnlyList<RuleInfo> Rules, Baseline? Baseline)
{
    /// <summary>The program as a session compiled it before, or null when it is still to be compiled.</summary>
    public CompiledProgram? Compiled { get; init; }

    /// <summary>The pack lock file a check writes once it has read every input, when resolving packs changed it.</summary>
    public PackLockUpdate? LockUpdate { get; init; }
}
