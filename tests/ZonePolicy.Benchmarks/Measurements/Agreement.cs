using ZonePolicy.Benchmarks.HandWritten;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// Checks that the hand-written rules find what the engine finds (rule, entities and message of every
/// violation, and the number waived), so the benchmark compares equal work.
/// </summary>
internal static class Agreement
{
    public static bool Verify(int assets, TextWriter output)
    {
        var topology = BenchmarkFiles.Site(assets);
        var engine = EnginePipeline.Check(topology, BenchmarkFiles.RuleFile);
        var handWritten = HandWrittenRules.Check(EnginePipeline.Load(topology), BenchmarkFiles.Today);

        var engineFindings = engine.Diagnostics.Where(d => d.Rule is not null)
            .Select(d => $"{d.Id} {string.Join(" ", d.Entities)}: {d.Message}").ToList();
        var handFindings = handWritten.InForce.Select(f => $"{f.Identity}: {f.Message}").ToList();
        var engineSuppressed = engine.Suppressed.Count(d => d.Waiver is not null);

        output.WriteLine($"{assets} assets: engine {engineFindings.Count} violations ({engineSuppressed} waived), hand-written {handFindings.Count} ({handWritten.Suppressed} waived)");
        foreach (var rule in engineFindings.Concat(handFindings).Select(RuleOf).Distinct().Order(StringComparer.Ordinal))
        {
            output.WriteLine($"  {rule,-12} engine {engineFindings.Count(f => RuleOf(f) == rule),7}  hand-written {handFindings.Count(f => RuleOf(f) == rule),7}");
        }

        var onlyEngine = engineFindings.Except(handFindings).ToList();
        var onlyHand = handFindings.Except(engineFindings).ToList();
        foreach (var finding in onlyEngine.Take(5))
        {
            output.WriteLine($"  only the engine: {finding}");
        }

        foreach (var finding in onlyHand.Take(5))
        {
            output.WriteLine($"  only hand-written: {finding}");
        }

        var engineOther = engine.Diagnostics.Where(d => d.Rule is null).GroupBy(d => d.Id).Select(g => $"{g.Key} x{g.Count()}");
        output.WriteLine($"  engine diagnostics besides violations: {string.Join(", ", engineOther)}");

        var agree = onlyEngine.Count == 0 && onlyHand.Count == 0 && engineSuppressed == handWritten.Suppressed;
        output.WriteLine(agree ? "  agree" : "  DISAGREE");
        return agree;
    }

    private static string RuleOf(string finding) => finding[..finding.IndexOf(' ')];
}
