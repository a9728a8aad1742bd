using ZonePolicy.Diagnostics;

namespace ZonePolicy.Testing;

/// <summary>What the command line adds to a pack's own test settings.</summary>
internal sealed record PackTestOptions
{
    /// <summary>Overrides every fixture's and the pack's <c>today</c>.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>Overrides the pack's <c>require-coverage</c> setting when set.</summary>
    public bool? RequireCoverage { get; init; }

    /// <summary>Runs only these cases (by name); coverage is then reported but never required.</summary>
    public IReadOnlyList<string> Cases { get; init; } = [];

    /// <summary>Folders of packs the pack's dependencies are looked up in, before the folder the pack sits in.</summary>
    public IReadOnlyList<string> PackDirectories { get; init; } = [];

    /// <summary>Folders of the packs that ship with ZonePolicy, searched after those.</summary>
    public IReadOnlyList<string> ShippedPackDirectories { get; init; } = [];

    /// <summary>Dependencies whose C# functions may run; the pack under test is always trusted.</summary>
    public IReadOnlyList<string> TrustedPacks { get; init; } = [];

    /// <summary>Where the NuGet feeds for dependencies are configured; none when null.</summary>
    public string? NuGetConfigDirectory { get; init; }
}

/// <summary>
/// Runs a pack's fixtures: checks each topology against the pack's rules with the fixture's date and
/// parameters, compares the diagnostics in force with the expectation, and works out which rules some
/// fixture made fire and which some fixture saw stay quiet.
/// </summary>
internal sealed class PackTestRunner(Func<CheckRequest, CheckResult> check)
{
    public PackTestResult Run(PackTestSuite suite, PackTestOptions options)
    {
        var packDiagnostics = new List<Diagnostic>(suite.Diagnostics);
        var fixtures = Select(suite, options, packDiagnostics);
        var runs = fixtures.Select(f => new FixtureRun(f, f.IsInvalid ? null : Check(suite, f, options))).ToList();
        var rules = runs.SelectMany(r => r.Result?.Rules ?? []).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var results = runs.Select(run => Judge(run, suite, rules, packDiagnostics)).ToList();
        // Coverage means something only over the whole suite, and only when some case could be judged.
        var coverage = options.Cases.Count == 0 && results.Exists(r => r.Outcome != FixtureOutcome.Invalid) ? Coverage(rules, results, runs) : null;
        var distinct = packDiagnostics.DistinctBy(d => d.ToCanonicalString()).ToList();
        return new PackTestResult(suite, options.Today ?? suite.Settings.Today, results, coverage, options.RequireCoverage ?? suite.Settings.RequireCoverage, distinct);
    }

