using Microsoft.Playwright;
using Xunit;
using ZonePolicy.Reporting;
using ZonePolicy.Testing;

namespace ZonePolicy.Browser.Tests;

/// <summary>The HTML report as a person uses it, in a real headless Chromium.</summary>
public sealed class HtmlReportBrowserTests : IClassFixture<Browser>, IDisposable
{
    private readonly Browser browser;
    private readonly string folder = Directory.CreateTempSubdirectory("zpol-browser-").FullName;
    private readonly string page;
    private readonly CheckResult result = DemoSite.Check();

    public HtmlReportBrowserTests(Browser browser)
    {
        this.browser = browser;
        page = Path.Combine(folder, "report.html");
        File.WriteAllText(page, DemoSite.Write(result, ReportFormat.Html));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [BrowserFact]
    public async Task Every_zone_and_conduit_is_drawn_and_visible()
    {
        var (tab, _) = await browser.Open(page);

        foreach (var zone in result.Sites[0].Zones)
        {
            Assert.True(await tab.Locator($"g.zone[data-id='{zone.Id}'] > rect.frame").IsVisibleAsync(), zone.Id);
        }

        foreach (var conduit in result.Sites[0].Conduits)
        {
            // A straight vertical path has a zero-width box, which Playwright calls hidden: measure its length instead.
            var link = tab.Locator($"g.link[data-id='{conduit.Id}']");
            Assert.True(await link.Locator("path").EvaluateAsync<double>("p => p.getTotalLength()") > 20, conduit.Id);
            Assert.True(await link.Locator("text").IsVisibleAsync(), conduit.Id);
        }

        Assert.Equal(2, await tab.Locator("g.link.uncovered").CountAsync());
    }

    [BrowserFact]
    public async Task A_finding_links_to_its_zone_and_choosing_it_highlights_its_places()
    {
        var (tab, _) = await browser.Open(page);
        var row = tab.Locator("tr.finding[data-rule='R-OS']");

        await row.Locator("td").First.ClickAsync();

        Assert.Contains("hl", await tab.Locator("g.zone[data-id='z-office']").GetAttributeAsync("class"));
        Assert.Contains("hl", await tab.Locator("g.asset[data-id='pc-1']").GetAttributeAsync("class"));
        await row.Locator("a[href='#s0-z1']").ClickAsync();
        Assert.EndsWith("#s0-z1", tab.Url);
        Assert.Equal("z-office", await tab.EvalOnSelectorAsync<string>(":target", "e => e.dataset.id"));
    }

    [BrowserFact]
    public async Task Choosing_a_path_finding_highlights_each_hop_of_its_witness_path_in_order()
    {
        var (tab, _) = await browser.Open(page);

        await tab.Locator("tr.finding[data-rule='R-REACH'] td").First.ClickAsync();

        var hops = await tab.EvalOnSelectorAllAsync<string[]>(".hop", "es => es.map(e => e.dataset.id || e.id)");
        Assert.Equal(Sorted(["cloud-svc", "pc-1", "historian", "c-office-dmz", "s0-u2"]), hops.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(5, await tab.Locator("g.overlay .hop-number").CountAsync());
        Assert.Equal(["1", "2", "3", "4", "5"], await tab.Locator("g.overlay .hop-number text").AllTextContentsAsync());

        await tab.Locator("tr.finding[data-rule='R-OS'] td").First.ClickAsync();
        Assert.Equal(0, await tab.Locator(".hop").CountAsync());
        Assert.Equal(0, await tab.Locator("g.overlay").CountAsync());
    }

    [BrowserFact]
    public async Task Filters_by_severity_pack_rule_and_zone_show_only_the_matching_findings()
    {
        var (tab, _) = await browser.Open(page);
        var visible = tab.Locator("tr.finding:visible");
        Assert.Equal(result.Diagnostics.Count, await visible.CountAsync());

        await tab.SelectOptionAsync("select[name=severity]", "info");
        Assert.Equal(["R-ENC", "R-ENC"], await Rules(visible));

        await tab.SelectOptionAsync("select[name=severity]", "");
        await tab.SelectOptionAsync("select[name=rule]", "R-SL");
        Assert.Equal(["R-SL"], await Rules(visible));

        await tab.SelectOptionAsync("select[name=rule]", "");
        await tab.SelectOptionAsync("select[name=zone]", "s0-z3");
        Assert.Equal(["R-SL", "R-ENC"], await Rules(visible));
        Assert.Equal("2 of 5", await tab.Locator("#shown").TextContentAsync());

        await tab.SelectOptionAsync("select[name=zone]", "");
        await tab.SelectOptionAsync("select[name=pack]", "demo.reports");
        Assert.Equal(5, await visible.CountAsync());
    }

    [BrowserFact]
    public async Task Clicking_a_zone_on_the_diagram_filters_the_findings_to_it()
    {
        var (tab, _) = await browser.Open(page);

        await tab.Locator("g.zone[data-id='z-cell'] > rect.frame").ClickAsync();

        Assert.Equal(["R-ENC"], await Rules(tab.Locator("tr.finding:visible")));
    }

    [BrowserFact]
    public async Task The_page_loads_without_console_errors_or_requests_beyond_itself()
    {
        var (_, problems) = await browser.Open(page);

        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task Without_javascript_the_diagram_and_findings_render_and_the_filters_stay_hidden()
    {
        await using var context = await browser.Instance!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(new Uri(page).AbsoluteUri);

        Assert.Equal(result.Sites[0].Zones.Count, await tab.Locator("g.zone").CountAsync());
        var box = await tab.Locator("g.zone[data-id='z-dmz'] > rect.frame").BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 50 });
        Assert.Equal(result.Diagnostics.Count, await tab.Locator("tr.finding:visible").CountAsync());
        Assert.False(await tab.Locator("#filters").IsVisibleAsync());
    }

    private static string[] Sorted(string[] items) => items.Order(StringComparer.Ordinal).ToArray();

    private static async Task<string[]> Rules(ILocator rows) =>
        (await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.rule)")).ToArray();
}
