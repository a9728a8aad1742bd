using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Testing;

public class TestReportWriterTests
{
    [Fact]
    public void The_report_lists_each_case_its_diff_the_coverage_and_ends_with_the_summary()
    {
        using var pack = new TempPack();
        pack.Write("tests/settings", "today 2026-06-01\nrequire-coverage\n");
        pack.Fixture("bad", "A-1 z1\nA-1 z2\n");
        pack.Fixture("clean", "");
        var engine = new FakeEngine("A-1", "B-2", "C-3").Violation("bad", "A-1", "z1").Violation("bad", "B-2", "f9");
        var result = new PackTestRunner(engine.Check).Run(PackTestSuite.Load(pack.Folder), new PackTestOptions());
        var output = new StringWriter { NewLine = "\n" };

        TestReportWriter.Write(new TestRunResult([result], []), output);

        var bad = Path.Combine(pack.Tests, "bad");
        Assert.Equal(
            $"""
            pack demo-pack ({pack.Folder}), today 2026-06-01
            FAIL demo-pack/bad
              missing:    A-1 z2
                expected at {bad}.expect(2,1)
              unexpected: B-2 f9
                {bad}.json(3,5): error B-2: B-2 fired
            PASS demo-pack/clean
            coverage demo-pack: 3 rules, 2 violated by a case, 3 passed by a case
              never violated: C-3
            FAIL demo-pack/coverage
            1 passed, 2 failed

            """,
            output.ToString());
    }

    [Fact]
    public void An_unknown_pack_is_reported_before_the_summary()
    {
        var output = new StringWriter { NewLine = "\n" };

        var code = PackTestEngine.Run(new PackTestRequest { Packs = ["no-such-pack-here"] }, output);

        Assert.Equal(2, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("<command-line>: error ZP0307: no rule pack or folder `no-such-pack-here` found", lines[0], StringComparison.Ordinal);
        Assert.Equal("0 passed, 0 failed", lines[^1]);
    }
}
