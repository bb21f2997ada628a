using System.Text.RegularExpressions;
using ImmunoGen.Kb.Site.Tests.Fixtures;
using Microsoft.Playwright;

namespace ImmunoGen.Kb.Browser.Tests;

/// <summary>
/// Opens the fixture site from disk in headless Chromium the way an analyst would: home page, then a compound, a partner
/// and a filing by following links. Every page must load with no console error and no request leaving file://.
/// Screenshots go to screenshots/ next to the test binaries for a person to look at.
/// </summary>
public sealed class SiteBrowseTests : IDisposable
{
    private readonly string _site;

    public SiteBrowseTests()
    {
        _site = new FixtureSite().WriteToTemp();
    }

    public void Dispose() => Directory.Delete(_site, recursive: true);

    private static string ScreenshotDirectory => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    [ChromiumFact]
    public async Task HomePage_LeadsToCompoundPartnerAndFiling_WithoutErrorsOrNetwork()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var consoleErrors = new List<string>();
            var remoteRequests = new List<string>();
            page.Console += (_, m) =>
            {
                if (m.Type == "error")
                {
                    consoleErrors.Add(m.Text);
                }
            };
            page.PageError += (_, e) => consoleErrors.Add(e);
            page.Request += (_, r) =>
            {
                if (!r.Url.StartsWith("file://", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
                {
                    remoteRequests.Add(r.Url);
                }
            };

            await page.GotoAsync(new Uri(Path.Combine(_site, "index.html")).AbsoluteUri);
            Assert.Equal("ImmunoGen 8-K Knowledge Base", await page.TitleAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "home.png"), FullPage = true });

            // Home → compound (the pipeline card)
            await page.Locator(".pipeline a", new PageLocatorOptions { HasText = "SAR3419" }).First.ClickAsync();
            // Each step polls the address and the new page's content instead of waiting for a load event, which
            // Playwright can miss when the navigation finishes before it starts listening.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/compounds/sar3419\.html$"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("SAR3419");
            Assert.Contains("Phase I", await page.Locator(".stage-now").InnerTextAsync(), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "compound-sar3419.png"), FullPage = true });

            // Compound → partner
            await page.Locator(".card a", new PageLocatorOptions { HasText = "sanofi-aventis" }).First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/partners/sanofi-aventis\.html$"));
            await Assertions.Expect(page.Locator("tfoot .total-received")).ToHaveTextAsync("$4,000,000");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "partner-sanofi-aventis.png"), FullPage = true });

            // Partner → filing, through its filing list
            await page.Locator(".filing-list a.filing-title", new PageLocatorOptions { HasText = "SAR3419" }).First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/filings/2007-10-17-[^/]+\.html$"));
            // The first paragraph links SAR3419 to its page.
            await Assertions.Expect(page.Locator("#p1 a[href='../compounds/sar3419.html']")).ToHaveCountAsync(1);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "filing-sar3419.png"), FullPage = true });

            // A phone-sized view of the compound page, to see the layout collapse to one column.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync(new Uri(Path.Combine(_site, "compounds", "sar3419.html")).AbsoluteUri);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "compound-sar3419-phone.png"), FullPage = true });

            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync(new Uri(Path.Combine(_site, "graph.html")).AbsoluteUri);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "graph.png"), FullPage = true });
            await page.GotoAsync(new Uri(Path.Combine(_site, "filings", "index.html")).AbsoluteUri);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "filings.png"), FullPage = true });
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            await page.GotoAsync(new Uri(Path.Combine(_site, "partners", "sanofi-aventis.html")).AbsoluteUri);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "partner-sanofi-aventis-print.png"), FullPage = true });

            Assert.Empty(consoleErrors);
            Assert.Empty(remoteRequests);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [ChromiumFact]
    public async Task EveryPage_OpensFromDisk_WithoutConsoleErrorsOrRemoteRequests()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            var problems = new List<string>();
            string current = "";
            page.Console += (_, m) =>
            {
                if (m.Type == "error")
                {
                    problems.Add($"{current}: console error: {m.Text}");
                }
            };
            page.PageError += (_, e) => problems.Add($"{current}: page error: {e}");
            page.Request += (_, r) =>
            {
                if (!r.Url.StartsWith("file://", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
                {
                    problems.Add($"{current}: request leaves the machine: {r.Url}");
                }
            };

            var pages = Directory.EnumerateFiles(_site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            Assert.True(pages.Count > 30, $"the fixture site has only {pages.Count} pages");
            foreach (var file in pages)
            {
                current = Path.GetRelativePath(_site, file);
                var response = await page.GotoAsync(new Uri(file).AbsoluteUri);
                Assert.NotNull(response);
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
