using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Render;
using ImmunoGen.Kb.Site.Tests.Fixtures;

namespace ImmunoGen.Kb.Site.Tests;

public class SiteRendererTests
{
    [Fact]
    public void MissingTemplates_NamesEachPageTemplateTheSetLacks()
    {
        using var dir = new TempSite(("layouts/base.hbs", "<html>{{{body}}}</html>"), ("layouts/home.hbs", "<h1>{{title}}</h1>"));
        var templates = new HandlebarsTemplateEngine().Load(dir.Root, []);

        var missing = SiteRenderer.MissingTemplates(templates);

        Assert.Equal(SiteRenderer.RequiredTemplates.Count - 2, missing.Count);
        Assert.All(missing, d => Assert.Equal(DiagnosticCodes.Render.MissingTemplate, d.Code));
        Assert.Contains(missing, d => d.Path == "templates/layouts/compound.hbs");
    }

    [Fact]
    public void TryRender_WhenAPageTemplateIsMissing_ReportsRenderFailedInsteadOfThrowing()
    {
        using var dir = new TempSite(("layouts/base.hbs", "<html>{{{body}}}</html>"), ("layouts/home.hbs", "<h1>{{title}}</h1>"));
        var templates = new HandlebarsTemplateEngine().Load(dir.Root, []);
        var renderer = new SiteRenderer(templates, SeedGraph.Build(), SiteOptions.Default);
        var bag = new DiagnosticBag();
        var jobs = renderer.Jobs();

        var home = SiteRenderer.TryRender(jobs.Single(j => j.Path == "index.html"), bag);
        var compound = SiteRenderer.TryRender(jobs.Single(j => j.Path == "compounds/sar3419.html"), bag);

        Assert.NotNull(home);
        Assert.Null(compound);
        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal(DiagnosticCodes.Render.RenderFailed, d.Code);
        Assert.Equal("compounds/sar3419.html", d.Path);
    }

    [Fact]
    public void TryRender_WhenAFilingPageCannotBeReadAgain_ReportsThePageInsteadOfThrowing()
    {
        var graph = SeedGraph.Build();
        var filing = graph.Corpus.Filings.First(f => f.Meta.Compounds.Contains("sar3419"));
        var corpus = graph.Corpus with
        {
            Filings = [.. graph.Corpus.Filings.Select(f => f == filing ? f with { Body = null } : f)],
            Bodies = new ChangedPages(),
        };
        var renderer = new SiteRenderer(new FixtureSite().Templates, new Link.KnowledgeGraph(corpus, graph.Registry, graph.Mentions, graph.Quotes, [], [], []), SiteOptions.Default);
        var bag = new DiagnosticBag();
        var jobs = renderer.Jobs();

        var page = SiteRenderer.TryRender(jobs.Single(j => j.Path == $"filings/{filing.Slug}.html"), bag);
        var linking = SiteRenderer.TryRender(jobs.Single(j => j.Path == "compounds/sar3419.html"), bag);
        var other = SiteRenderer.TryRender(jobs.Single(j => j.Path == $"filings/{graph.Corpus.Filings.First(f => f != filing).Slug}.html"), bag);

        Assert.Null(page);
        Assert.Null(linking);
        Assert.NotNull(other);
        Assert.Equal(
            [$"KB2008 {filing.Path}: page changed during the build; build again (compounds/sar3419.html is not rendered)", $"KB2008 {filing.Path}: page changed during the build; build again (filings/{filing.Slug}.html is not rendered)"],
            bag.ToSortedList().Select(d => $"{d.Code} {d.Path}: {d.Message}"));
    }

    private sealed class ChangedPages : IFilingBodySource
    {
        public string ReadBody(Filing filing) => throw new PageReadException(filing.Path, "page changed during the build; build again");
    }

    // Pages are streamed into the base layout where it emits {{{body}}}; any other use of the body renders the plain way.
    [Theory]
    [InlineData("<html>\r\n{{{body}}}\r\n</html>", "<h1>x</h1>\r\n", "<html>\n<h1>x</h1>\n\n</html>")]
    [InlineData("<p>{{body}}</p>", "<b>x</b>", "<p>&lt;b&gt;x&lt;/b&gt;</p>")]
    [InlineData("{{{body}}}|{{{body}}}", "<b>x</b>", "<b>x</b>|<b>x</b>")]
    [InlineData("{{#if body}}[{{{body}}}]{{else}}empty{{/if}}", "", "empty")]
    [InlineData("{{#if body}}[{{{body}}}]{{else}}empty{{/if}}", "y\r", "[y\r]")]
    [InlineData("<html></html>", "<b>x</b>", "<html></html>")]
    public void Layout_AnyBaseTemplate_GivesTheBodyWhereTheBaseSaysSo(string baseTemplate, string homeTemplate, string expected)
    {
        using var dir = new TempSite(("layouts/base.hbs", baseTemplate), ("layouts/home.hbs", homeTemplate));
        var templates = new HandlebarsTemplateEngine().Load(dir.Root, []);
        var renderer = new SiteRenderer(templates, SeedGraph.Build(), SiteOptions.Default);

        var home = renderer.Jobs().Single(j => j.Path == "index.html").Render();

        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(home.Content));
    }

    [Fact]
    public void FilingText_IsEscaped_NeverMarkup()
    {
        var graph = SeedGraph.Build();
        var filing = graph.Corpus.Filings[0];
        var hostile = filing with { Body = "A <script>alert(1)</script> & SAR3419 <b>bold</b>.\n", Meta = filing.Meta with { Title = "<img src=x onerror=alert(1)>" } };
        var corpus = graph.Corpus with { Filings = [hostile, .. graph.Corpus.Filings.Skip(1)] };
        var hostileGraph = new Link.KnowledgeGraph(corpus, graph.Registry, [], [], [], [], []);
        var site = new FixtureSite();
        var renderer = new SiteRenderer(site.Templates, hostileGraph, SiteOptions.Default);

        var html = System.Text.Encoding.UTF8.GetString(renderer.Jobs().Single(j => j.Path == $"filings/{filing.Slug}.html").Render().Content);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../compounds/sar3419.html\" title=\"SAR3419\">SAR3419</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_000_000L, null, "$1,000,000")]
    [InlineData(21_500_000L, 30_000_000L, "$21.5M–$30M")]
    [InlineData(4_500_000L, 4_500_000L, "$4,500,000")]
    [InlineData(null, null, "")]
    public void Amount_ReadsLikeTheFilings(long? min, long? max, string expected) =>
        Assert.Equal(expected, DisplayText.Amount(min, max));

    [Theory]
    [InlineData("1", "Phase I")]
    [InlineData("1/2", "Phase I/II")]
    [InlineData("3", "Phase III")]
    [InlineData("pivotal", "pivotal")]
    public void Phase_IsWrittenInRomanNumerals(string phase, string expected) =>
        Assert.Equal(expected, DisplayText.Phase(phase));
}
