using ZonePolicy.Diagnostics;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Testing;

public class PackTestRunnerTests
{
    private static PackTestResult Run(TempPack pack, FakeEngine engine, PackTestOptions? options = null) =>
        new PackTestRunner(engine.Check).Run(PackTestSuite.Load(pack.Folder), options ?? new PackTestOptions());

    [Fact]
    public void A_fixture_passes_when_the_violations_equal_the_expectation()
    {
        using var pack = new TempPack();
        pack.Fixture("bad", "A-1 z1\nB-2 f1,a2\n");
        var engine = new FakeEngine("A-1", "B-2").Violation("bad", "B-2", "f1", "a2").Violation("bad", "A-1", "z1");

        var result = Run(pack, engine);

        Assert.Equal(FixtureOutcome.Passed, Assert.Single(result.Fixtures).Outcome);
        Assert.Equal((1, 0), (result.Passed, result.Failed));
    }

    [Fact]
    public void A_fixture_fails_with_the_missing_and_the_unexpected_violations()
    {
        using var pack = new TempPack();
        pack.Fixture("bad", "A-1 z1\nA-1 z2\n");
        var engine = new FakeEngine("A-1", "B-2").Violation("bad", "A-1", "z1").Violation("bad", "B-2", "f9");

        var fixture = Assert.Single(Run(pack, engine).Fixtures);

        Assert.Equal(FixtureOutcome.Failed, fixture.Outcome);
        Assert.Equal(["A-1 z2"], fixture.Missing.Select(m => m.Key));
        Assert.Equal(["B-2 f9"], fixture.Unexpected.Select(ViolationKey.Of));
    }

    [Fact]
    public void Entities_are_compared_in_for_order()
    {
        using var pack = new TempPack();
        pack.Fixture("order", "B-2 a2,f1\n");
        var engine = new FakeEngine("B-2").Violation("order", "B-2", "f1", "a2");

        var fixture = Assert.Single(Run(pack, engine).Fixtures);

        Assert.Equal(FixtureOutcome.Failed, fixture.Outcome);
    }

    [Fact]
    public void Only_restricts_the_rules_a_fixture_checks()
    {
        using var pack = new TempPack();
        pack.Fixture("scoped", "only A-1\nA-1 z1\n");
        var engine = new FakeEngine("A-1", "B-2").Violation("scoped", "A-1", "z1").Violation("scoped", "B-2", "noise");

        var fixture = Assert.Single(Run(pack, engine).Fixtures);

        Assert.Equal(FixtureOutcome.Passed, fixture.Outcome);
    }

    [Fact]
    public void Engine_diagnostics_in_the_fixture_are_compared_too()
    {
        using var pack = new TempPack();
        pack.Fixture("waivers", "only A-1\nZP0302\n");
        var engine = new FakeEngine("A-1").EngineDiagnostic("waivers", DiagnosticIds.WaiverUnused);

        Assert.Equal(FixtureOutcome.Passed, Assert.Single(Run(pack, engine).Fixtures).Outcome);
    }

