using System.Text;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Fetch;

namespace ImmunoGen.Kb.Tests.Fetch;

public class SubmissionsDocumentTests
{
    private const string Source = "https://data.sec.gov/submissions/CIK0000855654.json";

    [Fact]
    public void ReadMain_ZipsTheRecentColumns_AndListsTheOlderPages()
    {
        var diagnostics = new List<Diagnostic>();

        var page = SubmissionsDocument.ReadMain(EdgarFixtureServer.FixtureBytes(FetchWorkspace.SubmissionsPath), Source, diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(page);
        Assert.Equal("IMMUNOGEN INC", page.CompanyName);
        Assert.Equal(
            ["0000855654-07-000031 8-K 2007-10-17", "0000855654-06-000162 10-Q 2006-11-09", "0000855654-06-000158 8-K 2006-11-08",
             "0000855654-06-000151 8-K/A 2006-10-24", "0000855654-06-000149 8-K 2006-10-19"],
            page.Filings.Select(f => $"{f.Accession} {f.Form} {f.FilingDate:yyyy-MM-dd}"));
        Assert.Equal(new DateOnly(2006, 9, 30), page.Filings[1].ReportDate);
        Assert.Equal("d10q.htm", page.Filings[1].PrimaryDocument);
        Assert.Equal([new OlderSubmissionsPage("CIK0000855654-submissions-001.json", new DateOnly(2006, 10, 5))], page.OlderPages);
    }

    [Fact]
    public void ReadOlder_ReadsTheColumnsAtTheTopLevel()
    {
        var diagnostics = new List<Diagnostic>();

        var rows = SubmissionsDocument.ReadOlder(EdgarFixtureServer.FixtureBytes(FetchWorkspace.OlderSubmissionsPath), Source, diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(rows);
        Assert.Equal(new EdgarFiling(Accession("0000855654-06-000141"), "8-K", new DateOnly(2006, 10, 5), new DateOnly(2006, 10, 4), "d8k.txt"), Assert.Single(rows));
    }

    [Fact]
    public void ReadMain_ReportsBrokenJsonWithItsLine()
    {
        var diagnostics = new List<Diagnostic>();

        var page = SubmissionsDocument.ReadMain(Utf8("{\n  \"cik\": \"855654\",\n  \"filings\": {\n    \"recent\": [\n}"), Source, diagnostics);

        Assert.Null(page);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.Fetch.BadResponse, error.Code);
        Assert.Equal(5, error.Line);
        Assert.StartsWith($"{Source}:5: error KB7003: not valid JSON", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMain_RefusesADocumentWithoutFilings()
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Null(SubmissionsDocument.ReadMain(Utf8("""{"message": "Request Rate Threshold Exceeded"}"""), Source, diagnostics));

        Assert.Equal("not an EDGAR submissions document: no filings.recent", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void ReadOlder_RefusesColumnsOfDifferentLengths()
    {
        var diagnostics = new List<Diagnostic>();

        var rows = SubmissionsDocument.ReadOlder(
            Utf8("""{"accessionNumber": ["0000855654-06-000141", "0000855654-06-000142"], "filingDate": ["2006-10-05"], "form": ["8-K", "8-K"]}"""),
            Source, diagnostics);

        Assert.Empty(rows!);
        Assert.Equal("column arrays differ in length (accessionNumber 2, filingDate 1, form 2)", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void ReadOlder_ReportsABadRow_AndKeepsTheOthers()
    {
        var diagnostics = new List<Diagnostic>();

        var rows = SubmissionsDocument.ReadOlder(
            Utf8("""{"accessionNumber": ["../../etc/passwd", "0000855654-06-000141", "0000855654-06-000140"], "filingDate": ["2006-10-05", "2006-10-05", "5 Oct 2006"], "form": ["8-K", "8-K", "8-K"]}"""),
            Source, diagnostics);

        Assert.Equal(["0000855654-06-000141"], rows!.Select(r => r.Accession.Value));
        Assert.Equal(
            ["row 0: \"../../etc/passwd\" is not an accession number", "row 2 (0000855654-06-000140): filing date \"5 Oct 2006\" is not YYYY-MM-DD"],
            diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void ReadMain_FollowsOnlyOlderPagesNamedTheEdgarWay()
    {
        var diagnostics = new List<Diagnostic>();

        var page = SubmissionsDocument.ReadMain(
            Utf8("""{"filings": {"recent": {"accessionNumber": [], "filingDate": [], "form": []}, "files": [{"name": "../../Archives/x.json"}, {"name": "CIK0000855654-submissions-002.json"}]}}"""),
            Source, diagnostics);

        Assert.Equal([new OlderSubmissionsPage("CIK0000855654-submissions-002.json", null)], page!.OlderPages);
        Assert.Equal(DiagnosticCodes.Fetch.BadResponse, Assert.Single(diagnostics).Code);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static AccessionNumber Accession(string text) =>
        AccessionNumber.TryParse(text, out var accession) ? accession : throw new ArgumentException(text);
}
