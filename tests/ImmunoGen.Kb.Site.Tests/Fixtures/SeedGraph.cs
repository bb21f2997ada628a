using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;
using static ImmunoGen.Kb.Site.Tests.Fixtures.SeedCorpus;

namespace ImmunoGen.Kb.Site.Tests.Fixtures;

/// <summary>
/// The knowledge graph of the seed corpus, with the mentions, quotes, stages, roles and ledger the Link stage would find,
/// written out by hand from the seed text so the renderer is tested on its own.
/// </summary>
public static class SeedGraph
{
    public static KnowledgeGraph Build()
    {
        var corpus = SeedCorpus.Build();
        var diagnostics = new List<Diagnostic>();
        var registry = EntityRegistry.Build(corpus.Entities, diagnostics);
        if (diagnostics.Count > 0)
        {
            throw new InvalidOperationException("fixture entities are inconsistent: " + string.Join("; ", diagnostics));
        }

        var sar = new EntityRef(EntityKind.Compound, "sar3419");
        var ave1642 = new EntityRef(EntityKind.Compound, "ave1642");
        var huc = new EntityRef(EntityKind.Compound, "huc242-dm4");
        var sanofi = new EntityRef(EntityKind.Partner, "sanofi-aventis");
        var sayare = new EntityRef(EntityKind.Person, "mitchel-sayare");
        DateOnly D(int y, int m, int d) => new(y, m, d);

        var mentions = new List<Mention>
        {
            new(ave1642, Ave1642Filing, D(2006, 10, 4), "p1", "On October 4, 2006, ImmunoGen, Inc. (Nasdaq: IMGN) announced that sanofi-aventis has initiated clinical testing of AVE1642.", false),
            new(sanofi, Ave1642Filing, D(2006, 10, 4), "p1", "On October 4, 2006, ImmunoGen, Inc. (Nasdaq: IMGN) announced that sanofi-aventis has initiated clinical testing of AVE1642.", false),
            new(sar, Ave1642Filing, D(2006, 10, 4), "p4", "\"Additional anticancer agents are advancing toward the clinic through this collaboration, including the SAR3419 compound that ImmunoGen created for the treatment of B-cell malignancies.\"", false),
            new(sar, Ave1642Filing, D(2006, 10, 4), "p5", "SAR3419 is a CD19-targeting TAP compound that is in preclinical development for the treatment of B-cell malignancies including non-Hodgkin's lymphoma.", false),
            new(sayare, Ave1642Filing, D(2006, 10, 4), "p4", "commented Mitchel Sayare, Chairman and CEO.", false),
            new(sanofi, LicenseFiling, D(2006, 10, 17), "p1", "On October 18, 2006, ImmunoGen, Inc. (Nasdaq: IMGN) announced that on October 17, 2006, sanofi-aventis licensed nonexclusive rights to use ImmunoGen's proprietary resurfacing technology to humanize antibodies.", false),
            new(huc, Huc242Filing, D(2006, 11, 8), "p1", "On November 8, 2006, ImmunoGen, Inc. (Nasdaq: IMGN) issued a press release to announce the presentation of initial clinical data from an ongoing Phase I study evaluating the Company's huC242-DM4 compound.", false),
            new(sar, Sar3419Filing, D(2007, 10, 17), "p1", "On October 17, 2007, ImmunoGen, Inc. (Nasdaq: IMGN), issued a press release to announce that sanofi-aventis has advanced the Tumor-Activated Prodrug (TAP) compound, SAR3419, into Phase I clinical testing.", false),
            new(sar, Sar3419Filing, D(2007, 10, 17), "p3", "The compound comprises ImmunoGen's CD19-targeting monoclonal antibody and DM4 cell-killing agent.", false),
            new(sar, Sar3419Filing, D(2007, 10, 17), "p4", "Three TAP compounds are in clinical testing through ImmunoGen's collaborations with other companies – AVE9633 and SAR3419, in development by sanofi-aventis, and trastuzumab-DM1 (T-DM1), in development by Genentech.", true),
            new(sanofi, Sar3419Filing, D(2007, 10, 17), "p1", "On October 17, 2007, ImmunoGen, Inc. (Nasdaq: IMGN), issued a press release to announce that sanofi-aventis has advanced the Tumor-Activated Prodrug (TAP) compound, SAR3419, into Phase I clinical testing.", false),
        };

        var quotes = new List<Quote>
        {
            new("mitchel-sayare", Ave1642Filing, D(2006, 10, 4), "p4", "Two compounds - AVE9633 and AVE1642 - created by ImmunoGen scientists are now in clinical testing through our collaboration with sanofi-aventis. Additional anticancer agents are advancing toward the clinic through this collaboration, including the SAR3419 compound that ImmunoGen created for the treatment of B-cell malignancies.", ["ave9633", "ave1642", "sar3419"]),
            new("mitchel-sayare", LicenseFiling, D(2006, 10, 17), "p2", "We're delighted that sanofi-aventis has moved to secure their access to our humanization technology.", []),
            new("anthony-w-tolcher", Huc242Filing, D(2006, 11, 8), "p3", "The tolerability of huC242-DM4 compares favorably with ImmunoGen's earlier CanAg-targeting compound, cantuzumab mertansine, even though the patients in this study have received a greater number of prior therapies.", ["huc242-dm4", "cantuzumab-mertansine"]),
            new("mitchel-sayare", Sar3419Filing, D(2007, 10, 17), "p2", "SAR3419 is the third product candidate to enter clinical testing through our collaboration with sanofiaventis – also in Phase I testing are the TAP compound, AVE9633, and the naked antibody, AVE1642.", ["sar3419", "ave9633", "ave1642"]),
        };

        var stages = new List<StagePoint>
        {
            new("sar3419", D(2006, 10, 4), "Preclinical", Ave1642Filing, "p5"),
            new("sar3419", D(2007, 10, 17), "Phase I", Sar3419Filing, "p1"),
            new("ave1642", D(2006, 10, 4), "Phase I", Ave1642Filing, "p1"),
            new("ave9633", D(2006, 10, 4), "Phase I", Ave1642Filing, "p5"),
            new("huc242-dm4", D(2006, 11, 8), "Phase I", Huc242Filing, "p1"),
        };

        var roles = new List<RoleSeen>
        {
            new("mitchel-sayare", "Chairman and CEO", "ImmunoGen, Inc.", D(2006, 10, 4), Ave1642Filing),
            new("mitchel-sayare", "Chairman and CEO", "ImmunoGen, Inc.", D(2006, 10, 17), LicenseFiling),
            new("mitchel-sayare", "Chairman and CEO", "ImmunoGen, Inc.", D(2007, 10, 17), Sar3419Filing),
            new("daniel-m-junius", "Executive Vice President and Chief Financial Officer", "ImmunoGen, Inc.", D(2006, 10, 19), LicenseFiling),
            new("daniel-m-junius", "Executive Vice President and Chief Financial Officer", "ImmunoGen, Inc.", D(2006, 11, 8), Huc242Filing),
            new("anthony-w-tolcher", "Principal Investigator", "Cancer Therapy and Research Center", D(2006, 11, 8), Huc242Filing),
        };

        // The ledger the Link stage derives from sanofi-aventis' money events: the same event records the graph holds.
        var graphWithoutLedger = new KnowledgeGraph(corpus, registry, mentions, quotes, stages, roles, []);
        var money = graphWithoutLedger.EventsOf(sanofi)
            .Where(e => e.Event.Type is EventTypes.MilestonePayment or EventTypes.LicenseFee or EventTypes.LicenseAgreement)
            .Select(e => new LedgerEntry(e, e.Event.Compound ?? (e.Event.Type == EventTypes.MilestonePayment && e.Event.Potential ? "per-compound milestones" : "humanization license")))
            .ToList();
        var ledger = new PartnerLedger(
            "sanofi-aventis",
            money,
            ReceivedUsd: 2_000_000 + 1_000_000 + 1_000_000,
            PotentialMinUsd: 21_500_000 + 4_500_000,
            PotentialMaxUsd: 30_000_000 + 4_500_000);
        return new KnowledgeGraph(corpus, registry, mentions, quotes, stages, roles, [ledger]);
    }
}
