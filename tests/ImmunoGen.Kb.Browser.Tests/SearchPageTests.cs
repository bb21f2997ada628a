using ImmunoGen.Kb.Browser.Tests.Search;
using ImmunoGen.Kb.Tests.Search;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ImmunoGen.Kb.Browser.Tests;

/// <summary>
/// The search page in real Chromium: every case of tests/search-cases.json typed into the page opened from disk and
/// from a sub-path, keyboard navigation, the ?q= link, snippets, filters and "no results".
/// </summary>
public sealed class SearchPageTests
{
    [ChromiumFact]
    public async Task Every_shared_case_passes_in_the_page_opened_from_disk()
    {
        using var site = new SearchSite();
        var failures = await RunCases(site.FileUrl("search.html"));
        Assert.Empty(failures);
    }

    [ChromiumFact]
    public async Task Every_shared_case_passes_with_the_index_cut_into_tiny_pieces()
    {
        // Term shards split two levels deep, one filing per chunk: prefixes run across shards, queries load many pieces.
        using var site = new SearchSite(SeedGraph.TinyLayout);
        var failures = await RunCases(site.FileUrl("search.html"));
        Assert.Empty(failures);
    }

    [ChromiumFact]
    public async Task Every_shared_case_passes_under_a_sub_path()
    {
        using var site = new SearchSite();
        using var server = site.Serve();
        var failures = await RunCases(server.BaseUrl + "search.html");
        Assert.Empty(failures);
    }

    [ChromiumFact]
    public async Task Arrow_keys_choose_a_result_and_Enter_opens_it()
    {
        using var site = new SearchSite();
        await WithPage(site.FileUrl("search.html"), async page =>
        {
            await Type(page, "DM4");
            var input = page.Locator("#kb-q");
            await input.PressAsync("ArrowDown");
            Assert.Equal("huc242-dm4", await Selected(page));
            await input.PressAsync("ArrowDown");
            Assert.Equal("ave9633", await Selected(page));
            await input.PressAsync("ArrowDown");
            await input.PressAsync("ArrowUp");
            Assert.Equal("ave9633", await Selected(page));
            await input.PressAsync("Enter");
            // Polls the address and the heading rather than waiting for a load event, which Playwright can miss when
            // the navigation finishes before it starts listening.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/compounds/ave9633\.html$"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("AVE9633");
        });
    }

    [ChromiumFact]
    public async Task The_query_is_kept_in_the_url_and_a_shared_link_runs_it()
    {
        using var site = new SearchSite();
        using var server = site.Serve();
        await WithPage(server.BaseUrl + "search.html?q=T-DM1", async page =>
        {
            Assert.Equal("T-DM1", await page.Locator("#kb-q").InputValueAsync());
            var first = page.Locator(".kb-result[data-rank='0']");
            Assert.Equal("trastuzumab-dm1", await first.GetAttributeAsync("data-slug"));
            Assert.Equal("alias T-DM1", await first.Locator(".kb-why").TextContentAsync());
            Assert.Equal("HER2 · Genentech", await first.Locator(".kb-meta").TextContentAsync());

            await Type(page, "sar 3419");
            Assert.Equal("?q=sar+3419", new Uri(page.Url).Query);
        });

        await WithPage(site.FileUrl("search.html") + "?q=SAR3419", async page =>
        {
            var first = page.Locator(".kb-result[data-rank='0']");
            Assert.Equal("sar3419", await first.GetAttributeAsync("data-slug"));
            Assert.Equal("CD19 · sanofi-aventis · Phase I", await first.Locator(".kb-meta").TextContentAsync());
            await Type(page, "huC242");
            Assert.Equal("?q=huC242", new Uri(page.Url).Query);
        });
    }

    [ChromiumFact]
    public async Task A_filing_shows_its_date_and_a_snippet_with_the_match_highlighted()
    {
        using var site = new SearchSite();
        await WithPage(site.FileUrl("search.html"), async page =>
        {
            await page.SelectOptionAsync("#kb-kind", "filing");
            await Type(page, "resurfacing");
            var first = page.Locator(".kb-result[data-rank='0']");
            Assert.Equal("2006-10-17", await first.Locator(".kb-meta").TextContentAsync());
            await first.Locator(".kb-snippet mark").First.WaitForAsync();
            var marks = await first.Locator(".kb-snippet mark").AllTextContentsAsync();
            Assert.NotEmpty(marks);
            Assert.All(marks, m => Assert.Equal("resurfacing", m, ignoreCase: true));
            Assert.Equal("filing", await page.Locator("#kb-kind").InputValueAsync());
            Assert.Contains("kind=filing", page.Url, StringComparison.Ordinal);
        });
    }

