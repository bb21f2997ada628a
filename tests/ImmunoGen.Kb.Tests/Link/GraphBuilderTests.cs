using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;
using ImmunoGen.Kb.Tests.Extract;

namespace ImmunoGen.Kb.Tests.Link;

/// <summary>The Link stage on the four seeds, as the build runs it: front-matter filled by the analyzer, then the graph.</summary>
public class GraphBuilderTests
{
    private static readonly Lazy<(KnowledgeGraph Graph, Corpus Corpus, EntityRegistry Registry)> Seeds = new(() =>
    {
        var registry = SeedFilings.Registry();
        var analyzer = new FilingAnalyzer(registry);
        var filings = SeedFilings.Ids.Select(id =>
        {
            var markdown = SeedFilings.Markdown(id);
            var meta = analyzer.Analyze(SeedFilings.Meta(id), FilingBody.Parse(markdown)).ApplyTo(SeedFilings.Meta(id));
            var slug = $"{meta.Date:yyyy-MM-dd}-seed-{id[..3]}";
            return new Filing(slug, $"filings/{slug}.md", meta, markdown, 1);
        }).ToList();
        var corpus = new Corpus(filings, [.. registry.Entities.OfType<Compound>()], [.. registry.Entities.OfType<Partner>()], [.. registry.Entities.OfType<Person>()]);
        return (GraphBuilder.Build(corpus, registry), corpus, registry);
    });

    private static KnowledgeGraph Graph => Seeds.Value.Graph;

    private static EntityRef Compound(string slug) => new(EntityKind.Compound, slug);

    [Fact]
    public void Sar3419_StageGoesFromPreclinicalToPhaseI()
    {
        Assert.Equal(
            [(new DateOnly(2006, 10, 4), StageNames.Preclinical, "2006-10-04-seed-000"), (new DateOnly(2007, 10, 17), StageNames.PhaseI, "2007-10-17-seed-003")],
            Graph.StagesOf("sar3419").Select(s => (s.Date, s.Stage, s.FilingSlug)));
    }

    [Fact]
    public void HuC242Dm4_IsInPhaseIOnNovember8_2006_FromTheStudyParagraph()
    {
        var point = Assert.Single(Graph.StagesOf("huc242-dm4"), s => s.Date == new DateOnly(2006, 11, 8));

        Assert.Equal((StageNames.PhaseI, "p1"), (point.Stage, point.Paragraph));
    }

    [Fact]
    public void HuC242Dm4_StaysInPhaseI_WhenALaterAboutParagraphOnlySaysClinicalTesting()
    {
        // Seed 003 (October 17, 2007) lists huC242-DM4 as "in clinical testing", which is no news after Phase I.
        Assert.Equal(
            [(new DateOnly(2006, 10, 4), StageNames.Clinical), (new DateOnly(2006, 10, 17), StageNames.Clinical), (new DateOnly(2006, 11, 8), StageNames.PhaseI)],
            Graph.StagesOf("huc242-dm4").Select(s => (s.Date, s.Stage)));
    }

    [Fact]
    public void SanofiLedger_SumsEarnedMilestonesAndKeepsFeesAndPotentialPerDeal()
    {
        var ledger = Graph.LedgerOf("sanofi-aventis");

        Assert.NotNull(ledger);
        Assert.Equal(3_000_000, ledger.ReceivedUsd);
        Assert.Equal(1_000_000, ledger.LicenseFeesUsd);
        Assert.Equal((47_500_000, 64_500_000), (ledger.PotentialMinUsd, ledger.PotentialMaxUsd));
        Assert.Equal(
            [
                ("ave1642", 2_000_000L, 0L, 21_500_000L, 30_000_000L),
                (GraphBuilder.LicenseDealPrefix + "2006-10-17", 0L, 1_000_000L, 4_500_000L, 4_500_000L),
                ("sar3419", 1_000_000L, 0L, 21_500_000L, 30_000_000L),
            ],
            ledger.Deals.Select(d => (d.Deal, d.ReceivedUsd, d.LicenseFeesUsd, d.PotentialMinUsd, d.PotentialMaxUsd)).OrderBy(d => d.Deal, StringComparer.Ordinal));
        Assert.Equal(6, ledger.Entries.Count);
        Assert.All(ledger.Entries, e => Assert.StartsWith("p", e.Event.Event.Paragraph, StringComparison.Ordinal));
    }

    [Fact]
    public void Mentions_CarryTheirSentenceAndMarkBoilerplate()
    {
        var mentions = Graph.MentionsOf(Compound("huc242-dm4"));

        Assert.Equal(Seeds.Value.Corpus.Filings.Select(f => f.Slug), mentions.Select(m => m.FilingSlug).Distinct());
        Assert.Contains(mentions, m => !m.Boilerplate && m.Sentence.ToString().StartsWith("Dr. Tolcher commented", StringComparison.Ordinal));
        Assert.Contains(mentions, m => m.Boilerplate && m.Sentence.ToString().StartsWith("Five anticancer compounds are in clinical testing", StringComparison.Ordinal));
        Assert.All(Graph.MentionsOf(new EntityRef(EntityKind.Partner, "amgen")), m => Assert.True(m.Boilerplate));
    }

