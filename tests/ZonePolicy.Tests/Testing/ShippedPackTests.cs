using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Testing;

/// <summary>The shipped packs pass their own fixtures, with every rule both violated and passed by some case.</summary>
public sealed class ShippedPackTests
{
    [Theory]
    [MemberData(nameof(ShippedPackLayoutTests.PackNames), MemberType = typeof(ShippedPackLayoutTests))]
    public void Shipped_pack_passes_its_tests_with_every_rule_covered(string pack)
    {
        var run = PackTests.Run([ShippedPackLayoutTests.PackFolder(pack)], [], new PackTestOptions());

        var report = new StringWriter();
        TestReportWriter.Write(run, report);
        Assert.True(run.ExitCode == 0, report.ToString());
        var result = Assert.Single(run.Packs);
        Assert.True(result.CoverageChecked && result.CoverageComplete, report.ToString());
    }
}
