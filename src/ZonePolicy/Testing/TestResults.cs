using ZonePolicy.Diagnostics;

namespace ZonePolicy.Testing;

internal enum FixtureOutcome
{
    Passed,
    Failed,

    /// <summary>The fixture, its expectations or the pack's rules could not be read: nothing was judged.</summary>
    Invalid,
}

/// <summary>How one fixture fared: what was expected but not reported, what was reported but not expected.</summary>
internal sealed record FixtureResult(
    TestFixture Fixture,
    FixtureOutcome Outcome,
    IReadOnlyList<ExpectedDiagnostic> Missing,
    IReadOnlyList<Diagnostic> Unexpected,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Whether some fixture made the rule fire, and whether some fixture checked it and saw it stay quiet.</summary>
internal sealed record RuleCoverage(string RuleId, bool Violated, bool Passed);

/// <summary>
/// The outcome of one pack's tests. <see cref="Coverage"/> is null when it was not worked out: when only
/// some cases ran, or none could be judged.
/// </summary>
internal sealed record PackTestResult(
    PackTestSuite Suite,
    DateOnly? Today,
    IReadOnlyList<FixtureResult> Fixtures,
    IReadOnlyList<RuleCoverage>? Coverage,
    bool CoverageRequired,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Coverage counts as one more test case when it is required and was worked out.</summary>
    public bool CoverageChecked => CoverageRequired && Coverage is not null;

    public bool CoverageComplete => Coverage is not null && Coverage.All(c => c.Violated && c.Passed);

    public bool CoverageFailed => CoverageChecked && !CoverageComplete;

    public int Passed => Fixtures.Count(f => f.Outcome == FixtureOutcome.Passed) + (CoverageChecked && CoverageComplete ? 1 : 0);

    public int Failed => Fixtures.Count(f => f.Outcome != FixtureOutcome.Passed) + (CoverageFailed ? 1 : 0);

    public bool IsInvalid => Diagnostics.Any(d => d.Severity == Severity.Error) || Fixtures.Any(f => f.Outcome == FixtureOutcome.Invalid);
}

/// <summary>The outcome of a <c>zpol test</c> run over one or more packs.</summary>
internal sealed record TestRunResult(IReadOnlyList<PackTestResult> Packs, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int Passed => Packs.Sum(p => p.Passed);

    public int Failed => Packs.Sum(p => p.Failed);

    /// <summary>0 every case passed; 1 a case or a required coverage failed; 2 invalid input; 3 internal error.</summary>
    public int ExitCode =>
        AllDiagnostics.Any(d => d.Id == DiagnosticIds.InternalError) ? 3
        : Diagnostics.Count > 0 || Packs.Any(p => p.IsInvalid) ? 2
        : Failed > 0 ? 1
        : 0;

    private IEnumerable<Diagnostic> AllDiagnostics =>
        Diagnostics
            .Concat(Packs.SelectMany(p => p.Diagnostics))
            .Concat(Packs.SelectMany(p => p.Fixtures).SelectMany(f => f.Diagnostics));
}
