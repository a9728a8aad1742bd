using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Reporting;

public sealed class SiteViewTests
{
    private static readonly CheckResult Result = DemoSite.Check();

    private static SiteView Site => SiteView.All(Result).Single();

    private static Diagnostic Finding(string rule, string messageStart) =>
        Result.Diagnostics.Single(d => d.Id == rule && d.Message.StartsWith(messageStart, StringComparison.Ordinal));

    [Fact]
    public void The_engine_describes_each_loaded_site_when_asked()
    {
        var site = Result.Sites.Single();

        Assert.Equal("demo", site.Id);
        Assert.Equal("Demo plant", site.Name);
        Assert.Equal(["z-cloud", "z-office", "z-dmz", "z-line", "z-cell", "z-lab"], site.Zones.Select(z => z.Id));
        Assert.Equal(3.5m, site.Zones.Single(z => z.Id == "z-dmz").PurdueLevel);
        Assert.Equal(2, site.Assets.Single(a => a.Id == "plc-1").SecurityLevelCapability);
        Assert.Equal(["fw-dmz"], site.Conduits.Single(c => c.Id == "c-dmz-line").Boundary);
        Assert.Equal(7, site.Zones.Single(z => z.Id == "z-dmz").Location.Line);
        Assert.Equal(new DateOnly(2026, 11, 25), Result.Today);
    }

    [Fact]
    public void The_engine_leaves_sites_out_unless_asked()
    {
        var result = PolicyEngine.Check(new CheckRequest { TopologyFiles = [DemoSite.Topology], RuleSources = [DemoSite.Rules], Today = new DateOnly(2026, 11, 25) });

        Assert.Empty(result.Sites);
        Assert.Equal(DemoSite.Check().Diagnostics.Select(d => d.ToCanonicalString()), result.Diagnostics.Select(d => d.ToCanonicalString()));
    }

    [Fact]
    public void A_waiver_is_described_with_its_state_and_the_violations_it_suppresses()
    {
        var waiver = Result.Sites.Single().Waivers.Single();

        Assert.Equal(("w-lab", WaiverState.Active, 1), (waiver.Id, waiver.State, waiver.Suppressed));
    }

    [Fact]
    public void Rules_carry_the_name_of_the_pack_that_declares_them() =>
        Assert.All(Result.Rules, rule => Assert.Equal("demo.reports", rule.Pack));

    [Fact]
    public void An_asset_finding_is_placed_at_the_asset_and_its_zone()
    {
        var places = Site.PlacesOf(Finding("R-OS", "pc-1"));

        Assert.Equal(["pc-1"], places.Assets);
        Assert.Equal(["z-office"], places.Zones);
    }

    [Fact]
    public void A_flow_finding_is_placed_at_both_ends_and_the_link_it_crosses()
    {
        var places = Site.PlacesOf(Finding("R-ENC", "f-plc-robot"));

        Assert.Equal(["plc-1", "robot-1"], places.Assets);
        Assert.Equal(["z-line", "z-cell"], places.Zones);
        Assert.Null(Assert.Single(places.Links).Conduit);
    }

    [Fact]
    public void Links_are_the_conduits_then_the_zone_pairs_joined_only_by_flows()
    {
        Assert.Equal(
            ["c-office-dmz", "c-dmz-line", "z-cloud~z-office", "z-line~z-cell"],
            Site.Links.Select(l => l.Conduit?.Id ?? $"{l.FromZone}~{l.ToZone}"));
        Assert.Equal(1, Site.Links[2].UncoveredFlows);
    }

    [Fact]
    public void A_witness_path_maps_each_asset_to_its_zone_and_each_flow_to_the_link_it_crosses()
    {
        var path = Site.PathOf(Finding("R-REACH", "z-dmz"));

        Assert.Equal(["cloud-svc", "f-cloud-pc", "pc-1", "f-pc-hist", "historian"], path.Select(h => h.Step.EntityId));
        Assert.Equal(["z-cloud", null, "z-office", null, "z-dmz"], path.Select(h => h.Asset?.Zone));
        // f-pc-hist names no conduit, but c-office-dmz joins its zones: the hop crosses it.
        Assert.Equal([null, "z-cloud~z-office", null, "c-office-dmz", null], path.Select(h => h.Link is { } l ? l.Conduit?.Id ?? $"{l.FromZone}~{l.ToZone}" : null));
    }

    [Fact]
    public void A_zone_takes_the_worst_severity_of_the_findings_in_it_or_at_its_assets()
    {
        Assert.Equal(Severity.Error, Site.WorstInZone("z-dmz"));
        Assert.Equal(Severity.Warning, Site.WorstInZone("z-line"));
        Assert.Equal(Severity.Info, Site.WorstInZone("z-cell"));
        Assert.Equal(Severity.None, Site.WorstInZone("z-lab"));
    }

    [Fact]
    public void Purdue_bands_stack_external_to_field_and_place_zones_by_kind_when_the_level_is_missing()
    {
        var bands = Result.Sites.Single().Zones.ToDictionary(z => z.Id, PurdueBands.Band);

        Assert.True(bands["z-cloud"] < bands["z-office"] && bands["z-office"] < bands["z-dmz"] && bands["z-dmz"] < bands["z-line"]);
        Assert.Equal(bands["z-line"], bands["z-cell"]);
        Assert.Equal(PurdueBands.Unplaced, bands["z-lab"]);
    }
}
