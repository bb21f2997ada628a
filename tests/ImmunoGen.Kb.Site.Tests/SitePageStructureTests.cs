using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ImmunoGen.Kb.Site.Tests.Fixtures;

namespace ImmunoGen.Kb.Site.Tests;

/// <summary>What an analyst must find on the pages of the seed site, read with AngleSharp.</summary>
public class SitePageStructureTests
{
    private static readonly FixtureSite Site = new();
    private static readonly Dictionary<string, byte[]> Files = Site.Files().ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);

    private static IDocument Parse(string path) => new HtmlParser().ParseDocument(Encoding.UTF8.GetString(Files[path]));

    private static string Text(IElement? e) => string.Join(' ', (e?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static TheoryData<string> HtmlPages() => new(Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

    [Fact]
    public void Site_HasThePagesOfTheLayout()
    {
        string[] expected =
        [
            "index.html", "search.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "timeline.html", "graph.html",
            "filings/index.html", "filings/item-1-01.html", "filings/partner-sanofi-aventis.html", "filings/compound-sar3419.html",
            $"filings/{SeedCorpus.Sar3419Filing}.html", "compounds/index.html", "compounds/by-stage.html", "compounds/by-latest.html",
            "compounds/sar3419.html", "compounds/sar3419.xml", "partners/index.html", "partners/by-money.html", "partners/sanofi-aventis.html",
            "partners/sanofi-aventis.xml", "people/index.html", "people/mitchel-sayare.html", "data/filings.json", "data/entities.json",
            "data/events.json", "assets/site.css",
        ];
        Assert.All(expected, p => Assert.True(Files.ContainsKey(p), $"missing {p}"));
    }

    [Fact]
    public void CompoundPage_OfSar3419_ShowsPhaseIFromOctober17_2007_AndTheMilestone()
    {
        var doc = Parse("compounds/sar3419.html");

        Assert.Equal("SAR3419", Text(doc.QuerySelector("h1")));
        Assert.Equal("Phase I since October 17, 2007", Text(doc.QuerySelector(".stage-now")));
        var stages = doc.QuerySelectorAll(".stage-list li").Select(Text).ToList();
        Assert.Equal(2, stages.Count);
        Assert.StartsWith("Preclinical from October 4, 2006", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("Phase I from October 17, 2007", stages[1], StringComparison.Ordinal);
        Assert.Equal("2007-10-17", doc.QuerySelectorAll(".stage-list time")[1].GetAttribute("datetime"));

        var milestone = doc.QuerySelectorAll("table.events tbody tr").Single(r => Text(r).Contains("Milestone payment", StringComparison.Ordinal));
        Assert.Equal("$1,000,000", Text(milestone.QuerySelector("td.num")));
        Assert.Equal($"../filings/{SeedCorpus.Sar3419Filing}.html#p1", milestone.QuerySelector("td:last-child a")!.GetAttribute("href"));

        // The chart: one linked dot per stage point, each pointing at the paragraph that reported it.
        var dots = doc.QuerySelectorAll("svg.stage-chart a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"../filings/{SeedCorpus.Ave1642Filing}.html#p5", $"../filings/{SeedCorpus.Sar3419Filing}.html#p1"], dots);
    }

    [Fact]
    public void CompoundPage_OfSar3419_ListsMentioningSentencesAndQuotes()
    {
        var doc = Parse("compounds/sar3419.html");

        var filings = doc.QuerySelectorAll("ol.mentions > li").ToList();
        Assert.Equal(2, filings.Count);
        Assert.Contains("October 17, 2007", Text(filings[0]), StringComparison.Ordinal);
        // The boilerplate "About ImmunoGen" mention is not shown as a sentence.
        Assert.Equal(2, filings[0].QuerySelectorAll("ul li").Length);
        Assert.Contains("into Phase I clinical testing", Text(filings[0].QuerySelector("ul li")), StringComparison.Ordinal);

        var quotes = doc.QuerySelectorAll("figure.quote").ToList();
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("../people/mitchel-sayare.html", q.QuerySelector("figcaption a")!.GetAttribute("href")));

        var card = doc.QuerySelectorAll(".card .facts div").ToDictionary(d => Text(d.QuerySelector("dt")), d => Text(d.QuerySelector("dd")));
        Assert.Equal("CD19", card["Target"]);
        Assert.Equal("DM4", card["Payload"]);
        Assert.Equal("non-Hodgkin's lymphoma; B-cell malignancies", card["Indications"]);
        Assert.Equal("../partners/sanofi-aventis.html", doc.QuerySelector(".card ul.plain a")!.GetAttribute("href"));
    }

    [Fact]
    public void PartnerPage_OfSanofiAventis_TotalsTheMilestonesAndFeesReceived()
    {
        var doc = Parse("partners/sanofi-aventis.html");

        Assert.Equal("sanofi-aventis", Text(doc.QuerySelector("h1")));
        // $2,000,000 (AVE1642) + $1,000,000 (SAR3419) milestones + $1,000,000 license fee.
        Assert.Equal("$4,000,000", Text(doc.QuerySelector("table.ledger tfoot .total-received")));
        Assert.Equal("$26M–$34.5M", Text(doc.QuerySelector("table.ledger tfoot .total-potential")));
        var received = doc.QuerySelectorAll("table.ledger tbody tr.status-received").Select(r => Text(r.QuerySelector("td.num"))).ToList();
        Assert.Equal(["$2,000,000", "$1,000,000", "$1,000,000"], received);
        Assert.Equal(["AVE1642", "SAR3419"], doc.QuerySelectorAll("table.ledger tbody tr.status-received td:nth-child(3) a").Select(Text));
        Assert.Equal("$1,000,000", Text(doc.QuerySelectorAll(".card .totals div").Single(d => Text(d.QuerySelector("dt")) == "of which license fees").QuerySelector("dd")));
    }

    [Fact]
    public void FilingPage_KeepsParagraphIds_AndLinksTheFirstMentionPerParagraph()
    {
        var doc = Parse($"filings/{SeedCorpus.Sar3419Filing}.html");

        Assert.Equal(["p1", "p2", "p3", "p4"], doc.QuerySelectorAll(".filing-body p[id]").Select(p => p.Id));
        // "SAR3419" appears twice in the first paragraph: only the first is a link.
        Assert.Equal(1, doc.QuerySelectorAll("#p1 a[href='../compounds/sar3419.html']").Length);
        Assert.Equal("../partners/sanofi-aventis.html", doc.QuerySelector("#p2 a[href*='partners']")!.GetAttribute("href"));
        Assert.Equal("sanofiaventis", Text(doc.QuerySelector("#p2 a[href*='partners']")));
        Assert.Contains("$1 million", Text(doc.QuerySelector("#p1")), StringComparison.Ordinal);

        var facts = doc.QuerySelectorAll(".facts-panel > .facts div").ToDictionary(d => Text(d.QuerySelector("dt")), d => Text(d.QuerySelector("dd")));
        Assert.Equal("8-K", facts["Form"]);
        Assert.Equal("October 17, 2007", facts["Date of earliest event"]);
        Assert.Equal("raw/003_35968dba8423dc4d.txt", Text(doc.QuerySelector(".source code")));
        Assert.Equal("../people/daniel-m-junius.html", doc.QuerySelector(".facts-panel ul.plain a")!.GetAttribute("href"));
        Assert.Equal($"{SeedCorpus.Huc242Filing}.html", doc.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(doc.QuerySelector("a[rel=next]"));
        Assert.Equal(2, doc.QuerySelectorAll("table.events tbody tr[id^='event-']").Length);
    }

    [Fact]
    public void CompoundPage_WithoutStagesOrEvents_SaysSoInsteadOfEmptyTables()
    {
        var doc = Parse("compounds/cantuzumab-mertansine.html");

        Assert.Null(doc.QuerySelector("svg.stage-chart"));
        Assert.Null(doc.QuerySelector("table.events"));
        Assert.Equal("No stage reported yet.", Text(doc.QuerySelector("section[aria-labelledby=stage] p")));
        Assert.Equal("No dated events reported yet.", Text(doc.QuerySelector("section[aria-labelledby=events] p")));
        Assert.Equal("../compounds/huc242-dm4.html", doc.QuerySelectorAll(".card ul.plain a").Single().GetAttribute("href"));
        Assert.Contains("Anthony W. Tolcher", Text(doc.QuerySelector("figure.quote figcaption")), StringComparison.Ordinal);
    }

    [Fact]
    public void FilingFacetPage_ListsOnlyTheFilingsWithThatItem()
    {
        var doc = Parse("filings/item-1-01.html");

        Assert.Equal("Filings: Item 1.01", Text(doc.QuerySelector("h1")));
        var listed = doc.QuerySelectorAll(".filing-list a.filing-title").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"../filings/{SeedCorpus.LicenseFiling}.html"], listed);
        Assert.Equal("item-1-01.html", doc.QuerySelector(".facets a[aria-current=page]")!.GetAttribute("href"));
    }

    [Fact]
    public void FilterMenus_CountFilingsOnTheFullList_AndNameTheSameFacetsOnEveryFacetPage()
    {
        var all = Parse("filings/index.html").QuerySelectorAll(".facets a");
        var facet = Parse("filings/compound-sar3419.html").QuerySelectorAll(".facets a");

        Assert.Equal("Item 1.01 1", Text(all.Single(a => a.GetAttribute("href") == "item-1-01.html")));
        Assert.Equal(all.Select(a => a.GetAttribute("href")), facet.Select(a => a.GetAttribute("href")));
        Assert.Equal(all.Select(a => a.FirstChild!.TextContent.Trim()), facet.Select(Text));
        Assert.Empty(facet.SelectMany(a => a.QuerySelectorAll(".count")));
        Assert.Equal(all.Length, all.SelectMany(a => a.QuerySelectorAll(".count")).Count());
    }

    [Fact]
    public void PersonPage_ShowsRolesOverTimeAndQuotesWithSources()
    {
        var doc = Parse("people/mitchel-sayare.html");

        var role = doc.QuerySelectorAll("section[aria-labelledby=roles] tbody tr").Single();
        Assert.Equal("Chairman and CEO ImmunoGen, Inc. October 4, 2006 October 17, 2007", string.Join(' ', role.QuerySelectorAll("td").Take(4).Select(Text)));
        Assert.Equal(3, doc.QuerySelectorAll("figure.quote").Length);
        Assert.Equal($"../filings/{SeedCorpus.LicenseFiling}.html#p2", doc.QuerySelectorAll("figure.quote figcaption a")
            .Select(a => a.GetAttribute("href")).Single(h => h!.Contains(SeedCorpus.LicenseFiling, StringComparison.Ordinal)));
    }

    [Fact]
    public void CompoundIndexByStage_PutsTheMostAdvancedFirst()
    {
        var names = Parse("compounds/by-stage.html").QuerySelectorAll("table.index tbody tr td:first-child a").Select(Text).ToList();

        Assert.Equal(["AVE1642", "AVE9633", "huC242-DM4", "SAR3419", "cantuzumab mertansine", "huN901-DM1", "trastuzumab-DM1"], names);
    }

    [Fact]
    public void GraphPage_DrawsEveryCompoundAndPartnerAsALink()
    {
        var doc = Parse("graph.html");
        var hrefs = doc.QuerySelectorAll("svg.entity-graph a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("compounds/sar3419.html", hrefs);
        Assert.Contains("partners/sanofi-aventis.html", hrefs);
        Assert.Contains("#target-cd19", hrefs);
        Assert.NotNull(doc.GetElementById("target-cd19"));
        Assert.Equal(3 + 7 + 6 + 2, hrefs.Count);
    }

    [Theory]
    [MemberData(nameof(HtmlPages))]
    public void EveryPage_HasOneH1_Main_TitleAndDescription_AndNoExternalResources(string path)
    {
        var doc = Parse(path);

        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Single(doc.QuerySelectorAll("main"));
        Assert.Single(doc.QuerySelectorAll("header.site-header"));
        Assert.Single(doc.QuerySelectorAll("footer.site-footer"));
        Assert.False(string.IsNullOrWhiteSpace(doc.Title));
        Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        foreach (var el in doc.QuerySelectorAll("[src], link[href], [href]"))
        {
            var url = el.GetAttribute("src") ?? el.GetAttribute("href")!;
            Assert.False(url.Contains("://", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith('/'), $"{path}: <{el.LocalName}> refers to '{url}'");
        }
    }

    [Fact]
    public void Feeds_AreAtomWithAbsoluteStableIds_AndNoClockTime()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(Encoding.UTF8.GetString(Files["feed.xml"])).Root!;
        Assert.Equal("2007-10-17T00:00:00Z", feed.Element(atom + "updated")!.Value);
        Assert.Equal("https://immunogen-kb.example/feed.xml", feed.Element(atom + "id")!.Value);
        var ids = feed.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value).ToList();
        Assert.Contains($"https://immunogen-kb.example/filings/{SeedCorpus.Sar3419Filing}.html", ids);
        Assert.Contains($"https://immunogen-kb.example/filings/{SeedCorpus.Sar3419Filing}.html#event-2", ids);

        var compound = XDocument.Parse(Encoding.UTF8.GetString(Files["compounds/sar3419.xml"])).Root!;
        Assert.Equal(4, compound.Elements(atom + "entry").Count());
    }

    [Fact]
    public void DataExport_HoldsFilingsEntitiesAndEvents()
    {
        using var filings = JsonDocument.Parse(Files["data/filings.json"]);
        using var events = JsonDocument.Parse(Files["data/events.json"]);
        using var entities = JsonDocument.Parse(Files["data/entities.json"]);

        Assert.Equal(4, filings.RootElement.GetArrayLength());
        Assert.Equal("2006-10-17", filings.RootElement[1].GetProperty("event_date").GetString());
        Assert.Equal(9, events.RootElement.GetArrayLength());
        var sanofi = entities.RootElement.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "sanofi-aventis");
        Assert.Equal(4_000_000, sanofi.GetProperty("received_usd").GetInt64());
    }

    [Fact]
    public void Sitemap_ListsEveryPageButThe404_WithTheBaseUrl()
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(Encoding.UTF8.GetString(Files["sitemap.xml"])).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();

        Assert.Equal(Files.Keys.Count(k => k.EndsWith(".html", StringComparison.Ordinal)) - 1, locs.Count);
        Assert.Contains("https://immunogen-kb.example/compounds/sar3419.html", locs);
        Assert.DoesNotContain("https://immunogen-kb.example/404.html", locs);
    }

    [Fact]
    public void Rendering_TwiceGivesTheSameBytes()
    {
        var again = new FixtureSite().Files();

        Assert.Equal(Files.Keys.Order(StringComparer.Ordinal), again.Select(f => f.Path));
        Assert.All(again, f => Assert.True(Files[f.Path].AsSpan().SequenceEqual(f.Content), $"{f.Path} differs between two renders"));
    }
}
