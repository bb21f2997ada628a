using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Site.Tests.Fixtures;

/// <summary>
/// The four seed filings as the importer would write them (front-matter facts and events, Markdown body from the seed
/// text), with the entity pages they name. Hand-written so the site tests do not depend on the Import or Extract stages.
/// </summary>
public static class SeedCorpus
{
    public const string Ave1642Filing = "2006-10-04-immunogen-announces-initiation-of-clinical-testing-of-ave1642";
    public const string LicenseFiling = "2006-10-17-sanofi-aventis-licenses-broader-access-to-immunogen-s-antibody-humanization";
    public const string Huc242Filing = "2006-11-08-immunogen-inc-announces-presentation-of-huc242-dm4-clinical-data";
    public const string Sar3419Filing = "2007-10-17-immunogen-inc-earns-milestone-with-start-of-sar3419-clinical-testing";

    private const string Sanofi = "sanofi-aventis";
    private const string Company = "ImmunoGen, Inc.";
    private static readonly Signatory Junius = new("Daniel M. Junius", "Executive Vice President and Chief Financial Officer");
    private static readonly FilingItem Item801 = new("8.01", "Other Events");
    private static readonly FilingItem Item901 = new("9.01", "Financial Statements and Exhibits");

    private const string AboutImmunoGen2006 = "ImmunoGen, Inc. develops targeted anticancer biopharmaceuticals. The Company's proprietary Tumor-Activated Prodrug (TAP) technology uses tumor-targeting antibodies to deliver a potent cell-killing agent specifically to cancer cells. Five anticancer compounds are in clinical testing through ImmunoGen and the Company's collaborators - huN901-DM1 and huC242-DM4, which are wholly owned by ImmunoGen, AVE9633 and AVE1642, in development by sanofi-aventis, and trastuzumab-DM1, in development by Genentech. Amgen (formerly Abgenix), Biogen Idec, Biotest AG, Boehringer Ingelheim, Centocor, Genentech, Millennium Pharmaceuticals, Inc., and sanofi-aventis have licensed the right to develop and/or test TAP compounds to specific targets; ImmunoGen also has a broader collaboration with sanofi-aventis.";

    public static Corpus Build() => new(
        [Ave1642(), License(), Huc242(), Sar3419()],
        Compounds(),
        Partners(),
        People());

    private static Filing Filing(string slug, FilingFrontMatter meta, string body) =>
        new(slug, $"filings/{slug}.md", meta, body, 1);

    private static Filing Ave1642()
    {
        var body = $"""
            ## ITEM 8.01 - OTHER EVENTS

            On October 4, 2006, ImmunoGen, Inc. (Nasdaq: IMGN) announced that sanofi-aventis has initiated clinical testing of AVE1642. AVE1642, a therapeutic antibody that binds to the Insulin-like Growth Factor 1 Receptor (IGF-1R), was developed by ImmunoGen and licensed to sanofi-aventis as part of a broader collaboration between the companies. For each compound developed under this collaboration, ImmunoGen is entitled to receive milestone payments that could potentially total $21.5 to $30 million, plus royalties on sales. The initiation of clinical testing of AVE1642 triggers a $2 million milestone payment to ImmunoGen.

            A copy of the press release is attached to this current report on Form 8-K as Exhibit 99.1.

            ## ImmunoGen Announces Initiation of Clinical Testing of AVE1642 Anticancer Compound in Collaboration with sanofi-aventis

            CAMBRIDGE, MA, October 4, 2006 - ImmunoGen, Inc. (Nasdaq: IMGN) today announced that sanofi-aventis has initiated clinical testing of AVE1642, a therapeutic antibody that binds to the Insulin-like Growth Factor 1 Receptor (IGF-1R). This event triggers a $2 million milestone payment to ImmunoGen.

            "Two compounds - AVE9633 and AVE1642 - created by ImmunoGen scientists are now in clinical testing through our collaboration with sanofi-aventis," commented Mitchel Sayare, Chairman and CEO. "Additional anticancer agents are advancing toward the clinic through this collaboration, including the SAR3419 compound that ImmunoGen created for the treatment of B-cell malignancies."

            AVE9633, a TAP compound, targets CD33 and is in clinical testing for the treatment of acute myeloid leukemia. SAR3419 is a CD19-targeting TAP compound that is in preclinical development for the treatment of B-cell malignancies including non-Hodgkin's lymphoma.

            ## About ImmunoGen, Inc.

            {AboutImmunoGen2006}

            """;
        return Filing(Ave1642Filing, new FilingFrontMatter
        {
            Title = "ImmunoGen Announces Initiation of Clinical Testing of AVE1642 Anticancer Compound in Collaboration with sanofi-aventis",
            Form = "8-K",
            Company = Company,
            FileNumber = "0-17999",
            EventDate = new DateOnly(2006, 10, 4),
            PressReleaseDate = new DateOnly(2006, 10, 4),
            Items = [Item801, Item901],
            Exhibits = [new Exhibit("99.1", "Press Release of ImmunoGen, Inc. dated October 4, 2006")],
            Compounds = ["ave1642", "ave9633", "sar3419", "hun901-dm1", "huc242-dm4", "trastuzumab-dm1"],
            Partners = [Sanofi, "genentech", "amgen"],
            People = ["mitchel-sayare"],
            Events =
            [
                new FilingEvent { Type = EventTypes.ClinicalStart, Date = new DateOnly(2006, 10, 4), Compound = "ave1642", Partner = Sanofi, Phase = "1", Paragraph = "p1" },
                new FilingEvent { Type = EventTypes.MilestonePayment, Date = new DateOnly(2006, 10, 4), Compound = "ave1642", Partner = Sanofi, AmountUsd = 2_000_000, Detail = "Triggered by the start of clinical testing", Paragraph = "p1" },
                new FilingEvent { Type = EventTypes.MilestonePayment, Partner = Sanofi, AmountUsd = 21_500_000, AmountUsdMax = 30_000_000, Potential = true, Detail = "For each compound developed under the collaboration, plus royalties on sales", Paragraph = "p1" },
            ],
            Boilerplate = ["p6"],
            Source = new SourceRef("raw/000_53aae128987dd489.txt", "53aae128987dd489"),
        }, body);
    }

