using Microsoft.Playwright;
using Xunit;

namespace ZonePolicy.Browser.Tests;

/// <summary>
/// Debian's Chromium at <c>/usr/bin/chromium</c>, driven by Playwright's bundled driver (it ships in the
/// NuGet package, so nothing is downloaded): one browser for the test run. CI installs the browser; on a
/// machine without it the tests are skipped with the command that installs it, and fail under CI.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser? Instance { get; private set; }

    public static bool Installed => File.Exists(ExecutablePath);

    public async Task InitializeAsync()
    {
        if (!Installed)
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        Instance = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>Opens the page at <paramref name="file"/>; console errors, page errors and any request other than the file itself are collected.</summary>
    public async Task<(IPage Tab, List<string> Problems)> Open(string file)
    {
        var tab = await Instance!.NewPageAsync();
        var problems = new List<string>();
        var address = new Uri(file).AbsoluteUri;
        tab.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        tab.PageError += (_, error) => problems.Add($"page error: {error}");
        tab.Request += (_, request) =>
        {
            if (request.Url != address)
            {
                problems.Add($"request: {request.Url}");
            }
        };
        await tab.GotoAsync(address);
        return (tab, problems);
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>A test that needs the browser: skipped where Chromium is missing, unless CI is set, where a missing browser must fail.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Browser.Installed && Environment.GetEnvironmentVariable("CI") is not ("true" or "1"))
        {
            Skip = $"needs Debian's Chromium at {Browser.ExecutablePath}: apt-get install -y chromium (.ci/run installs it)";
        }
    }
}
