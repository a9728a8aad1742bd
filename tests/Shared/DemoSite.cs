using ZonePolicy.Reporting;

namespace ZonePolicy.Testing;

/// <summary>
/// A small plant checked by a small pack, for report tests: a reachability finding with a witness path
/// across a conduit and a link no conduit covers, an error at an asset, a warning, infos on flows, a
/// waived violation, a zone without a Purdue level and one placed by its kind.
/// </summary>
internal static class DemoSite
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "DemoSite");

    public static readonly string Topology = Path.Combine(Folder, "demo.topology.json");

    public static readonly string Rules = Path.Combine(Folder, "demo.zpol");

    public static CheckResult Check() => PolicyEngine.Check(new CheckRequest
    {
        TopologyFiles = [Topology],
        RuleSources = [Rules],
        Today = new DateOnly(2026, 11, 25),
        DescribeSites = true,
    });

    /// <summary>The report with the folder taken out of its paths, so it reads the same on every machine.</summary>
    public static string Write(CheckResult result, ReportFormat format)
    {
        var output = new StringWriter();
        Reporter.Write(result, format, output);
        return output.ToString().Replace(Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }
}