    private static Filing License()
    {
        var body = $"""
            ## ITEM 1.01 - Entry into a Material Definitive Agreement.

            On October 18, 2006, ImmunoGen, Inc. (Nasdaq: IMGN) announced that on October 17, 2006, sanofi-aventis licensed nonexclusive rights to use ImmunoGen's proprietary resurfacing technology to humanize antibodies. The agreement enables sanofiaventis to use this technology to humanize antibodies being developed for non-oncology applications. Under the terms of the license, ImmunoGen will receive a \$1 million license fee, half of which is due upon contract signing, and in addition, ImmunoGen is entitled to receive milestone payments potentially totaling \$4.5 million plus royalties on sales for each compound humanized under this agreement.

            ## sanofi-aventis Licenses Broader Access to ImmunoGen's Antibody Humanization Technology

            "We're delighted that sanofi-aventis has moved to secure their access to our humanization technology," commented Mitchel Sayare, Chairman and CEO.

            ImmunoGen's resurfacing technology has been used in a number of antibody-based anticancer compounds created by the Company, including cantuzumab mertansine, huC242-DM4, AVE9633 and AVE1642.

            ## About ImmunoGen, Inc.

            {AboutImmunoGen2006}

            """;
        return Filing(LicenseFiling, new FilingFrontMatter
        {
            Title = "sanofi-aventis Licenses Broader Access to ImmunoGen's Antibody Humanization Technology",
            Form = "8-K",
            Company = Company,
            FileNumber = "0-17999",
            EventDate = new DateOnly(2006, 10, 17),
            PressReleaseDate = new DateOnly(2006, 10, 18),
            SignedDate = new DateOnly(2006, 10, 19),
            Items = [new FilingItem("1.01", "Entry into a Material Definitive Agreement"), Item901],
            Exhibits = [new Exhibit("99.1", "Press Release of ImmunoGen, Inc. dated October 18, 2006")],
            Signatories = [Junius],
            Compounds = ["cantuzumab-mertansine", "huc242-dm4", "ave9633", "ave1642"],
            Partners = [Sanofi],
            People = ["mitchel-sayare", "daniel-m-junius"],
            Events =
            [
                new FilingEvent { Type = EventTypes.LicenseAgreement, Date = new DateOnly(2006, 10, 17), Partner = Sanofi, Detail = "Non-exclusive rights to the resurfacing (humanization) technology through August 31, 2011", Paragraph = "p1" },
                new FilingEvent { Type = EventTypes.LicenseFee, Date = new DateOnly(2006, 10, 17), Partner = Sanofi, AmountUsd = 1_000_000, Detail = "Half due upon contract signing", Paragraph = "p1" },
                new FilingEvent { Type = EventTypes.MilestonePayment, Partner = Sanofi, AmountUsd = 4_500_000, Potential = true, Detail = "For each compound humanized under the agreement, plus royalties", Paragraph = "p1" },
            ],
            Boilerplate = ["p4"],
            Source = new SourceRef("raw/001_a60059691f3829e0.txt", "a60059691f3829e0"),
        }, body);
    }

