using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Tests.Extract;

/// <summary>
/// Discovery on filings written for these tests: they name compounds, partners and people that have no page,
/// in shapes the seeds never use, so recognition on unseen ImmunoGen filings does not depend on the seeds' names.
/// </summary>
public class DiscoveryTests
{
    private const string LicenseFiling = """
        ## Item 8.01 Other Events

        On March 5, 2012, ImmunoGen, Inc. (Nasdaq: IMGN) announced that Acme Therapeutics, Inc. has licensed exclusive rights to use ImmunoGen's TAP technology to develop anticancer therapeutics to an undisclosed target. Under the terms of the agreement, ImmunoGen will receive a $5 million upfront payment and is entitled to receive milestone payments potentially totaling $180 million per target, plus royalties on sales.

        ## ImmunoGen Reports Progress with IMGN-853 and ABC123

        The first patient has been dosed in the Phase I trial of IMGN-853, a TAP compound. ABC123 is in preclinical development. The trial is being conducted at the Sarah Cannon Research Institute, where Jane Q. Roberts, MD, is the Principal Investigator.

        "We are pleased with the progress of IMGN-853 in the clinic," said Daniel Junius, President and Chief Executive Officer.

        Dr. Roberts commented, "The early tolerability of IMGN-853 is encouraging."

        The study also evaluates mirvetuximab soravtansine in combination with bevacizumab.

        ### About ImmunoGen, Inc.

        ImmunoGen, Inc. develops targeted anticancer therapeutics. Amgen, Bayer HealthCare, Biotest, Lilly, Novartis, Roche and Sanofi have licensed the right to use ImmunoGen's TAP technology in the development of anticancer products.

        Contacts:

        Investors: Sarah Kim Director, Investor Relations (781) 895-0600 ir@immunogen.com

        Media: Zoe Blake BlakeComms (617) 555-0100 zoe@blakecomms.com

        /s/ Robert W. Hale

        Robert W. Hale Senior Vice President and Chief Financial Officer
        """;

    private const string CollaborationFiling = """
        ## Item 1.01 Entry into a Material Definitive Agreement

        On June 1, 2015, ImmunoGen, Inc. entered into a collaboration and license agreement with Zeta Biosciences GmbH (formerly Zeta Labs) to develop antibody-drug conjugates. ImmunoGen will receive a $20 million upfront payment.

        Data from the Phase II study of coltuximab ravtansine were presented at the ASCO Annual Meeting by investigators of the Dana-Farber Cancer Institute. ImmunoGen also has a research collaboration with the National Cancer Institute. The report was filed with the Securities and Exchange Commission and the FDA was informed.
        """;

    private static readonly FilingFrontMatter LicenseMeta = new() { Company = "ImmunoGen, Inc.", EventDate = new(2012, 3, 5) };
    private static readonly FilingFrontMatter CollaborationMeta = new() { Company = "ImmunoGen, Inc.", EventDate = new(2015, 6, 1) };

    private static readonly Lazy<EntityRegistry> Registry = new(SeedFilings.Registry);

    private static FilingAnalysis Analyze(string markdown, FilingFrontMatter meta) =>
        new FilingAnalyzer(Registry.Value).Analyze(meta, FilingBody.Parse(markdown));

    // The filings the theories below run on: this class's two texts and the seeds.
    private static readonly string[] Texts = ["license", "collaboration", .. SeedFilings.Ids];

    private static (FilingFrontMatter Meta, string Markdown) Text(string filing) => filing switch
    {
        "license" => (LicenseMeta, LicenseFiling),
        "collaboration" => (CollaborationMeta, CollaborationFiling),
        _ => (SeedFilings.Meta(filing), SeedFilings.Markdown(filing)),
    };

