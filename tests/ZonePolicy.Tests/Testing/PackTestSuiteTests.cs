using ZonePolicy.Diagnostics;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Testing;

public class PackTestSuiteTests
{
    [Fact]
    public void Fixtures_are_paired_by_name_and_ordered_ordinally_including_sub_folders()
    {
        using var pack = new TempPack();
        pack.Fixture("zeta", "");
        pack.Fixture("Alpha", "");
        pack.Fixture("zones/ok", "");

        var suite = PackTestSuite.Load(pack.Folder);

        Assert.Empty(suite.Diagnostics);
        Assert.Equal("demo-pack", suite.Name);
        Assert.Equal(["Alpha", "zeta", "zones/ok"], suite.Fixtures.Select(f => f.Name));
    }

    [Fact]
    public void The_settings_file_gives_the_pack_its_date_and_coverage_requirement()
    {
        using var pack = new TempPack();
        pack.Write("tests/settings", "today 2026-06-01\nrequire-coverage\n");
        pack.Fixture("clean", "");

        var suite = PackTestSuite.Load(pack.Folder);

        Assert.Equal(new DateOnly(2026, 6, 1), suite.Settings.Today);
        Assert.True(suite.Settings.RequireCoverage);
    }

    [Fact]
    public void A_named_pipe_as_an_expectation_or_as_the_settings_is_refused_without_hanging()
    {
        using var pack = new TempPack();
        pack.Fixture("clean", "");
        File.Delete(Path.Combine(pack.Tests, "clean.expect"));
        MakeFifo(Path.Combine(pack.Tests, "clean.expect"));
        MakeFifo(Path.Combine(pack.Tests, "settings"));

        var load = Task.Run(() => PackTestSuite.Load(pack.Folder));
        Assert.True(load.Wait(TimeSpan.FromSeconds(30)), "loading the pack tests hangs on a named pipe");

        var suite = load.Result;
        var settings = Assert.Single(suite.Diagnostics);
        Assert.Equal((DiagnosticIds.InputNotAFile, 0), (settings.Id, settings.Location.Line));
        Assert.EndsWith("settings` is a named pipe (FIFO), not a file", settings.Message, StringComparison.Ordinal);
        var expectation = Assert.Single(Assert.Single(suite.Fixtures).Diagnostics);
        Assert.Equal(DiagnosticIds.InputNotAFile, expectation.Id);
        Assert.EndsWith("clean.expect` is a named pipe (FIFO), not a file", expectation.Message, StringComparison.Ordinal);
    }

    private static void MakeFifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void A_pack_without_a_tests_folder_is_reported()
    {
        using var pack = new TempPack();

        var suite = PackTestSuite.Load(pack.Folder);

        var diagnostic = Assert.Single(suite.Diagnostics);
        Assert.Equal(DiagnosticIds.MissingTestFixture, diagnostic.Id);
        Assert.StartsWith("pack `demo-pack` has no `tests` folder", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topology_without_expectations_and_an_expectation_without_topology_are_reported()
    {
        using var pack = new TempPack();
        var orphanJson = pack.Write("tests/lonely.json", "{}");
        var orphanExpect = pack.Write("tests/ghost.expect", "");
        pack.Fixture("paired", "");

        var suite = PackTestSuite.Load(pack.Folder);

        Assert.Equal(["paired"], suite.Fixtures.Select(f => f.Name));
        Assert.Collection(
            suite.Diagnostics,
            d => Assert.Equal((DiagnosticIds.MissingTestFixture, orphanJson), (d.Id, d.Location.File)),
            d => Assert.Equal((DiagnosticIds.MissingTestFixture, orphanExpect), (d.Id, d.Location.File)));
    }

    [Fact]
    public void An_empty_tests_folder_is_reported()
    {
        using var pack = new TempPack();
        Directory.CreateDirectory(pack.Tests);

        var suite = PackTestSuite.Load(pack.Folder);

        Assert.Equal("pack `demo-pack` has no fixtures; add tests/<case>.json, each with a <case>.expect beside it", Assert.Single(suite.Diagnostics).Message);
    }

    [Fact]
    public void A_broken_expectation_file_makes_its_fixture_invalid()
    {
        using var pack = new TempPack();
        pack.Fixture("broken", "today soon\n");

        var fixture = Assert.Single(PackTestSuite.Load(pack.Folder).Fixtures);

        Assert.True(fixture.IsInvalid);
        Assert.Equal((1, 7), (fixture.Diagnostics[0].Location.Line, fixture.Diagnostics[0].Location.Column));
    }
}
