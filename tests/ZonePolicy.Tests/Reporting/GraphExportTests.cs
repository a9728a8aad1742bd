using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Reporting;

/// <summary>The Graphviz and Mermaid exports of the zone and conduit graph.</summary>
public sealed class GraphExportTests
{
    private static readonly CheckResult Result = DemoSite.Check();

    [Fact]
    public void Dot_ranks_zones_by_purdue_band_colours_them_by_worst_finding_and_labels_conduits() =>
        Approvals.Verify(DemoSite.Write(Result, ReportFormat.Dot));

    [Fact]
    public void Mermaid_stacks_purdue_bands_colours_zones_and_dots_links_without_a_conduit() =>
        Approvals.Verify(DemoSite.Write(Result, ReportFormat.Mermaid));

    [Fact]
    public void Dot_quotes_every_name_so_a_hostile_id_cannot_leave_its_string()
    {
        var dot = DemoSite.Write(WithZoneName("Line \"A\" \\ }; digraph x {"), ReportFormat.Dot);

        Assert.Contains("label=\"Line \\\"A\\\" \\\\ }; digraph x {\\nz-line\\n", dot);
    }

    [Fact]
    public void Mermaid_writes_label_punctuation_as_entity_codes()
    {
        var mermaid = DemoSite.Write(WithZoneName("Line \"A\" <b>|x|</b>"), ReportFormat.Mermaid);

        Assert.Contains("[\"Line #34;A#34; #60;b#62;#124;x#124;#60;/b#62;<br/>z-line<br/>", mermaid);
    }

    [Fact]
    public void Without_a_site_both_exports_carry_the_input_errors()
    {
        var invalid = new CheckResult { Diagnostics = [SampleResults.DanglingReference], Suppressed = [], Rules = [], InputInvalid = true };

        var dot = SampleResults.Write(invalid, ReportFormat.Dot);
        var mermaid = SampleResults.Write(invalid, ReportFormat.Mermaid);

        Assert.StartsWith($"// {SampleResults.DanglingReference.ToCanonicalString()}\ngraph zpol {{", dot);
        Assert.Contains("label=\"no site to draw: 1 error, 0 warnings, 0 infos\"", dot);
        Assert.StartsWith("flowchart TB\n  %% other.json(4,20): error ZP0203:", mermaid);
        Assert.Contains("zpol[\"no site to draw: 1 error, 0 warnings, 0 infos\"]", mermaid);
    }

    private static CheckResult WithZoneName(string name)
    {
        var site = Result.Sites.Single();
        var zones = site.Zones.Select(z => z.Id == "z-line" ? z with { Name = name } : z).ToList();
        return new CheckResult
        {
            Diagnostics = Result.Diagnostics,
            Suppressed = Result.Suppressed,
            Rules = Result.Rules,
            Sites = [site with { Zones = zones }],
            InputInvalid = false,
        };
    }
}
