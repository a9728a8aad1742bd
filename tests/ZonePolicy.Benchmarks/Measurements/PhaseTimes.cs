using System.Diagnostics;
using ZonePolicy.Benchmarks.HandWritten;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// Times the phases of one check, and each rule on its own, with a stopwatch: where the time of a full
/// check goes, and how it grows with the site. One run per size after a warm-up on the smallest site.
/// </summary>
internal static class PhaseTimes
{
    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        var program = EnginePipeline.Compile(BenchmarkFiles.RuleFile);
        output.WriteLine(CodeForm.Describe());
        MeasureCompile(BenchmarkFiles.RulePack(1_000), TextWriter.Null);
        MeasureCompile(BenchmarkFiles.RulePack(1_000), output);
        Measure(sizes.Min(), program, TextWriter.Null);
        foreach (var assets in sizes)
        {
            Measure(assets, program, output);
        }
    }

    private static void Measure(int assets, Evaluation.CompiledProgram program, TextWriter output)
    {
        var topology = BenchmarkFiles.Site(assets);
        var size = new FileInfo(topology).Length;
        Collect();

        var loadPhases = LoadPhases(topology);
        Collect();
        var clock = Stopwatch.StartNew();
        var site = EnginePipeline.Load(topology);
        var load = clock.Elapsed;

        clock.Restart();
        EnginePipeline.Compile(BenchmarkFiles.RuleFile);
        var compile = clock.Elapsed;

        clock.Restart();
        _ = new Evaluation.SiteGraph(site, new Evaluation.AssetIndex(site));
        var graph = clock.Elapsed;

        var context = program.CreateContext(site, BenchmarkFiles.Today);
        var perRule = new List<(string Rule, TimeSpan Time, int Violations)>();
        var violations = new List<Evaluation.Violation>();
        foreach (var rule in program.Rules)
        {
            clock.Restart();
            var found = rule.Evaluate(context);
            perRule.Add((rule.Rule.Id, clock.Elapsed, found.Count));
            violations.AddRange(found);
        }

        var reportPhases = ReportPhases(violations, site, program);

        var evaluate = perRule.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Time);

        clock.Restart();
        var handWritten = HandWrittenRules.Check(site, BenchmarkFiles.Today);
        var hand = clock.Elapsed;

        Collect();
        clock.Restart();
        var result = EnginePipeline.Check(topology, BenchmarkFiles.RuleFile);
        var check = clock.Elapsed;

        output.WriteLine($"{assets:N0} assets ({size / (1024.0 * 1024.0):F1} MB of JSON, {site.OfKind(Types.EntityKind.Flow).Count:N0} flows)");
        output.WriteLine($"  load+validate        {Ms(load)}");
        foreach (var (phase, time) in loadPhases)
        {
            output.WriteLine($"    {phase,-16}   {Ms(time)}");
        }

        output.WriteLine($"  compile rules        {Ms(compile)}");
        output.WriteLine($"  evaluate rules       {Ms(evaluate)}   ({perRule.Sum(r => r.Violations):N0} violations)");
        foreach (var (rule, time, count) in perRule.OrderByDescending(r => r.Time).Take(8))
        {
            output.WriteLine($"    {rule,-14}     {Ms(time)}   ({count:N0})");
        }

        output.WriteLine($"    (the flow graph the first path rule builds: {Ms(graph).Trim()} on its own)");

        foreach (var (phase, time) in reportPhases)
        {
            output.WriteLine($"  {phase,-20} {Ms(time)}");
        }
        output.WriteLine($"  full check           {Ms(check)}   ({result.Diagnostics.Count:N0} diagnostics in force)");
        output.WriteLine($"  hand-written rules   {Ms(hand)}   ({handWritten.InForce.Count:N0} in force)");
        output.WriteLine($"  check / load         {check / load:F2}");
        output.WriteLine($"  check / (load+hand)  {check / (load + hand):F2}");
        output.WriteLine();
    }

    /// <summary>What the check does with the violations, step by step as <see cref="PolicyEngine"/> does it.</summary>
    private static List<(string Phase, TimeSpan Time)> ReportPhases(List<Evaluation.Violation> violations, Topology.SiteModel site, Evaluation.CompiledProgram program)
    {
        var phases = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        var diagnosed = violations.Select(v => (v, Findings.ViolationFindings.ToDiagnostic(v))).ToList();
        phases.Add(("to diagnostics", clock.Elapsed));

        clock.Restart();
        var findings = Evaluation.SharedFindings.Merge(diagnosed);
        phases.Add(("merge shared findings", clock.Elapsed));

        clock.Restart();
        var (inForce, _, notes, _) = Findings.WaiverMatcher.Apply(site.Waivers, findings, [.. program.Rules.Select(r => r.Rule.Id)], BenchmarkFiles.Today);
        phases.Add(("match waivers", clock.Elapsed));

        clock.Restart();
        var bag = new Diagnostics.DiagnosticBag();
        var rules = program.Rules.Select(r => r.Rule.Info).ToList();
        var severities = Findings.SeverityPolicy.Create([], Configuration.AnalyzerConfigSet.Create([], bag), rules, warningsAsErrors: false, _ => null, bag);
        var settled = inForce.Concat(notes).Select(d => Findings.ViolationFindings.Settle(d, severities, baseline: null)).OfType<Diagnostics.Diagnostic>().ToList();
        phases.Add(("settle severities", clock.Elapsed));

        clock.Restart();
        Diagnostics.DiagnosticOrder.Sort(settled);
        phases.Add(("sort", clock.Elapsed));
        return phases;
    }

    /// <summary>The steps of <see cref="Topology.TopologyLoader.Load"/> on a valid file, one by one, in a run of their own.</summary>
    private static List<(string Phase, TimeSpan Time)> LoadPhases(string topology)
    {
        var phases = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        var text = new Topology.SourceText(topology, Topology.JsonScanner.WithoutBom(File.ReadAllBytes(topology)));
        phases.Add(("read, lines", clock.Elapsed));

        clock.Restart();
        Topology.JsonScanner.HasEncodingProblem(text);
        phases.Add(("encoding", clock.Elapsed));

        clock.Restart();
        var model = Topology.TopologyReader.TryRead(text)!;
        phases.Add(("check and store", clock.Elapsed));

        clock.Restart();
        Topology.ConnectivityIndexer.Check(model, []);
        phases.Add(("connectivity", clock.Elapsed));
        return phases;
    }

    /// <summary>The compile phases of a pack, each the fastest of five runs.</summary>
    private static void MeasureCompile(string pack, TextWriter output)
    {
        var read = TimeSpan.MaxValue;
        var bind = TimeSpan.MaxValue;
        var compile = TimeSpan.MaxValue;
        var rules = 0;
        for (var run = 0; run < 5; run++)
        {
            var diagnostics = new Diagnostics.DiagnosticBag();
            var clock = Stopwatch.StartNew();
            var request = new CheckRequest { RuleSources = [pack] };
            var modules = new Binding.RuleSourceLoader(diagnostics, new Inputs.CheckInputs(request, diagnostics)).Load(request);
            read = Min(read, clock.Elapsed);
            clock.Restart();
            var bound = Binding.ProgramBinder.Bind(modules, [], diagnostics);
            bind = Min(bind, clock.Elapsed);
            clock.Restart();
            rules = Evaluation.CompiledProgram.Compile(bound).Rules.Count;
            compile = Min(compile, clock.Elapsed);
        }

        output.WriteLine($"{rules:N0}-rule pack (fastest of 5)");
        output.WriteLine($"  read+parse           {Ms(read)}");
        output.WriteLine($"  bind+type-check      {Ms(bind)}");
        output.WriteLine($"  compile              {Ms(compile)}");
        output.WriteLine();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds,10:N1} ms";

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
