using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Import;

namespace ImmunoGen.Kb.Tests.Import;

/// <summary>Runs only where ../shared/fixtures/edgar (real EDGAR submissions of other companies) is present.</summary>
public sealed class EdgarFixturesFactAttribute : FactAttribute
{
    public EdgarFixturesFactAttribute()
    {
        if (ImportTestFiles.EdgarFixtures is null)
        {
            Skip = ImportTestFiles.NoEdgarFixtures;
        }
    }
}

/// <summary>A theory over the real EDGAR submissions: skipped, not failed for want of data, where they are not present.</summary>
public sealed class EdgarFixturesTheoryAttribute : TheoryAttribute
{
    public EdgarFixturesTheoryAttribute()
    {
        if (ImportTestFiles.EdgarFixtures is null)
        {
            Skip = ImportTestFiles.NoEdgarFixtures;
        }
    }
}

/// <summary>EDGAR full submissions: our fixtures built from seed text, and the real ones under ../shared/fixtures/edgar.</summary>
public class EdgarSubmissionTests
{
    private static ParsedFiling ParseFile(string path)
    {
        var (text, error) = RawFilingReader.ReadFile(path, Path.GetFileName(path));
        Assert.Null(error);
        var (filing, diagnostics) = FilingParser.Parse(text!, Path.GetFileName(path));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return filing!;
    }

    private static ParsedFiling Seed(string name) => FilingParser.Parse(ImportTestFiles.SeedText(name), name).Filing!;

    [Fact]
    public void Header_GivesAccessionFormFiledDateCikAndCompany()
    {
        var submission = EdgarSubmission.TryParse(File.ReadAllText(ImportTestFiles.Data("edgar-plain-003.txt")))!;

        Assert.Equal(new EdgarHeader("0000855654-07-000031", "8-K", new DateOnly(2007, 10, 17), new DateOnly(2007, 10, 17), "0000855654", "IMMUNOGEN INC", "000-17999"), submission.Header);
        Assert.Equal(["8-K", "EX-99.1"], submission.Documents.Select(d => d.Type));
        Assert.Equal("8-K", submission.MainDocument!.Type);
        Assert.Equal(["EX-99.1"], submission.PressReleases.Select(d => d.Type));
    }

