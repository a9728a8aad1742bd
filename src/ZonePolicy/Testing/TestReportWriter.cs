using ZonePolicy.Diagnostics;

namespace ZonePolicy.Testing;

/// <summary>
/// Writes a test run as text: per pack a header, its own diagnostics, one line per case (PASS, FAIL,
/// INVALID) with the diff of a failed case as expectation lines ready to paste, the coverage, and last
/// the summary line <c>N passed, M failed</c>.
/// </summary>
internal static class TestReportWriter
{
    public static void Write(TestRunResult run, TextWriter output)
    {
        foreach (var diagnostic in run.Diagnostics)
        {
            output.WriteLine(diagnostic.ToCanonicalString());
        }

        foreach (var pack in run.Packs)
        {
            WritePack(pack, output);
        }

        output.WriteLine($"{run.Passed} passed, {run.Failed} failed");
    }

    private static void WritePack(PackTestResult pack, TextWriter output)
    {
        var today = pack.Today is { } date ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "not fixed";
        output.WriteLine($"pack {pack.Suite.Name} ({pack.Suite.Folder}), today {today}");
        foreach (var diagnostic in pack.Diagnostics)
        {
            output.WriteLine(diagnostic.ToCanonicalString());
        }

        foreach (var fixture in pack.Fixtures)
        {
            WriteFixture(pack.Suite.Name, fixture, output);
        }

        WriteCoverage(pack, output);
    }

    private static void WriteFixture(string packName, FixtureResult result, TextWriter output)
    {
        var label = result.Outcome switch
        {
            FixtureOutcome.Passed => "PASS",
            FixtureOutcome.Failed => "FAIL",
            _ => "INVALID",
        };
        output.WriteLine($"{label} {packName}/{result.Fixture.Name}");
        foreach (var missing in result.Missing)
        {
            output.WriteLine($"  missing:    {missing.Key}");
            output.WriteLine($"    expected at {missing.Location}");
        }

        foreach (var unexpected in result.Unexpected)
        {
            output.WriteLine($"  unexpected: {ViolationKey.Of(unexpected)}");
            output.WriteLine($"    {unexpected.ToCanonicalString()}");
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine($"  {diagnostic.ToCanonicalString()}");
        }
    }

    private static void WriteCoverage(PackTestResult pack, TextWriter output)
    {
        if (pack.Coverage is not { } coverage)
        {
            return;
        }

        var violated = coverage.Count(c => c.Violated);
        var passed = coverage.Count(c => c.Passed);
        output.WriteLine($"coverage {pack.Suite.Name}: {coverage.Count} rules, {violated} violated by a case, {passed} passed by a case");
        WriteGap("never violated:", coverage.Where(c => !c.Violated), output);
        WriteGap("never passed:  ", coverage.Where(c => !c.Passed), output);
        if (pack.CoverageRequired)
        {
            output.WriteLine($"{(pack.CoverageComplete ? "PASS" : "FAIL")} {pack.Suite.Name}/coverage");
        }
    }

    private static void WriteGap(string label, IEnumerable<RuleCoverage> rules, TextWriter output)
    {
        var ids = rules.Select(r => r.RuleId).ToList();
        if (ids.Count > 0)
        {
            output.WriteLine($"  {label} {string.Join(' ', ids)}");
        }
    }
}