    [Fact]
    public void An_unknown_rule_id_in_an_expectation_makes_the_fixture_invalid_with_a_suggestion()
    {
        using var pack = new TempPack();
        pack.Fixture("typo", "only METI-ZN-01\nMETI-ZN-10 z1\n");
        var engine = new FakeEngine("METI-ZN-01", "METI-ZN-02");

        var result = Run(pack, engine);

        var fixture = Assert.Single(result.Fixtures);
        Assert.Equal(FixtureOutcome.Invalid, fixture.Outcome);
        var diagnostic = Assert.Single(fixture.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidTestExpectation, diagnostic.Id);
        Assert.Equal((2, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal("pack `demo-pack` has no rule `METI-ZN-10`; did you mean `METI-ZN-01`?", diagnostic.Message);
        Assert.True(result.IsInvalid);
    }

    [Fact]
    public void An_expectation_for_a_rule_outside_only_is_reported()
    {
        using var pack = new TempPack();
        pack.Fixture("scope", "only A-1\nB-2 x\n");

        var fixture = Assert.Single(Run(pack, new FakeEngine("A-1", "B-2")).Fixtures);

        Assert.Equal("`B-2` is expected but not in this fixture's `only` line; add it there or remove the expectation", Assert.Single(fixture.Diagnostics).Message);
    }

    [Fact]
    public void A_fixture_the_engine_cannot_load_is_invalid_with_the_engine_diagnostics()
    {
        using var pack = new TempPack();
        pack.Fixture("broken", "");
        var engine = new FakeEngine("A-1");
        engine.InvalidCases.Add("broken");

        var result = Run(pack, engine);

        var fixture = Assert.Single(result.Fixtures);
        Assert.Equal(FixtureOutcome.Invalid, fixture.Outcome);
        Assert.Equal("ZP0201", Assert.Single(fixture.Diagnostics).Id);
        Assert.Equal((0, 1), (result.Passed, result.Failed));
    }

    [Fact]
    public void Rule_file_errors_shared_by_every_fixture_are_reported_once_for_the_pack()
    {
        using var pack = new TempPack();
        pack.Fixture("one", "");
        pack.Fixture("two", "");
        var rules = Path.Combine(pack.Folder, "rules.zpol");
        var error = new Diagnostic(DiagnosticIds.UnknownAttribute, Severity.Error, "unknown attribute `sl`", SourceLocation.At(rules, 4, 9));
        CheckResult Broken(CheckRequest request) => new() { Diagnostics = [error], Suppressed = [], Rules = [], InputInvalid = true };

        var result = new PackTestRunner(Broken).Run(PackTestSuite.Load(pack.Folder), new PackTestOptions());

        Assert.Equal([error], result.Diagnostics);
        Assert.All(result.Fixtures, f => Assert.Equal(FixtureOutcome.Invalid, f.Outcome));
        Assert.Null(result.Coverage);
    }

    [Fact]
    public void An_engine_crash_is_an_internal_error_diagnostic_and_the_run_goes_on()
    {
        using var pack = new TempPack();
        pack.Fixture("a", "");
        pack.Fixture("b", "");
        CheckResult Crash(CheckRequest request) => throw new InvalidOperationException("boom");

        var run = new TestRunResult([new PackTestRunner(Crash).Run(PackTestSuite.Load(pack.Folder), new PackTestOptions())], []);

        Assert.Equal(2, run.Packs[0].Fixtures.Count);
        Assert.Equal("checking this fixture failed: InvalidOperationException: boom", run.Packs[0].Fixtures[0].Diagnostics[0].Message);
        Assert.Equal(3, run.ExitCode);
    }

    [Fact]
    public void The_date_and_parameters_come_from_the_command_line_then_the_fixture_then_the_settings()
    {
        using var pack = new TempPack();
        pack.Write("tests/settings", "today 2026-01-01\nparam a=1\nparam b=2\n");
        pack.Fixture("own", "today 2026-02-02\nparam b=20\n");
        pack.Fixture("plain", "");
        var engine = new FakeEngine("A-1");

        Run(pack, engine);
        Run(pack, engine, new PackTestOptions { Today = new DateOnly(2030, 3, 3) });

        Assert.Equal(new DateOnly(2026, 2, 2), engine.Requests[0].Today);
        Assert.Equal([new("a", "1"), new("b", "20")], engine.Requests[0].Parameters);
        Assert.Equal(new DateOnly(2026, 1, 1), engine.Requests[1].Today);
        Assert.Equal([new("a", "1"), new("b", "2")], engine.Requests[1].Parameters);
        Assert.All(engine.Requests.Skip(2), r => Assert.Equal(new DateOnly(2030, 3, 3), r.Today));
        Assert.All(engine.Requests, r => Assert.Equal([pack.Folder], r.RuleSources));
    }

    [Fact]
    public void A_fixture_s_severity_setting_replaces_the_settings_one_for_the_same_id_and_keeps_the_others()
    {
        using var pack = new TempPack();
        pack.Write("tests/settings", "severity ZP0240=none\nseverity A-1=warning\n");
        pack.Fixture("evidence", "severity zp0240=warning\n");
        var engine = new FakeEngine("A-1");

        Run(pack, engine);

        var severities = Assert.Single(engine.Requests).Severities;
        Assert.Equal([("A-1", "warning"), ("zp0240", "warning")], severities.Select(s => (s.Id, s.Level)));
        Assert.EndsWith("evidence.expect", severities[1].Location.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_names_the_rules_no_fixture_violated_and_no_fixture_passed()
    {
        using var pack = new TempPack();
        pack.Fixture("clean", "only A-1 B-2\n");
        pack.Fixture("bad", "A-1 z\nC-3 z\n");
        var engine = new FakeEngine("A-1", "B-2", "C-3").Violation("bad", "A-1", "z").Violation("bad", "C-3", "z");

        var result = Run(pack, engine);

        Assert.Equal(
            [new RuleCoverage("A-1", true, true), new RuleCoverage("B-2", false, true), new RuleCoverage("C-3", true, false)],
            result.Coverage);
        Assert.False(result.CoverageChecked);
        Assert.Equal((2, 0), (result.Passed, result.Failed));
    }

    [Fact]
    public void Required_coverage_counts_as_one_more_case_and_fails_on_a_gap()
    {
        using var pack = new TempPack();
        pack.Write("tests/settings", "require-coverage\n");
        pack.Fixture("clean", "");
        var engine = new FakeEngine("A-1");

        var result = Run(pack, engine);

        Assert.True(result.CoverageFailed);
        Assert.Equal((1, 1), (result.Passed, result.Failed));
        Assert.Equal(1, new TestRunResult([result], []).ExitCode);
    }

    [Fact]
    public void The_command_line_can_switch_coverage_off_and_running_selected_cases_never_requires_it()
    {
        using var pack = new TempPack();
        pack.Write("tests/settings", "require-coverage\n");
        pack.Fixture("clean", "");
        pack.Fixture("other", "");
        var engine = new FakeEngine("A-1");

        Assert.False(Run(pack, engine, new PackTestOptions { RequireCoverage = false }).CoverageChecked);
        var selected = Run(pack, engine, new PackTestOptions { Cases = ["other"] });
        Assert.Null(selected.Coverage);
        Assert.False(selected.CoverageChecked);
        Assert.Equal(["other"], selected.Fixtures.Select(f => f.Fixture.Name));
    }

    [Fact]
    public void An_unknown_case_name_is_reported_with_a_suggestion()
    {
        using var pack = new TempPack();
        pack.Fixture("clean", "");

        var result = Run(pack, new FakeEngine("A-1"), new PackTestOptions { Cases = ["clen"] });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.MissingTestFixture, diagnostic.Id);
        Assert.Equal("pack `demo-pack` has no test case `clen`; did you mean `clean`?", diagnostic.Message);
    }

    [Fact]
    public void Exit_codes_say_pass_fail_and_invalid_input()
    {
        using var pack = new TempPack();
        pack.Fixture("case", "A-1 z\n");

        var passing = Run(pack, new FakeEngine("A-1").Violation("case", "A-1", "z"));
        var failing = Run(pack, new FakeEngine("A-1"));
        var unknownPack = new Diagnostic(DiagnosticIds.UnknownPack, Severity.Error, "no rule pack", SourceLocation.InFile("nope"));

        Assert.Equal(0, new TestRunResult([passing], []).ExitCode);
        Assert.Equal(1, new TestRunResult([failing], []).ExitCode);
        Assert.Equal(2, new TestRunResult([passing], [unknownPack]).ExitCode);
    }
}