    private static List<TestFixture> Select(PackTestSuite suite, PackTestOptions options, List<Diagnostic> diagnostics)
    {
        foreach (var name in options.Cases.Where(c => !suite.Fixtures.Any(f => f.Name == c)))
        {
            var suggestion = NameSuggestions.DidYouMean(name, suite.Fixtures.Select(f => f.Name));
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MissingTestFixture, SourceLocation.CommandLine, suite.Name, name, suggestion));
        }

        return options.Cases.Count == 0 ? [.. suite.Fixtures] : [.. suite.Fixtures.Where(f => options.Cases.Contains(f.Name))];
    }

    private CheckResult Check(PackTestSuite suite, TestFixture fixture, PackTestOptions options)
    {
        var parameters = suite.Settings.Parameters
            .Where(p => !fixture.Directives.Parameters.Exists(f => f.Key == p.Key))
            .Concat(fixture.Directives.Parameters)
            .ToList();
        var severities = suite.Settings.Severities
            .Where(s => !fixture.Directives.Severities.Exists(f => string.Equals(f.Id, s.Id, StringComparison.OrdinalIgnoreCase)))
            .Concat(fixture.Directives.Severities)
            .ToList();
        // The pack under test is the author's own code: its C# runs. Its dependencies are looked up in the
        // given folders, then beside it (a repository of packs), then where the packs of ZonePolicy ship.
        var beside = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(suite.Folder)));
        var request = new CheckRequest
        {
            TopologyFiles = [fixture.TopologyFile],
            RuleSources = [suite.Folder],
            Parameters = parameters,
            Severities = severities,
            Today = options.Today ?? fixture.Directives.Today ?? suite.Settings.Today,
            PackDirectories = [.. options.PackDirectories, .. beside is null ? [] : new[] { beside }],
            ShippedPackDirectories = options.ShippedPackDirectories,
            TrustedPacks = [.. options.TrustedPacks, suite.Name],
            NuGetConfigDirectory = options.NuGetConfigDirectory,
        };
        try
        {
            return check(request);
        }
        catch (Exception exception)
        {
            // A crash is a bug in the engine, but the run must still report it as a diagnostic and go on.
            var diagnostic = Diagnostic.Create(DiagnosticDescriptors.FixtureCheckFailed, SourceLocation.InFile(fixture.TopologyFile), exception.GetType().Name, exception.Message);
            return new CheckResult { Diagnostics = [diagnostic], Suppressed = [], Rules = [], InputInvalid = true };
        }
    }

    private static FixtureResult Judge(FixtureRun run, PackTestSuite suite, HashSet<string> rules, List<Diagnostic> packDiagnostics)
    {
        var fixture = run.Fixture;
        if (run.Result is null)
        {
            return Invalid(fixture, fixture.Diagnostics);
        }

        var own = new List<Diagnostic>();
        foreach (var diagnostic in run.Result.Diagnostics.Where(d => d.Rule is null))
        {
            (IsIn(diagnostic, fixture) ? own : packDiagnostics).Add(diagnostic);
        }

        if (run.Result.InputInvalid)
        {
            return Invalid(fixture, own.Where(d => d.Severity == Severity.Error).ToList());
        }

        var unknown = UnknownIds(fixture, suite, rules);
        if (unknown.Count > 0)
        {
            return Invalid(fixture, unknown);
        }

        var actual = run.Result.Diagnostics
            .SelectMany(d => d.PerRule)
            .Where(d => d.Rule is not null ? fixture.Directives.InScope(d.Id) : IsIn(d, fixture))
            .DistinctBy(ViolationKey.Of)
            .ToList();
        var expected = fixture.Directives.Expected.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var reported = actual.Select(ViolationKey.Of).ToHashSet(StringComparer.Ordinal);
        var missing = fixture.Directives.Expected.Where(e => !reported.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var unexpected = actual.Where(d => !expected.Contains(ViolationKey.Of(d))).ToList();
        var outcome = missing.Count == 0 && unexpected.Count == 0 ? FixtureOutcome.Passed : FixtureOutcome.Failed;
        return new FixtureResult(fixture, outcome, missing, unexpected, []);
    }

    /// <summary>Rule ids in <c>only</c> and expected lines must name rules of the pack (or engine ids), or the case tests nothing.</summary>
    private static List<Diagnostic> UnknownIds(TestFixture fixture, PackTestSuite suite, HashSet<string> rules)
    {
        var diagnostics = new List<Diagnostic>();
        if (rules.Count == 0)
        {
            return diagnostics;
        }

        foreach (var scoped in fixture.Directives.Only ?? [])
        {
            if (!rules.Contains(scoped.Id))
            {
                diagnostics.Add(Unknown(scoped.Id, scoped.Location, suite, rules));
            }
        }

        foreach (var expected in fixture.Directives.Expected)
        {
            if (!rules.Contains(expected.Id) && !DiagnosticDescriptors.IsEngineId(expected.Id))
            {
                diagnostics.Add(Unknown(expected.Id, expected.Location, suite, rules));
            }
            else if (rules.Contains(expected.Id) && !fixture.Directives.InScope(expected.Id))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ExpectedRuleNotInScope, expected.Location, expected.Id));
            }
        }

        return diagnostics;
    }

    private static Diagnostic Unknown(string id, SourceLocation location, PackTestSuite suite, HashSet<string> rules)
    {
        var suggestion = NameSuggestions.DidYouMean(id, rules);
        return Diagnostic.Create(DiagnosticDescriptors.UnknownExpectedRule, location, suite.Name, id, suggestion.Length > 0 ? suggestion : "; check the rule id");
    }

    private static List<RuleCoverage> Coverage(HashSet<string> rules, List<FixtureResult> results, List<FixtureRun> runs)
    {
        var violated = new HashSet<string>(StringComparer.Ordinal);
        var passed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (result, run) in results.Zip(runs))
        {
            if (result.Outcome == FixtureOutcome.Invalid || run.Result is null)
            {
                continue;
            }

            var fired = run.Result.Diagnostics.Concat(run.Result.Suppressed).SelectMany(d => d.PerRule).Where(d => d.Rule is not null).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var rule in rules.Where(r => result.Fixture.Directives.InScope(r)))
            {
                if (!fired.Contains(rule))
                {
                    passed.Add(rule);
                }
                else if (run.Result.Diagnostics.SelectMany(d => d.PerRule).Any(d => d.Id == rule && d.Rule is not null))
                {
                    violated.Add(rule);
                }
            }
        }

        return rules.Order(StringComparer.Ordinal).Select(r => new RuleCoverage(r, violated.Contains(r), passed.Contains(r))).ToList();
    }

    private static FixtureResult Invalid(TestFixture fixture, IReadOnlyList<Diagnostic> diagnostics) =>
        new(fixture, FixtureOutcome.Invalid, [], [], diagnostics);

    private static bool IsIn(Diagnostic diagnostic, TestFixture fixture) =>
        diagnostic.Location.File.Length > 0
        && string.Equals(Path.GetFullPath(diagnostic.Location.File), Path.GetFullPath(fixture.TopologyFile), StringComparison.Ordinal);

    private sealed record FixtureRun(TestFixture Fixture, CheckResult? Result);
}