    private static Filing Huc242()
    {
        var body = $"""
            ## ITEM 8.01 - OTHER EVENTS

            On November 8, 2006, ImmunoGen, Inc. (Nasdaq: IMGN) issued a press release to announce the presentation of initial clinical data from an ongoing Phase I study evaluating the Company's huC242-DM4 compound for the treatment of colorectal, pancreatic, gastric and other CanAg-expressing cancers.

            ## ImmunoGen, Inc. Announces Presentation of HuC242-DM4 Clinical Data at EORTC-NCI-AACR Conference

            This trial is being conducted at the Cancer Therapy and Research Center (CTRC) in San Antonio, TX. Anthony W. Tolcher, MD - the Principal Investigator - is presenting the findings to date at the EORTC-NCI-AACR International Conference on Molecular Targets and Cancer Therapeutics (poster #212) today in Prague, Czech Republic.

            Dr. Tolcher commented, "The tolerability of huC242-DM4 compares favorably with ImmunoGen's earlier CanAg-targeting compound, cantuzumab mertansine, even though the patients in this study have received a greater number of prior therapies."

            ## About ImmunoGen, Inc.

            {AboutImmunoGen2006}

            """;
        return Filing(Huc242Filing, new FilingFrontMatter
        {
            Title = "ImmunoGen, Inc. Announces Presentation of HuC242-DM4 Clinical Data at EORTC-NCI-AACR Conference",
            Form = "8-K",
            Company = Company,
            FileNumber = "0-17999",
            EventDate = new DateOnly(2006, 11, 8),
            PressReleaseDate = new DateOnly(2006, 11, 8),
            SignedDate = new DateOnly(2006, 11, 8),
            Items = [Item801, Item901],
            Exhibits = [new Exhibit("99.1", "Press Release of ImmunoGen, Inc. dated November 8, 2006")],
            Signatories = [Junius],
            Compounds = ["huc242-dm4", "cantuzumab-mertansine"],
            People = ["anthony-w-tolcher", "daniel-m-junius"],
            Events =
            [
                new FilingEvent { Type = EventTypes.ClinicalData, Date = new DateOnly(2006, 11, 8), Compound = "huc242-dm4", Phase = "1", Detail = "Initial Phase I data at the EORTC-NCI-AACR conference (poster #212)", Paragraph = "p2" },
            ],
            Boilerplate = ["p4"],
            Source = new SourceRef("raw/002_9fcb631c0bb8cd92.txt", "9fcb631c0bb8cd92"),
        }, body);
    }

    private static Filing Sar3419()
    {
        const string body = """
            ## ITEM 8.01 OTHER EVENTS

            On October 17, 2007, ImmunoGen, Inc. (Nasdaq: IMGN), issued a press release to announce that sanofi-aventis has advanced the Tumor-Activated Prodrug (TAP) compound, SAR3419, into Phase I clinical testing. This event triggers a \$1 million milestone payment to ImmunoGen. SAR3419 is a potential new treatment for non-Hodgkin's lymphoma and other B-cell malignancies.

            ## ImmunoGen, Inc. Earns Milestone with Start of SAR3419 Clinical Testing

            Mitchel Sayare, Chairman and CEO, commented, "SAR3419 is the third product candidate to enter clinical testing through our collaboration with sanofiaventis – also in Phase I testing are the TAP compound, AVE9633, and the naked antibody, AVE1642."

            SAR3419 is a potential new treatment for non-Hodgkin's lymphoma and other B-cell hematological malignancies. The compound comprises ImmunoGen's CD19-targeting monoclonal antibody and DM4 cell-killing agent.

            ## About ImmunoGen, Inc.

            ImmunoGen, Inc. develops targeted anticancer biopharmaceuticals. Two TAP compounds wholly owned by ImmunoGen are in clinical testing – huN901-DM1 and huC242-DM4. Three TAP compounds are in clinical testing through ImmunoGen's collaborations with other companies – AVE9633 and SAR3419, in development by sanofi-aventis, and trastuzumab-DM1 (T-DM1), in development by Genentech.

            """;
        return Filing(Sar3419Filing, new FilingFrontMatter
        {
            Title = "ImmunoGen, Inc. Earns Milestone with Start of SAR3419 Clinical Testing",
            Form = "8-K",
            Company = Company,
            FileNumber = "0-17999",
            EventDate = new DateOnly(2007, 10, 17),
            PressReleaseDate = new DateOnly(2007, 10, 17),
            SignedDate = new DateOnly(2007, 10, 17),
            Items = [Item801, Item901],
            Exhibits = [new Exhibit("99.1", "Press Release of ImmunoGen, Inc. dated October 17, 2007")],
            Signatories = [new Signatory("Daniel M. Junius", null)],
            Compounds = ["sar3419", "ave9633", "ave1642", "hun901-dm1", "huc242-dm4", "trastuzumab-dm1"],
            Partners = [Sanofi, "genentech"],
            People = ["mitchel-sayare", "daniel-m-junius"],
            Events =
            [
                new FilingEvent { Type = EventTypes.ClinicalStart, Date = new DateOnly(2007, 10, 17), Compound = "sar3419", Partner = Sanofi, Phase = "1", Paragraph = "p1" },
                new FilingEvent { Type = EventTypes.MilestonePayment, Date = new DateOnly(2007, 10, 17), Compound = "sar3419", Partner = Sanofi, AmountUsd = 1_000_000, Detail = "Triggered by the start of Phase I testing", Paragraph = "p1" },
            ],
            Boilerplate = ["p4"],
            Source = new SourceRef("raw/003_35968dba8423dc4d.txt", "35968dba8423dc4d"),
        }, body);
    }