    // The graph holds every mention's sentence while pages render: a sentence naming several entities, or repeated from
    // filing to filing (boilerplate), is held once.
    [Fact]
    public void EqualSentences_AreHeldOnce()
    {
        var repeated = Graph.Mentions.GroupBy(m => m.Sentence).Where(g => g.Count() > 1).ToList();

        Assert.NotEmpty(repeated);
        Assert.All(repeated, g => Assert.All(g, m => Assert.Same(g.First().Sentence, m.Sentence)));
    }

    [Fact]
    public void Quotes_LinkBackToTheirParagraphAndNameTheirCompounds()
    {
        var q = Assert.Single(Graph.QuotesBy("anthony-w-tolcher"));

        Assert.Equal(("2006-11-08-seed-002", "p19"), (q.FilingSlug, q.Paragraph));
        Assert.Equal(["huc242-dm4", "cantuzumab-mertansine"], q.Compounds);
        Assert.Contains(q, Graph.QuotesAbout("cantuzumab-mertansine"));
        Assert.Equal(5, Graph.QuotesBy("mitchel-sayare").Count);
    }

    [Fact]
    public void RoleHistory_MergesThePageWithTheRolesSeen()
    {
        Assert.Equal(
            [new Role("Executive Vice President and Chief Financial Officer", "ImmunoGen, Inc.", new(2006, 10, 19), new(2006, 11, 8))],
            Graph.RoleHistoryOf("daniel-m-junius"));
        Assert.Equal(
            [new Role("Media Contact", "KMorrisPR", new(2006, 10, 17), new(2007, 10, 17))],
            Graph.RoleHistoryOf("kathryn-morris"));
    }

    [Fact]
    public void Related_LinksSameAntibodyCompoundsAndDealPartnersBothWays()
    {
        Assert.Contains(Compound("cantuzumab-mertansine"), Graph.RelatedOf(Compound("huc242-dm4")));
        Assert.Contains(Compound("huc242-dm4"), Graph.RelatedOf(Compound("cantuzumab-mertansine")));
        Assert.Contains(Compound("sar3419"), Graph.RelatedOf(new EntityRef(EntityKind.Partner, "sanofi-aventis")));
        Assert.Contains(Compound("huc242-dm4"), Graph.RelatedOf(new EntityRef(EntityKind.Person, "anthony-w-tolcher")));
    }

    [Fact]
    public void Events_OfAPartner_AreInDateOrderWithProvenance()
    {
        var events = Graph.EventsOf(new EntityRef(EntityKind.Partner, "sanofi-aventis"));

        Assert.Equal(9, events.Count);
        Assert.Equal(events.OrderBy(e => e.Date).Select(e => e.Date), events.Select(e => e.Date));
        Assert.All(events, e => Assert.NotNull(e.Event.Paragraph));
    }

    [Fact]
    public void Build_IsDeterministic()
    {
        var (_, corpus, registry) = Seeds.Value;
        var again = GraphBuilder.Build(corpus, registry);

        Assert.Equal(Graph.Mentions, again.Mentions);
        Assert.Equal(Graph.Quotes.Select(q => (q.PersonSlug, q.FilingSlug, q.Paragraph, q.Text)), again.Quotes.Select(q => (q.PersonSlug, q.FilingSlug, q.Paragraph, q.Text)));
        Assert.Equal(Graph.StagesOf("ave1642"), again.StagesOf("ave1642"));
    }

    [Fact]
    public void CheckReferences_FindsNoDanglingSlugInTheSeedsAndReportsOneThatIs()
    {
        var (_, corpus, registry) = Seeds.Value;
        Assert.Empty(GraphBuilder.CheckReferences(corpus, registry));

        var broken = corpus with { Compounds = [new Compound { Slug = "x1", Name = "X1", Related = ["nope"], Path = "compounds/x1.md" }] };
        var d = Assert.Single(GraphBuilder.CheckReferences(broken, registry));

        Assert.Equal((DiagnosticCodes.Entities.UnknownEntity, "compounds/x1.md"), (d.Code, d.Path));
    }

    [Fact]
    public void LinksIn_GivesTheFirstMentionOfEachEntityPerParagraph()
    {
        var links = Graph.LinksIn("2006-11-08-seed-002");

        Assert.Equal(links.Count, links.Select(m => (m.Paragraph, m.Entity)).Distinct().Count());
        var quoted = links.Where(m => m.Paragraph == "p19").Select(m => m.Entity.Slug).ToList();
        Assert.Equal(["anthony-w-tolcher", "huc242-dm4", "cantuzumab-mertansine"], quoted);
        Assert.All(links, m => Assert.True(m.Start >= 0 && m.Length > 0));
    }
}