    [Fact]
    public void PlainTextSubmission_ImportsWithItsAccessionNumber_AndTheSameFactsAndBodyAsTheSeed()
    {
        var edgar = ParseFile(ImportTestFiles.Data("edgar-plain-003.txt"));
        var seed = Seed("003_35968dba8423dc4d");

        Assert.Equal("0000855654-07-000031", edgar.Meta.AccessionNumber);
        Assert.Equal(new DateOnly(2007, 10, 17), edgar.Meta.FiledDate);
        Assert.Equal("0000855654", edgar.Meta.Cik);
        var expected = seed.Meta with { AccessionNumber = "0000855654-07-000031", FiledDate = new DateOnly(2007, 10, 17), Cik = "0000855654" };
        Assert.Equal(FilingPage.Write(expected, seed.Body.ToString()), FilingPage.Write(edgar.Meta, edgar.Body.ToString()));
        Assert.DoesNotContain("begin 644", edgar.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Windows1252CrLfSubmission_ImportsLikeTheUtf8Seed()
    {
        var edgar = ParseFile(ImportTestFiles.Data("edgar-cp1252-crlf-002.txt"));
        var seed = Seed("002_9fcb631c0bb8cd92");

        Assert.Equal("0000855654-06-000077", edgar.Meta.AccessionNumber);
        Assert.Contains("ranging from 18 to 297 mg/m².", edgar.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            FilingPage.Write(seed.Meta with { AccessionNumber = "0000855654-06-000077", FiledDate = new DateOnly(2006, 11, 8), Cik = "0000855654" }, seed.Body.ToString()),
            FilingPage.Write(edgar.Meta, edgar.Body.ToString()));
    }

    [Fact]
    public void HtmlSubmission_IsTurnedIntoText_WithoutScriptsStylesOrHiddenXbrl()
    {
        var edgar = ParseFile(ImportTestFiles.Data("edgar-html-001.txt"));
        var seed = Seed("001_a60059691f3829e0");

        Assert.Equal("0000855654-06-000072", edgar.Meta.AccessionNumber);
        Assert.Equal(seed.Meta.Title, edgar.Meta.Title);
        Assert.Equal(seed.Meta.EventDate, edgar.Meta.EventDate);
        Assert.Equal(seed.Meta.PressReleaseDate, edgar.Meta.PressReleaseDate);
        Assert.Equal(seed.Meta.SignedDate, edgar.Meta.SignedDate);
        Assert.Equal(seed.Meta.FileNumber, edgar.Meta.FileNumber);
        Assert.Equal(seed.Meta.Items, edgar.Meta.Items);
        Assert.Equal(seed.Meta.Exhibits, edgar.Meta.Exhibits);
        Assert.Equal(seed.Meta.Signatories, edgar.Meta.Signatories);
        Assert.DoesNotContain("9.99", edgar.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hidden XBRL", edgar.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("margin", edgar.Body.ToString(), StringComparison.Ordinal);
        Assert.Contains("will receive a $1 million license fee", edgar.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SubmissionWithNo8KDocument_IsAOneLineError()
    {
        var text = "<SEC-HEADER>\nACCESSION NUMBER: 0000855654-09-000001\nCONFORMED SUBMISSION TYPE: 8-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>GRAPHIC\n<FILENAME>logo.gif\n<TEXT>\nbegin 644 logo.gif\nM1TE&\n`\nend\n</TEXT>\n</DOCUMENT>\n";

        var (filing, diagnostics) = FilingParser.Parse(text, "raw/no8k.txt");

        Assert.Null(filing);
        Assert.Equal("raw/no8k.txt: error KB1009: EDGAR submission (form 8-K) has no 8-K document", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void SubmissionWithoutAnEx99_TakesTheExhibitsFromTheDocumentList()
    {
        var text = "<SEC-HEADER>\nACCESSION NUMBER: 0000855654-09-000002\nCONFORMED SUBMISSION TYPE: 8-K\nFILED AS OF DATE: 20090303\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 8.01 Other Events\n\nText.\n\nImmunoGen Reports a Result\n\nCAMBRIDGE, MA, March 3, 2009 - ImmunoGen announced a result.\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.2\n<DESCRIPTION>Investor presentation\n<TEXT>\nSlides.\n</TEXT>\n</DOCUMENT>\n";

        var (filing, _) = FilingParser.Parse(text, "x.txt");

        Assert.Equal([new Exhibit("99.2", "Investor presentation")], filing!.Meta.Exhibits);
        Assert.Equal(new DateOnly(2009, 3, 3), filing.Meta.FiledDate);
    }

    [EdgarFixturesFact]
    public void Real1998PlainTextSubmission_WithPemWrapperAndPageBreaks_Imports()
    {
        var f = ParseFile(Path.Combine(ImportTestFiles.EdgarFixtures!, "edgar-fullsubmission-aamescapital-0001011438-98-000429.txt"));

        Assert.Equal("0001011438-98-000429", f.Meta.AccessionNumber);
        Assert.Equal(new DateOnly(1998, 12, 15), f.Meta.EventDate);
        Assert.Equal(new DateOnly(1998, 12, 31), f.Meta.SignedDate);
        Assert.Equal(new DateOnly(1998, 12, 31), f.Meta.FiledDate);
        Assert.Equal("0000913951", f.Meta.Cik);
        Assert.Equal("333-46893-01", f.Meta.FileNumber);
        Assert.Equal([new FilingItem("7", "Financial Statements; Pro Forma Financial Information and Exhibits")], f.Meta.Items);
        Assert.Equal([new Exhibit("20.1", "Aames Capital Corporation, Mortgage Pass-Through Certificates, Series 1998-C - Statement to Certificateholders")], f.Meta.Exhibits);
        Assert.Equal([new Signatory("Barbara S. Polsky", "Executive Vice President")], f.Meta.Signatories);
        Assert.DoesNotContain("<PAGE>", f.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVACY-ENHANCED", f.Body.ToString(), StringComparison.Ordinal);
    }

    [EdgarFixturesFact]
    public void Real2024InlineXbrlSubmission_WithItem502AndNoPressRelease_Imports()
    {
        var f = ParseFile(Path.Combine(ImportTestFiles.EdgarFixtures!, "edgar-fullsubmission-1895bancorp-0000943374-24-000509.txt"));

        Assert.Equal("0000943374-24-000509", f.Meta.AccessionNumber);
        Assert.Equal(new DateOnly(2024, 12, 20), f.Meta.EventDate);
        Assert.Equal(new DateOnly(2024, 12, 27), f.Meta.SignedDate);
        Assert.Equal("001-40609", f.Meta.FileNumber);
        Assert.Equal("5.02", Assert.Single(f.Meta.Items).Number);
        Assert.StartsWith("Departure of Directors or Certain Officers", f.Meta.Title, StringComparison.Ordinal);
        Assert.Equal([new Signatory("David R. Ball", "Chief Executive Officer and President")], f.Meta.Signatories);
        Assert.DoesNotContain("begin 644", f.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dei:", f.Body.ToString(), StringComparison.Ordinal);
    }

    [EdgarFixturesFact]
    public void Real2025BiopharmaSubmission_WithHtmlPressRelease_Imports()
    {
        var f = ParseFile(Path.Combine(ImportTestFiles.EdgarFixtures!, "edgar-fullsubmission-abvcbiopharma-0001213900-25-032135.txt"));

        Assert.Equal("0001213900-25-032135", f.Meta.AccessionNumber);
        Assert.Equal("ABVC BioPharma Announces 2024 Financial Results", f.Meta.Title);
        Assert.Equal(new DateOnly(2025, 4, 15), f.Meta.EventDate);
        Assert.Equal(new DateOnly(2025, 4, 16), f.Meta.PressReleaseDate);
        Assert.Equal(["2.02", "4.02", "7.01", "9.01"], f.Meta.Items.Select(i => i.Number));
        Assert.Equal("Results of Operations and Financial Condition", f.Meta.Items[0].Title);
        Assert.Equal("99.1", Assert.Single(f.Meta.Exhibits).Number);
        Assert.Contains("\n\n## ABVC BioPharma Announces 2024 Financial Results\n\n", f.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("begin 644", f.Body.ToString(), StringComparison.Ordinal);
    }
}