    public static TheoryData<string, string> ScanCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var filing in Texts)
        {
            cases.Add(filing, "empty");
            cases.Add(filing, "without people");
        }

        return cases;
    }

    // A build discovers under the registry its entity pages make, writes a page for each newcomer, and analyzes under the
    // grown registry, with what the discovery rules read in the first pass instead of reading the text again.
    [Theory]
    [MemberData(nameof(ScanCases))]
    public void Analysis_WithTheDiscoveryPassScan_IsTheAnalysisOfTheTextUnderTheGrownRegistry(string filing, string before)
    {
        var (meta, markdown) = Text(filing);
        var first = before == "empty" ? EntityRegistry.Empty : EntityRegistry.Build(Registry.Value.Entities.Where(e => e.Kind != EntityKind.Person), []);
        var discovered = new FilingAnalyzer(first).Discover(meta, FilingBody.Parse(markdown), out var scan);
        var grown = new FilingAnalyzer(EntityRegistry.Build([.. Registry.Value.Entities, .. discovered.Where(d => Registry.Value.Resolve(d.Name) is null)], []));

        var again = grown.Analyze(meta, FilingBody.Parse(markdown));
        var withScan = grown.Analyze(meta, FilingBody.Parse(markdown), scan);

        Assert.NotEmpty(discovered);
        Assert.NotEmpty(again.Mentions);
        Assert.Equal(Describe(again), Describe(withScan));
    }

    private static string Describe(FilingAnalysis a) => System.Text.Json.JsonSerializer.Serialize(new object[]
    {
        a.Compounds, a.Partners, a.People, a.Events, a.Boilerplate, a.Mentions, a.Quotes, a.Roles, a.Stages, a.Discovered.Cast<object>().ToList(),
    });

    public static TheoryData<string, bool> DiscoverCases()
    {
        var cases = new TheoryData<string, bool>();
        foreach (var filing in Texts)
        {
            cases.Add(filing, false);
            cases.Add(filing, true);
        }

        return cases;
    }

    // A first build discovers with Discover and analyzes once afterwards: it must find what a full analysis finds.
    [Theory]
    [MemberData(nameof(DiscoverCases))]
    public void Discover_FindsExactlyWhatAnalyzeDiscovers(string filing, bool withSeedRegistry)
    {
        var (meta, markdown) = Text(filing);
        var analyzer = new FilingAnalyzer(withSeedRegistry ? Registry.Value : EntityRegistry.Empty);

        var discovered = analyzer.Discover(meta, FilingBody.Parse(markdown));
        var analyzed = analyzer.Analyze(meta, FilingBody.Parse(markdown)).Discovered;

        Assert.Equal(analyzed.Select(EntityPage.Write), discovered.Select(EntityPage.Write));
        Assert.Equal(analyzed.Select(EntityRef.Of), discovered.Select(EntityRef.Of));
        if (!withSeedRegistry)
        {
            Assert.NotEmpty(discovered);
        }
    }

    [Fact]
    public void NewCompounds_AreDiscoveredInEveryShape()
    {
        var a = Analyze(LicenseFiling, LicenseMeta);

        Assert.Equal(["imgn853", "abc123", "mirvetuximab-soravtansine", "bevacizumab"], a.Compounds);
        var imgn = Assert.IsType<Compound>(a.Discovered.Single(e => e.Slug == "imgn853"));
        Assert.Equal(("IMGN853", "antibody-drug conjugate", true), (imgn.Name, imgn.CompoundKind, imgn.Discovered));
        Assert.Empty(imgn.Aliases);
        Assert.Equal("antibody", Assert.IsType<Compound>(a.Discovered.Single(e => e.Slug == "bevacizumab")).CompoundKind);
    }

    [Fact]
    public void NewLicensees_AreDiscoveredFromLicensingSentencesAndLicenseeLists()
    {
        var a = Analyze(LicenseFiling, LicenseMeta);

        Assert.Equal(["acme-therapeutics", "amgen", "bayer-healthcare", "biotest-ag", "lilly", "novartis", "roche", "sanofi"], a.Partners);
        var acme = Assert.IsType<Partner>(a.Discovered.Single(e => e.Slug == "acme-therapeutics"));
        Assert.Equal(("Acme Therapeutics", "licensee", true), (acme.Name, acme.Relationship, acme.Discovered));
        Assert.Equal(["Acme Therapeutics, Inc."], acme.Aliases);
    }

    [Fact]
    public void NewPeople_AreDiscoveredWithTheirRoles()
    {
        var a = Analyze(LicenseFiling, LicenseMeta);

        Assert.Equal(["jane-q-roberts", "daniel-m-junius", "sarah-kim", "zoe-blake", "robert-w-hale"], a.People);
        Role RoleOf(string slug) => Assert.Single(Assert.IsType<Person>(a.Discovered.Single(e => e.Slug == slug)).Roles);
        Assert.Equal(new Role("Principal Investigator", "Sarah Cannon Research Institute", new(2012, 3, 5), new(2012, 3, 5)), RoleOf("jane-q-roberts"));
        Assert.Equal(new Role("Senior Vice President and Chief Financial Officer", "ImmunoGen, Inc.", new(2012, 3, 5), new(2012, 3, 5)), RoleOf("robert-w-hale"));
        Assert.Equal(new Role("Director, Investor Relations", "ImmunoGen, Inc.", new(2012, 3, 5), new(2012, 3, 5)), RoleOf("sarah-kim"));
        Assert.Equal(new Role("Media Contact", "BlakeComms", new(2012, 3, 5), new(2012, 3, 5)), RoleOf("zoe-blake"));
        Assert.Equal(["Jane Roberts"], a.Discovered.Single(e => e.Slug == "jane-q-roberts").Aliases);
    }

    [Fact]
    public void AKnownPerson_InANewRole_IsRecognizedNotDiscovered()
    {
        var a = Analyze(LicenseFiling, LicenseMeta);

        Assert.DoesNotContain(a.Discovered, e => e.Kind == EntityKind.Person && e.Name.Contains("Junius", StringComparison.Ordinal));
        Assert.Contains(new PersonRoleSeen("daniel-m-junius", "President and Chief Executive Officer", "ImmunoGen, Inc.", new(2012, 3, 5), "p3"), a.Roles);
    }

    [Fact]
    public void QuotesAndHonorifics_ResolveToTheFilingsPeople()
    {
        var a = Analyze(LicenseFiling, LicenseMeta);

        Assert.Equal(
            [("daniel-m-junius", "p3", "imgn853"), ("jane-q-roberts", "p4", "imgn853")],
            a.Quotes.Select(q => (q.PersonSlug, q.Paragraph, string.Join(",", q.Compounds))));
    }

    [Fact]
    public void Events_OfTheNewDealAndCompound_AreRead()
    {
        var a = Analyze(LicenseFiling, LicenseMeta);

        Assert.Equal(
            [
                "license_agreement 2012-03-05 - acme-therapeutics -..-",
                "license_fee 2012-03-05 - acme-therapeutics 5000000..-",
                "milestone_payment 2012-03-05 - acme-therapeutics 180000000..- potential",
                "clinical_start 2012-03-05 imgn853 - -..- phase 1",
            ],
            a.Events.Select(e => AnnotatedEvent.From(e).ToString()));
        Assert.Equal("per target", a.Events.Single(e => e.Type == EventTypes.MilestonePayment).Detail);
    }

    [Fact]
    public void Stages_AreReadFromStatements()
    {
        var a = Analyze(LicenseFiling, LicenseMeta);

        Assert.Contains(new StageSeen("abc123", new(2012, 3, 5), StageNames.Preclinical, "p2"), a.Stages);
        Assert.Contains(new StageSeen("imgn853", new(2012, 3, 5), StageNames.PhaseI, "p2"), a.Stages);
    }

    [Fact]
    public void Collaboration_WithAFormerName_IsOnePartnerAndNoInstitutionIsAPartner()
    {
        var a = Analyze(CollaborationFiling, CollaborationMeta);

        Assert.Equal(["zeta-biosciences"], a.Partners);
        var zeta = Assert.IsType<Partner>(Assert.Single(a.Discovered, e => e.Kind == EntityKind.Partner));
        Assert.Equal(("Zeta Biosciences", "licensee"), (zeta.Name, zeta.Relationship));
        Assert.Equal(["Zeta Labs"], zeta.FormerNames);
        Assert.Equal(["Zeta Biosciences GmbH"], zeta.Aliases);
        Assert.Equal(["coltuximab-ravtansine"], a.Compounds);
        Assert.Equal(
            ["license_agreement 2015-06-01 - zeta-biosciences -..-", "license_fee 2015-06-01 - zeta-biosciences 20000000..-", "clinical_data 2015-06-01 coltuximab-ravtansine - -..- phase 2"],
            a.Events.Select(e => AnnotatedEvent.From(e).ToString()));
    }

    [Fact]
    public void Merge_UnitesStubsThatSeveralFilingsDiscovered()
    {
        var merged = EntityDiscovery.Merge(
        [
            new Person { Slug = "x-y", Name = "X Y", Discovered = true, Roles = [new Role("CFO", "ImmunoGen, Inc.", new(2010, 1, 1), new(2010, 1, 1))] },
            new Person { Slug = "x-y", Name = "X Y", Discovered = true, Roles = [new Role("CFO", "ImmunoGen, Inc.", new(2012, 1, 1), new(2012, 1, 1))] },
            new Compound { Slug = "imgn853", Name = "IMGN853", Discovered = true },
            new Compound { Slug = "imgn853", Name = "IMGN853", Aliases = ["IMGN 853 conjugate"], Payload = "DM4", Discovered = true },
        ]);

        Assert.Equal(2, merged.Count);
        var c = Assert.IsType<Compound>(merged[0]);
        Assert.Equal(["IMGN 853 conjugate"], c.Aliases);
        Assert.Equal("DM4", c.Payload);
        Assert.Equal(new Role("CFO", "ImmunoGen, Inc.", new(2010, 1, 1), new(2012, 1, 1)), Assert.Single(Assert.IsType<Person>(merged[1]).Roles));
    }

    [Fact]
    public void DiscoveredStubs_WriteAsPagesThatLoadBack()
    {
        var a = Analyze(LicenseFiling, LicenseMeta);

        foreach (var e in a.Discovered)
        {
            var diagnostics = new List<ImmunoGen.Kb.Diagnostics.Diagnostic>();
            var back = EntityPage.Read(e.Kind, $"{e.Kind.Folder()}/{e.Slug}.md", EntityPage.Write(e), diagnostics);

            Assert.Empty(diagnostics);
            Assert.NotNull(back);
            Assert.True(back.Discovered);
            Assert.Equal(e.Name, back.Name);
        }
    }

    [Fact]
    public void Honorific_WithTwoPeopleOfThatSurname_StaysUnresolved()
    {
        const string text = """
            Jane Q. Roberts, MD, is the Principal Investigator. Paul Roberts, Chief Medical Officer, said, "The data are early."

            Dr. Roberts commented, "We are encouraged by the tolerability seen so far."
            """;

        var a = Analyze(text, LicenseMeta);

        Assert.Equal(["jane-q-roberts", "paul-roberts"], a.People);
        Assert.DoesNotContain(a.Mentions, m => m.Paragraph == "p2");
        Assert.DoesNotContain(a.Quotes, q => q.Paragraph == "p2");
    }

    [Fact]
    public void Boilerplate_GivesNamesButNoEvents()
    {
        const string text = """
            ### About ImmunoGen, Inc.

            ImmunoGen, Inc. develops targeted anticancer therapeutics. Acme Therapeutics, Inc. has licensed the right to use ImmunoGen's TAP technology and ImmunoGen is entitled to a $3 million milestone payment.

            This press release includes forward-looking statements. The initiation of clinical testing of IMGN-999 triggers a $2 million milestone payment.
            """;

        var a = Analyze(text, LicenseMeta);

        Assert.Equal(["p1", "p2"], a.Boilerplate);
        Assert.Equal(["acme-therapeutics"], a.Partners);
        Assert.Equal(["imgn999"], a.Compounds);
        Assert.Empty(a.Events);
        Assert.All(a.Mentions, m => Assert.True(m.Boilerplate));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$ $$ \\$ million to $")]
    [InlineData("\"\"\"“”“ commented , , said Dr. . /s/ ")]
    [InlineData("Investors:\n\nMedia: (617) 555-0100")]
    [InlineData("licensed licensed to to with with Inc. Inc., and have licensed")]
    public void OddText_YieldsNoExceptionAndNoEntities(string text)
    {
        var a = Analyze(text, new FilingFrontMatter());

        Assert.Empty(a.Discovered);
        Assert.Empty(a.Events);
    }
}
