using System.Text.RegularExpressions;
using Xunit;
using ZonePolicy.Reporting;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Reporting;

/// <summary>The HTML report's static content; the browser tests drive its script.</summary>
public sealed partial class HtmlReporterTests
{
    private static readonly CheckResult Result = DemoSite.Check();
    private static readonly string Page = DemoSite.Write(Result, ReportFormat.Html);

    [Fact]
    public void The_same_result_gives_the_same_bytes()
    {
        Assert.Equal(Page, DemoSite.Write(DemoSite.Check(), ReportFormat.Html));
    }

    [Fact]
    public void The_page_is_self_contained_with_no_address_to_fetch()
    {
        Assert.DoesNotMatch(SourceOrHref(), Page);
        Assert.DoesNotContain("<link", Page);
        Assert.DoesNotContain("<script src", Page);
    }

    [Fact]
    public void Every_zone_asset_and_link_is_drawn_with_its_id()
    {
        foreach (var zone in Result.Sites[0].Zones)
        {
            Assert.Contains($"class=\"zone worst-", Page);
            Assert.Contains($"data-id=\"{zone.Id}\"", Page);
        }

        foreach (var asset in Result.Sites[0].Assets)
        {
            Assert.Contains($"data-id=\"{asset.Id}\"", Page);
        }

        Assert.Equal(4, Regex.Count(Page, "<g class=\"link"));
        Assert.Equal(2, Regex.Count(Page, "<g class=\"link uncovered"));
    }

    [Fact]
    public void Zones_carry_their_worst_finding_and_their_target_security_level()
    {
        Assert.Matches("<g class=\"zone worst-error\" id=\"s0-z2\" data-id=\"z-dmz\">", Page);
        Assert.Matches("<g class=\"zone worst-warning\" id=\"s0-z3\" data-id=\"z-line\">", Page);
        Assert.Matches("<g class=\"zone worst-clean\" id=\"s0-z5\" data-id=\"z-lab\">", Page);
        Assert.Contains(">SL-T 3</text>", Page);
        Assert.Contains(">SL-C 2</text>", Page);
    }

    [Fact]
    public void A_reachability_finding_names_each_hop_of_its_witness_path_on_the_diagram()
    {
        var row = Page.Split('\n').Single(l => l.Contains("data-rule=\"R-REACH\"", StringComparison.Ordinal));

        // cloud-svc, the link no conduit covers, pc-1, conduit c-office-dmz, historian.
        Assert.Contains("data-path=\"s0-z0-a0 s0-u2 s0-z1-a0 s0-c0 s0-z2-a1\"", row);
        Assert.Contains("<a href=\"#s0-z0\">z-cloud</a>", row);
    }

    [Fact]
    public void Waivers_show_their_expiry_state_and_what_they_suppress()
    {
        Assert.Contains("<td>w-lab</td><td>R-OS</td><td>lab-pc</td><td>air-gapped test bench</td><td>OT security</td><td>2027-06-30 (in 217 days)</td><td class=\"state-active\">active</td><td>1</td>", Page);
    }

    [Fact]
    public void Text_from_the_inputs_is_escaped()
    {
        var site = Result.Sites[0];
        var hostile = new CheckResult
        {
            Diagnostics = Result.Diagnostics,
            Suppressed = [],
            Rules = Result.Rules,
            Sites = [site with { Name = "</title><script>alert(1)</script>", Zones = site.Zones.Select(z => z with { Name = "<img src=x onerror=alert(1)>" }).ToList() }],
            InputInvalid = false,
        };

        var page = DemoSite.Write(hostile, ReportFormat.Html);

        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img", page);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page);
    }

    [Fact]
    public void Invalid_input_still_gives_a_page_with_the_input_errors()
    {
        var page = SampleResults.Write(new CheckResult { Diagnostics = [SampleResults.DanglingReference], Suppressed = [], Rules = [], InputInvalid = true }, ReportFormat.Html);

        Assert.Contains("the inputs are invalid", page);
        Assert.Contains("ZP0203", page);
        Assert.Contains("did you mean `cell-a`?", page);
        Assert.DoesNotContain("<svg", page);
    }

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex SourceOrHref();
}
