using System.Runtime.CompilerServices;
using Xunit;
using ZonePolicy.Reporting;

namespace ZonePolicy.Browser.Tests;

/// <summary>The change review page of <c>zpol diff</c> in a real headless Chromium, on the Annex A review of case (ii).</summary>
public sealed class DiffReportBrowserTests : IClassFixture<Browser>, IDisposable
{
    private static readonly string Samples = Path.GetFullPath(Path.Combine(RepositoryRoot(), "samples", "annex-a-factory"));

    private readonly Browser browser;
    private readonly string folder = Directory.CreateTempSubdirectory("zpol-browser-").FullName;
    private readonly string page;

    public DiffReportBrowserTests(Browser browser)
    {
        this.browser = browser;
        page = Path.Combine(folder, "review.html");
        var result = PolicyEngine.Diff(new DiffRequest
        {
            Before = Path.Combine(Samples, "case2-remote-maintenance.topology.json"),
            After = Path.Combine(Samples, "fixed", "case2-remote-maintenance.topology.json"),
            Check = new CheckRequest { RuleSources = [Path.Combine(Samples, "rules")], Today = new DateOnly(2026, 11, 25) },
        });
        using var output = new StringWriter();
        DiffReporter.Write(result, ReportFormat.Html, output);
        File.WriteAllText(page, output.ToString());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [BrowserFact]
    public async Task The_review_page_loads_without_console_errors_or_requests_beyond_itself_and_shows_each_change()
    {
        var (tab, problems) = await browser.Open(page);

        Assert.Empty(problems);
        Assert.Equal(
            ["Violations", "Permitted paths into control zones", "Zone crossings", "Entities"],
            await tab.Locator("section > h2").AllTextContentsAsync());
        Assert.True(await tab.Locator("#violations-table tr[data-rule='SF-NET-02'][data-change='fixed']").IsVisibleAsync());
        Assert.True(await tab.Locator("#paths-table tr[data-change='rerouted']").IsVisibleAsync());
        Assert.Equal(3, await tab.Locator("#crossings-table tr[data-change='closed']").CountAsync());
    }

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