    private static List<Compound> Compounds() =>
    [
        new() { Slug = "ave1642", Name = "AVE1642", CompoundKind = "naked antibody", Target = "IGF-1R", Indications = ["solid tumors"], Partners = [Sanofi] },
        new() { Slug = "ave9633", Name = "AVE9633", CompoundKind = "antibody-drug conjugate", Target = "CD33", Payload = "DM4", Indications = ["acute myeloid leukemia"], Partners = [Sanofi] },
        new() { Slug = "cantuzumab-mertansine", Name = "cantuzumab mertansine", CompoundKind = "antibody-drug conjugate", Antibody = "huC242", Target = "CanAg", Payload = "DM1", Related = ["huc242-dm4"] },
        new() { Slug = "huc242-dm4", Name = "huC242-DM4", Aliases = ["HuC242-DM4"], CompoundKind = "antibody-drug conjugate", Antibody = "huC242", Target = "CanAg", Payload = "DM4", Indications = ["colorectal cancer", "pancreatic cancer", "gastric cancer"], Related = ["cantuzumab-mertansine"] },
        new() { Slug = "hun901-dm1", Name = "huN901-DM1", CompoundKind = "antibody-drug conjugate", Antibody = "huN901", Target = "CD56", Payload = "DM1" },
        new()
        {
            Slug = "sar3419", Name = "SAR3419", CompoundKind = "antibody-drug conjugate", Antibody = "anti-CD19 monoclonal antibody", Target = "CD19", Payload = "DM4",
            Indications = ["non-Hodgkin's lymphoma", "B-cell malignancies"], Partners = [Sanofi],
            Body = "A TAP compound ImmunoGen created and licensed to sanofi-aventis within their broader collaboration.\n",
        },
        new() { Slug = "trastuzumab-dm1", Name = "trastuzumab-DM1", Aliases = ["T-DM1"], CompoundKind = "antibody-drug conjugate", Antibody = "trastuzumab", Target = "HER2", Payload = "DM1", Partners = ["genentech"] },
    ];

    private static List<Partner> Partners() =>
    [
        new() { Slug = "amgen", Name = "Amgen", FormerNames = ["Abgenix"], Relationship = "licensee" },
        new() { Slug = "genentech", Name = "Genentech", Relationship = "licensee" },
        new() { Slug = Sanofi, Name = "sanofi-aventis", Aliases = ["sanofiaventis"], Relationship = "collaborator" },
    ];

    private static List<Person> People() =>
    [
        new() { Slug = "anthony-w-tolcher", Name = "Anthony W. Tolcher", Aliases = ["Dr. Tolcher"] },
        new() { Slug = "daniel-m-junius", Name = "Daniel M. Junius" },
        new() { Slug = "mitchel-sayare", Name = "Mitchel Sayare", Roles = [new Role("Chairman and CEO", "ImmunoGen, Inc.", new DateOnly(2006, 10, 4), new DateOnly(2007, 10, 17))] },
    ];
}
