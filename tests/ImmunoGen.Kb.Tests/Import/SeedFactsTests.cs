using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Import;

namespace ImmunoGen.Kb.Tests.Import;

/// <summary>The facts each seed states, as the acceptance criteria pin them; and nothing the seed does not state.</summary>
public class SeedFactsTests
{
    private static FilingFrontMatter Meta(string seed)
    {
        var (filing, diagnostics) = FilingParser.Parse(ImportTestFiles.SeedText(seed), seed);
        Assert.Empty(diagnostics);
        return filing!.Meta;
    }

    [Fact]
    public void Seed000_HasNoCoverPage_SoTheEventDateComesFromTheDateline_AndUnstatedFactsAreLeftOut()
    {
        var m = Meta("000_53aae128987dd489");

        Assert.Equal("ImmunoGen Announces Initiation of Clinical Testing of AVE1642 Anticancer Compound in Collaboration with sanofi-aventis", m.Title);
        Assert.Equal(new DateOnly(2006, 10, 4), m.EventDate);
        Assert.Equal(new DateOnly(2006, 10, 4), m.PressReleaseDate);
        Assert.Null(m.SignedDate);
        Assert.Null(m.FileNumber);
        Assert.Null(m.Company);
        Assert.Empty(m.Signatories);
        Assert.Equal("8-K", m.Form);
        Assert.Equal([new FilingItem("8.01", "Other Events"), new FilingItem("9.01", "Financial Statements and Exhibits")], m.Items);
        Assert.Equal([new Exhibit("99.1", "Press Release of ImmunoGen, Inc. dated October 4, 2006")], m.Exhibits);
    }

    [Fact]
    public void Seed001_KeepsEventPressReleaseAndSignatureDatesApart()
    {
        var m = Meta("001_a60059691f3829e0");

        Assert.Equal("sanofi-aventis Licenses Broader Access to ImmunoGen's Antibody Humanization Technology", m.Title);
        Assert.Equal(new DateOnly(2006, 10, 17), m.EventDate);
        Assert.Equal(new DateOnly(2006, 10, 18), m.PressReleaseDate);
        Assert.Equal(new DateOnly(2006, 10, 19), m.SignedDate);
        Assert.Equal("0-17999", m.FileNumber);
        Assert.Equal("ImmunoGen, Inc.", m.Company);
        Assert.Equal([new FilingItem("1.01", "Entry into a Material Definitive Agreement"), new FilingItem("9.01", "Financial Statements and Exhibits")], m.Items);
        Assert.Equal([new Exhibit("99.1", "Press Release of ImmunoGen, Inc. dated October 18, 2006")], m.Exhibits);
        Assert.Equal([new Signatory("Daniel M. Junius", "Executive Vice President and Chief Financial Officer")], m.Signatories);
    }

    [Fact]
    public void Seed002_HasOneDateForEventPressReleaseAndSignature()
    {
        var m = Meta("002_9fcb631c0bb8cd92");

        Assert.Equal("ImmunoGen, Inc. Announces Presentation of HuC242-DM4 Clinical Data at EORTC-NCI-AACR Conference", m.Title);
        Assert.Equal(new DateOnly(2006, 11, 8), m.EventDate);
        Assert.Equal(new DateOnly(2006, 11, 8), m.PressReleaseDate);
        Assert.Equal(new DateOnly(2006, 11, 8), m.SignedDate);
        Assert.Equal("0-17999", m.FileNumber);
        Assert.Equal([new FilingItem("8.01", "Other Events"), new FilingItem("9.01", "Financial Statements and Exhibits")], m.Items);
        Assert.Equal([new Exhibit("99.1", "Press Release of ImmunoGen, Inc. dated November 8, 2006")], m.Exhibits);
        Assert.Equal([new Signatory("Daniel M. Junius", "Executive Vice President and Chief Financial Officer")], m.Signatories);
    }

    [Fact]
    public void Seed003_TakesTheExhibitNumberFromTheExhibitIndex_AndStatesNoSignatoryTitle()
    {
        var m = Meta("003_35968dba8423dc4d");

        Assert.Equal("ImmunoGen, Inc. Earns Milestone with Start of SAR3419 Clinical Testing", m.Title);
        Assert.Equal(new DateOnly(2007, 10, 17), m.EventDate);
        Assert.Equal(new DateOnly(2007, 10, 17), m.SignedDate);
        Assert.Equal("0-17999", m.FileNumber);
        Assert.Equal([new FilingItem("8.01", "Other Events"), new FilingItem("9.01", "Financial Statements and Exhibits")], m.Items);
        Assert.Equal([new Exhibit("99.1", "Press Release of ImmunoGen, Inc. dated October 17, 2007")], m.Exhibits);
        Assert.Equal([new Signatory("Daniel M. Junius", null)], m.Signatories);
    }

    [Theory]
    [MemberData(nameof(FilingParserGoldenTests.Seeds), MemberType = typeof(FilingParserGoldenTests))]
    public void SeedPage_FrontMatterParsesAsYaml_AndReadsBackTheSameFacts(string seed)
    {
        var (filing, _) = FilingParser.Parse(ImportTestFiles.SeedText(seed), seed);
        var page = FilingPage.Write(filing!.Meta, filing.Body.ToString());
        var diagnostics = new List<Diagnostic>();

        var read = FilingPage.Read($"filings/{filing.Slug}.md", page, diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(read);
        Assert.Equal(filing.Meta.Title, read.Meta.Title);
        Assert.Equal(filing.Meta.EventDate, read.Meta.EventDate);
        Assert.Equal(filing.Meta.SignedDate, read.Meta.SignedDate);
        Assert.Equal(filing.Meta.FileNumber, read.Meta.FileNumber);
        Assert.Equal(filing.Meta.Items, read.Meta.Items);
        Assert.Equal(filing.Meta.Exhibits, read.Meta.Exhibits);
        Assert.Equal(filing.Body.ToString().Trim('\n'), read.Body?.Trim('\n'));
    }

    [Fact]
    public void PageSlug_IsEventDateAndTitleSlug()
    {
        var (filing, _) = FilingParser.Parse(ImportTestFiles.SeedText("001_a60059691f3829e0"), "001");

        Assert.Equal("2006-10-17-sanofi-aventis-licenses-broader-access-to-immunogen-s-antibody-humanization", filing!.Slug);
    }
}
