using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Import;

namespace ImmunoGen.Kb.Tests.Import;

/// <summary>One test per parsing rule, on small filings written the ways real 8-Ks from 2000–2023 write them.</summary>
public class ParsingRuleTests
{
    private const string Release = """
        For Immediate Release

        ImmunoGen Reports a Result

        CAMBRIDGE, MA, March 3, 2009 - ImmunoGen, Inc. today announced a result.
        """;

    private static ParsedFiling Parse(string text)
    {
        var (filing, diagnostics) = FilingParser.Parse(text, "test.txt");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return filing!;
    }

    [Theory]
    [InlineData("ITEM 8.01 - OTHER EVENTS", "8.01", "Other Events")]
    [InlineData("ITEM 9.01. FINANCIAL STATEMENTS AND EXHIBITS", "9.01", "Financial Statements and Exhibits")]
    [InlineData("Item 2.02 Results of Operations and Financial Condition", "2.02", "Results of Operations and Financial Condition")]
    [InlineData("ITEM 1.01 - Entry into a Material Definitive Agreement.", "1.01", "Entry into a Material Definitive Agreement")]
    [InlineData("Item 5.02. Departure of Directors or Certain Officers", "5.02", "Departure of Directors or Certain Officers")]
    [InlineData("Item 7.01: Regulation FD Disclosure", "7.01", "Regulation FD Disclosure")]
    [InlineData("Item 5. Other Events.", "5", "Other Events")]
    [InlineData("Item 7. Financial Statements and Exhibits.", "7", "Financial Statements and Exhibits")]
    public void ItemHeading_IsNormalizedToOneStyle_KeepingTheFilingsWords(string line, string number, string title)
    {
        var filing = Parse($"{line}\n\nSomething happened on that day.\n\n{Release}");

        Assert.Equal([new FilingItem(number, title)], filing.Meta.Items);
        Assert.StartsWith($"## Item {number} {title}\n\nSomething happened on that day.", filing.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ItemTitle_OnTheNextLine_IsTheHeadingsTitle()
    {
        var filing = Parse($"Item 5.02.\n\nDeparture of Directors or Certain Officers; Election of Directors.\n\nOn May 1, 2010, a director resigned.\n\n{Release}");

        Assert.Equal([new FilingItem("5.02", "Departure of Directors or Certain Officers; Election of Directors")], filing.Meta.Items);
        Assert.DoesNotContain("\n\nDeparture of Directors", filing.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SentenceStartingWithItem_IsNotAHeading()
    {
        var filing = Parse($"Item 7.01 Regulation FD Disclosure\n\nItem 2.02 of this Current Report on Form 8-K is incorporated herein by reference.\n\n{Release}");

        Assert.Equal([new FilingItem("7.01", "Regulation FD Disclosure")], filing.Meta.Items);
        Assert.Contains("\n\nItem 2.02 of this Current Report", filing.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CoverPage_IsFoldedIntoFrontMatter_AndItsCheckBoxListIsNotInTheBody()
    {
        var filing = Parse(ImportTestFiles.SeedText("002_9fcb631c0bb8cd92"));

        Assert.StartsWith("## Item 8.01 Other Events", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Check the appropriate box", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Soliciting material", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("IRS Employer", filing.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CoverWithGarbledAddressLine_StillGivesCompanyAndFileNumber()
    {
        // Seed 001: "Address of principal executive offices) (7in Cod" is extraction noise on the cover.
        var filing = Parse(ImportTestFiles.SeedText("001_a60059691f3829e0"));

        Assert.Equal("ImmunoGen, Inc.", filing.Meta.Company);
        Assert.Equal("0-17999", filing.Meta.FileNumber);
        Assert.DoesNotContain("7in Cod", filing.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HardWrappedLines_AreReflowedIntoOneParagraph_AndAWordBrokenAtAHyphenIsRejoined()
    {
        var filing = Parse(ImportTestFiles.SeedText("000_53aae128987dd489"));

        Assert.Contains("\n\nOn October 4, 2006, ImmunoGen, Inc. (Nasdaq: IMGN) announced that sanofi-aventis has initiated clinical testing of AVE1642. AVE1642, a therapeutic antibody", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.Contains("uses tumor-targeting antibodies", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.Contains("fiscal year ended June 30, 2006", filing.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PageNumbersAndMoreAndEndMarkers_AreDropped_WithTheRunningHeadAfterMore()
    {
        var filing = Parse(ImportTestFiles.SeedText("003_35968dba8423dc4d"));

        Assert.DoesNotContain("\n\n2\n", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("-more-", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("###\n", filing.Body + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("ImmunoGen Earns $1 Million with Start", filing.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EscapedDollars_AreRepaired_InBodyAndTitle()
    {
        var filing = Parse("ITEM 8.01 OTHER EVENTS\n\nA fee of \\$1 million.\n\nFor Immediate Release\n\nImmunoGen Earns \\$1 Million\n\nCAMBRIDGE, MA, October 17, 2007 - ImmunoGen earns \\$21.5 to \\$30 million.\n");

        Assert.Equal("ImmunoGen Earns $1 Million", filing.Meta.Title);
        Assert.Contains("A fee of $1 million.", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.Contains("earns $21.5 to $30 million.", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\\$", filing.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_SpanningTwoLinesOrTwoParagraphs_IsJoined()
    {
        Assert.Equal("ImmunoGen Announces Initiation of Clinical Testing of AVE1642 Anticancer Compound in Collaboration with sanofi-aventis", Parse(ImportTestFiles.SeedText("000_53aae128987dd489")).Meta.Title);
        Assert.Equal("sanofi-aventis Licenses Broader Access to ImmunoGen's Antibody Humanization Technology", Parse(ImportTestFiles.SeedText("001_a60059691f3829e0")).Meta.Title);
    }

    [Fact]
    public void PressRelease_GetsItsHeadlineAsHeading_SubHeadlineInItalics_AndAboutSectionsAsSubheadings()
    {
        var body = Parse(ImportTestFiles.SeedText("000_53aae128987dd489")).Body.ToString();

        Assert.Contains("\n\n## ImmunoGen Announces Initiation of Clinical Testing of AVE1642 Anticancer Compound in Collaboration with sanofi-aventis\n\n*Event Triggers $2 Million Milestone Payment to ImmunoGen*\n\nCAMBRIDGE, MA, October 4, 2006 - ", body, StringComparison.Ordinal);
        Assert.Contains("\n\n### About ImmunoGen, Inc.\n\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void ContactsBlock_IsKeptAsAShortList()
    {
        var body = Parse(ImportTestFiles.SeedText("002_9fcb631c0bb8cd92")).Body.ToString();

        Assert.Contains("""
            ### Contacts

            - TEL: (617) 995-2500 FAX: (617) 995-2510
            - IMMUNOGEN, INC.
            - 128 Sidney Street, Cambridge, MA 02139-4239
            - Investors: Carol Hausner
            - Executive Director, Investor Relations and Corporate Communications
            - Tel: (617) 995-2500
            - info@immunogen.com
            - Media: Kathryn Morris KMorrisPR (845) 635-9828 Kathryn@kmorrispr.com
            """, body, StringComparison.Ordinal);
    }

    [Fact]
    public void GluedTelFax_AreSeparated()
    {
        var body = Parse(ImportTestFiles.SeedText("001_a60059691f3829e0")).Body.ToString();

        Assert.Contains("- TEL: (617) 995-2500 FAX: (617) 995-2510", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Exhibit No. Exhibit\n99.1 Press Release of ImmunoGen, Inc. dated March 3, 2009", "Exhibit No. | Exhibit")]
    [InlineData("Exhibit No.\tExhibit\n99.1\tPress Release of ImmunoGen, Inc. dated March 3, 2009", "Exhibit No. | Exhibit")]
    [InlineData("Exhibit No.Exhibit99.1Press Release of ImmunoGen, Inc. dated March 3, 2009", "Exhibit No. | Exhibit")]
    [InlineData("(d) Exhibits\n\n99.1 Press Release of ImmunoGen, Inc. dated March 3, 2009", "Exhibit No. | Description")]
    [InlineData("Exhibit Number Description\n(99.1) Press Release of ImmunoGen, Inc.\ndated March 3, 2009", "Exhibit Number | Description")]
    public void ExhibitList_InAnyLayout_GivesTheExhibit_AndAMarkdownTable(string list, string header)
    {
        var filing = Parse($"ITEM 9.01 FINANCIAL STATEMENTS AND EXHIBITS\n\n{list}\n\n{Release}");

        Assert.Equal([new Exhibit("99.1", "Press Release of ImmunoGen, Inc. dated March 3, 2009")], filing.Meta.Exhibits);
        Assert.Contains($"| {header} |\n| --- | --- |\n| 99.1 | Press Release of ImmunoGen, Inc. dated March 3, 2009 |", filing.Body.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/s/ Daniel M. Junius\n\nDaniel M. Junius Executive Vice President and Chief Financial Officer", "Executive Vice President and Chief Financial Officer")]
    [InlineData("/s/ Daniel M. Junius\nDaniel M. Junius\nExecutive Vice President and Chief Financial Officer", "Executive Vice President and Chief Financial Officer")]
    [InlineData("By: /s/ Daniel M. Junius\nName: Daniel M. Junius\nTitle: Chief Financial Officer", "Chief Financial Officer")]
    [InlineData("/s/ Daniel M. Junius\n\nDate: March 3, 2009", null)]
    public void Signatory_TakesTheTitlePrintedUnderTheSignature_OrNoneWhenThereIsNone(string block, string? title)
    {
        var filing = Parse($"ITEM 8.01 OTHER EVENTS\n\nText.\n\nSIGNATURES\n\nImmunoGen, Inc.\n(Registrant)\n\n{block}\n\n{Release}");

        Assert.Equal([new Signatory("Daniel M. Junius", title)], filing.Meta.Signatories);
        Assert.Equal("ImmunoGen, Inc.", filing.Meta.Company);
    }

    [Fact]
    public void TyposInTheText_AreKeptInTheBody_WhileTheCompanyComesFromTheCover()
    {
        var filing = Parse(ImportTestFiles.SeedText("000_53aae128987dd489"));
        var filing3 = Parse(ImportTestFiles.SeedText("003_35968dba8423dc4d"));

        Assert.Contains("InmunoGen claims the protection", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.Contains("collaboration with sanofiaventis", filing3.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal("ImmunoGen, Inc.", filing3.Meta.Company);
    }

    [Theory]
    [InlineData("CAMBRIDGE, MA, October 4, 2006 - ImmunoGen today announced a result.", 2006, 10, 4)]
    [InlineData("CAMBRIDGE, Mass.--(BUSINESS WIRE)--Jan. 5, 2010--ImmunoGen today announced a result.", 2010, 1, 5)]
    [InlineData("WALTHAM, Mass., Sept. 14, 2015 /PRNewswire/ -- ImmunoGen today announced a result.", 2015, 9, 14)]
    [InlineData("Silicon Valley, CA (April 16, 2025) – ImmunoGen today announced a result.", 2025, 4, 16)]
    public void Dateline_InItsVariousForms_GivesThePressReleaseDate(string dateline, int y, int mo, int d)
    {
        var filing = Parse($"ITEM 8.01 OTHER EVENTS\n\nText.\n\nImmunoGen Reports a Result\n\n{dateline}\n");

        Assert.Equal(new DateOnly(y, mo, d), filing.Meta.PressReleaseDate);
        Assert.Equal(new DateOnly(y, mo, d), filing.Meta.EventDate);
        Assert.Equal("ImmunoGen Reports a Result", filing.Meta.Title);
    }

    [Fact]
    public void OldPlainTextCover_WithDateOnTheNextLineAndColumns_GivesTheFacts()
    {
        var text = """
                                    FORM 8-K
                                 CURRENT REPORT
                Date of Report (Date of earliest event reported)
                                DECEMBER 15, 1998

                            IMMUNOGEN, INC.
        ----------------------------------------------------------------
             (Exact name of Registrant as specified in its charter)

           MASSACHUSETTS                  0-17999              04-2726691
         ---------------------------          -------------             -----------
        (State or other jurisdiction           (Commission            (I.R.S. employer
               of incorporation)               file number)         identification no.)
        <PAGE>
        Item 5. Other Events.

                 On December 15, 1998, the Company announced a result.
        """;

        var filing = Parse(text);

        Assert.Equal(new DateOnly(1998, 12, 15), filing.Meta.EventDate);
        Assert.Equal("IMMUNOGEN, INC.", filing.Meta.Company);
        Assert.Equal("0-17999", filing.Meta.FileNumber);
        Assert.Equal("Other Events", filing.Meta.Title);
        Assert.Equal("## Item 5 Other Events\n\nOn December 15, 1998, the Company announced a result.\n", filing.Body);
    }

    [Theory]
    [InlineData("1. The first point.", "1\\. The first point.")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("+ not a list", "\\+ not a list")]
    [InlineData("a *starred* and _under_ word", "a \\*starred\\* and \\_under\\_ word")]
    [InlineData("see [note] and <b>tag</b>", "see \\[note\\] and \\<b\\>tag\\</b\\>")]
    [InlineData("a | pipe and `code` and ~strike~", "a \\| pipe and \\`code\\` and \\~strike\\~")]
    [InlineData("AT&amp;T and A&B", "AT\\&amp;T and A&B")]
    [InlineData("costs $21.5 to $30 million", "costs $21.5 to $30 million")]
    public void TextThatMarkdownWouldMisread_IsEscaped_AndRendersToTheSameWords(string paragraph, string expected)
    {
        var filing = Parse($"ITEM 8.01 OTHER EVENTS\n\n{paragraph}\n\n{Release}");

        Assert.Contains($"\n\n{expected}\n\n", filing.Body.ToString(), StringComparison.Ordinal);
        Assert.Contains(paragraph, BodyCompletenessTests.RenderedText(filing.Body.ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public void FilingWithoutPressRelease_IsTitledByItsFirstItem()
    {
        var filing = Parse("FORM 8-K\n\nDate of Report (Date of earliest event reported): May 1, 2010\n\nItem 5.02 Departure of Directors or Certain Officers\n\nOn May 1, 2010, a director resigned.\n\nItem 9.01 Financial Statements and Exhibits\n\nNone.\n");

        Assert.Equal("Departure of Directors or Certain Officers", filing.Meta.Title);
        Assert.Null(filing.Meta.PressReleaseDate);
    }

    [Fact]
    public void HtmlFiling_WithUnclosedTags_IsReadAsText()
    {
        var html = "<html><body><p>ITEM 8.01 OTHER EVENTS<p>Something happened.<p>ITEM 9.01 FINANCIAL STATEMENTS AND EXHIBITS<table><tr><td>Exhibit No.<td>Exhibit<tr><td>99.1<td>Press Release</table><p>For Immediate Release<p><b>ImmunoGen Reports a Result<p>CAMBRIDGE, MA, March 3, 2009 - ImmunoGen today announced a result.";

        var filing = Parse(html);

        Assert.Equal("ImmunoGen Reports a Result", filing.Meta.Title);
        Assert.Equal([new Exhibit("99.1", "Press Release")], filing.Meta.Exhibits);
        Assert.Contains("Something happened.", filing.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReturnsDiagnosticsWithTheFileName_NeverThrows()
    {
        var (filing, diagnostics) = FilingParser.Parse("\u0001\u0002 <<<>>> ITEM", "weird.txt");

        Assert.Null(filing);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.Import.NotAFiling, error.Code);
        Assert.StartsWith("weird.txt: error KB1004: ", error.ToString(), StringComparison.Ordinal);
    }
}
