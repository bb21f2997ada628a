using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Site.Tests.Fixtures;
using Microsoft.Playwright;

namespace ImmunoGen.Kb.Browser.Tests;

/// <summary>
/// Filing text is data: with the XSS filing (script tags, onerror attributes, javascript: links, template syntax) in the
/// content, no page of the built site runs anything in real Chromium, and typing hostile text into search runs nothing.
/// </summary>
public sealed class XssTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kb-xss-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [ChromiumFact]
    public async Task NoScriptFromContentRuns_OnAnyPage_NorFromTheSearchBox()
    {
        var content = Path.Combine(_root, "content");
        Copy(Path.Combine(FixtureSite.RepositoryRoot, "content"), content);
        File.Copy(Path.Combine(FixtureSite.RepositoryRoot, "tests", "ImmunoGen.Kb.Tests", "TestData", "Hostile", "xss-filing.txt"), Path.Combine(content, "raw", "xss-filing.txt"));
        var options = new BuildOptions
        {
            ContentDirectory = content,
            TemplatesDirectory = Path.Combine(FixtureSite.RepositoryRoot, "templates"),
            OutputDirectory = Path.Combine(_root, "site"),
            CacheDirectory = Path.Combine(_root, "cache"),
        };
        var result = SiteBuilder.Build(options);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        var xssPage = Assert.Single(Directory.GetFiles(Path.Combine(options.OutputDirectory, "filings"), "2008-03-03-*.html"));

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            var fired = new List<string>();
            page.Dialog += async (_, dialog) =>
            {
                fired.Add($"dialog: {dialog.Message}");
                await dialog.DismissAsync();
            };
            // Anything hostile would call one of these; record instead of trusting a dialog alone.
            await page.AddInitScriptAsync("for (const f of ['alert','confirm','prompt']) { window[f] = (m) => { (window.__xss = window.__xss || []).push(f + ':' + m); }; }");

            foreach (var html in Directory.GetFiles(options.OutputDirectory, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                await page.GotoAsync(new Uri(html).AbsoluteUri);
                var calls = await page.EvaluateAsync<string[]>("window.__xss || []");
                fired.AddRange(calls.Select(c => $"{Path.GetRelativePath(options.OutputDirectory, html)}: {c}"));
            }

            await page.GotoAsync(new Uri(xssPage).AbsoluteUri);
            Assert.Contains("<script>alert('xss-body')</script>", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.Contains("{{#each this}}", await page.InnerTextAsync("main"), StringComparison.Ordinal);

            await page.GotoAsync(new Uri(Path.Combine(options.OutputDirectory, "search.html")).AbsoluteUri);
            foreach (var query in new[] { "<img src=x onerror=alert(1)>", "ImmunoGen <script>alert('xss-title')</script>", "\"><svg onload=alert(2)>" })
            {
                await page.FillAsync("#kb-q", query);
                await page.WaitForTimeoutAsync(300);
                fired.AddRange((await page.EvaluateAsync<string[]>("window.__xss || []")).Select(c => $"search '{query}': {c}"));
            }

            Assert.Empty(fired);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
