using System.Diagnostics;
using Microsoft.Playwright;
using ZonePolicy.Reporting;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// <c>--html-report N</c>: writes the HTML report of a generated site of N assets checked with the benchmark
/// rules, and measures its size, the time to write it, and how long headless Chromium (Debian's, through
/// Playwright) takes to reach DOMContentLoaded and the load event, over several fresh page loads. Targets:
/// under 5 MB and DOMContentLoaded within 2 s for 10,000 assets.
/// </summary>
internal static class HtmlReportLoad
{
    private const string Chromium = "/usr/bin/chromium";
    private const int Loads = 5;

    public static async Task Run(int assets, TextWriter output)
    {
        var result = PolicyEngine.Check(new CheckRequest
        {
            TopologyFiles = [BenchmarkFiles.Site(assets)],
            RuleSources = [BenchmarkFiles.RuleFile],
            Today = BenchmarkFiles.Today,
            DescribeSites = true,
        });
        var site = result.Sites.Single();
        var watch = Stopwatch.StartNew();
        var report = new StringWriter();
        Reporter.Write(result, ReportFormat.Html, report);
        var written = watch.Elapsed;
        var path = Path.Combine(BenchmarkFiles.Folder, $"report-{assets}.html");
        await File.WriteAllTextAsync(path, report.ToString());
        var bytes = new FileInfo(path).Length;
        output.WriteLine($"site: {site.Assets.Count} assets, {site.Zones.Count} zones, {site.Conduits.Count} conduits, {site.Flows.Count} flows; {result.Diagnostics.Count} findings in force");
        output.WriteLine($"report: {path}");
        output.WriteLine($"size: {bytes:N0} bytes ({bytes / 1024.0 / 1024.0:F2} MiB); layout and writing: {written.TotalMilliseconds:F0} ms");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var timings = new List<(double DomContentLoaded, double Load)>();
        for (var i = 0; i < Loads; i++)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
            var timing = await page.EvaluateAsync<double[]>("() => { const n = performance.getEntriesByType('navigation')[0]; return [n.domContentLoadedEventEnd, n.loadEventEnd]; }");
            timings.Add((timing[0], timing[1]));
            await page.CloseAsync();
        }

        output.WriteLine($"DOMContentLoaded over {Loads} loads: median {Median(timings.Select(t => t.DomContentLoaded)):F0} ms, max {timings.Max(t => t.DomContentLoaded):F0} ms");
        output.WriteLine($"load event over {Loads} loads: median {Median(timings.Select(t => t.Load)):F0} ms, max {timings.Max(t => t.Load):F0} ms");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