    [ChromiumFact]
    public async Task Filters_by_partner_and_year_narrow_the_results()
    {
        using var site = new SearchSite();
        await WithPage(site.FileUrl("search.html"), async page =>
        {
            await page.SelectOptionAsync("#kb-partner", "genentech");
            await Type(page, "DM1");
            Assert.Equal(["trastuzumab-dm1"], await Slugs(page, "compound"));

            await page.SelectOptionAsync("#kb-partner", "");
            await page.SelectOptionAsync("#kb-year", "2007");
            await Type(page, "sanofi");
            var results = await Results(page);
            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.Equal("filing", r.Kind));
            Assert.Equal(["2007-10-17-sanofi-aventis-advances-sar3419-into-phase-i"], results.Select(r => r.Slug));
        });
    }

    [ChromiumFact]
    public async Task No_results_says_so_and_offers_the_closest_names()
    {
        using var site = new SearchSite();
        await WithPage(site.FileUrl("search.html"), async page =>
        {
            await Type(page, "Genentqxz");
            Assert.Equal("No results for “Genentqxz”.", await page.Locator("#kb-status").TextContentAsync());
            var suggestion = page.Locator(".kb-suggestion[data-slug='genentech']");
            Assert.Equal("Genentech", await suggestion.TextContentAsync());
            await suggestion.ClickAsync();
            Assert.Equal("genentech", await page.Locator(".kb-result[data-rank='0']").GetAttributeAsync("data-slug"));
        });
    }

    private static async Task<List<string>> RunCases(string url)
    {
        var failures = new List<string>();
        await WithPage(url, async page =>
        {
            foreach (var c in SearchCase.Load())
            {
                await page.SelectOptionAsync("#kb-kind", c.Kind ?? "");
                await Type(page, c.Query);
                var results = await Results(page);
                var suggestions = await page.Locator(".kb-suggestion").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.slug)");
                failures.AddRange(c.Failures(results.Select(r => (r.Kind, r.Slug, r.Why)).ToList(), suggestions));
            }
        });
        return failures;
    }

    private static async Task WithPage(string url, Func<IPage, Task> test)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(url);
            await page.WaitForSelectorAsync("#kb-search[data-ready='all']");
            await test(page);
            Assert.Empty(errors);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    /// <summary>
    /// Clears the box and types the query key by key, as a person would, then waits for the page to settle: every
    /// piece of the index the query needs has arrived and its results are on screen (data-done).
    /// </summary>
    private static async Task Type(IPage page, string query)
    {
        var input = page.Locator("#kb-q");
        await input.FillAsync("");
        await page.WaitForFunctionAsync("() => document.getElementById('kb-search').dataset.done === ''");
        await input.PressSequentiallyAsync(query);
        await page.WaitForFunctionAsync(
            "q => new URLSearchParams(location.search).get('q') === q && document.getElementById('kb-search').dataset.done === q && document.querySelectorAll('#kb-results *').length + document.getElementById('kb-status').textContent.length > 0",
            query);
    }

    private static async Task<string?> Selected(IPage page) =>
        await page.Locator(".kb-result[aria-selected='true']").GetAttributeAsync("data-slug");

    private static async Task<List<(string Kind, string Slug, string Why)>> Results(IPage page)
    {
        var rows = await page.Locator(".kb-result").EvaluateAllAsync<string[][]>(
            "els => els.map(e => [e.dataset.rank, e.dataset.kind, e.dataset.slug, e.querySelector('.kb-why').textContent])");
        return rows.OrderBy(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).Select(r => (r[1], r[2], r[3])).ToList();
    }

    private static async Task<List<string>> Slugs(IPage page, string kind) =>
        (await Results(page)).Where(r => r.Kind == kind).Select(r => r.Slug).ToList();
}
