using ImmunoGen.Kb.Check;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Site.Tests.Fixtures;
using static ImmunoGen.Kb.Site.Tests.Fixtures.TempSite;

namespace ImmunoGen.Kb.Site.Tests;

public class SiteCheckerTests
{
    private static List<string> Codes(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(d => d.Code).ToList();

    [Fact]
    public void Check_WhenEveryLinkAndAnchorResolves_ReportsNothing()
    {
        using var site = new TempSite(
            ("index.html", Page("Home", "<h1 id=\"top\">Home</h1><a href=\"compounds/x.html#stage\">x</a> <a href=\"#top\">top</a> <a href=\"https://www.sec.gov/\">SEC</a>")),
            ("compounds/x.html", Page("X", "<h2 id=\"stage\">Stage</h2><a href=\"../index.html?q=1\">home</a><svg><a href=\"../index.html#top\"><circle r=\"1\"/></a></svg>")));

        Assert.Empty(SiteChecker.Check(site.Root));
    }

    [Fact]
    public void Check_WhenALinkPointsToAMissingFile_ReportsBrokenLinkWithLine()
    {
        using var site = new TempSite(("index.html", Page("Home", "<a href=\"compounds/missing.html\">x</a>")));

        var d = Assert.Single(SiteChecker.Check(site.Root));

        Assert.Equal(DiagnosticCodes.Check.BrokenLink, d.Code);
        Assert.EndsWith("/index.html", d.Path, StringComparison.Ordinal);
        Assert.Equal(2, d.Line);
        Assert.Contains("compounds/missing.html", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenALinkNamesAFolder_ReportsBrokenLink()
    {
        using var site = new TempSite(
            ("index.html", Page("Home", "<a href=\"compounds/\">compounds</a><a href=\"compounds/index.html\">c</a>")),
            ("compounds/index.html", Page("C", "")));

        Assert.Equal([DiagnosticCodes.Check.BrokenLink], Codes(SiteChecker.Check(site.Root)));
    }

    [Fact]
    public void Check_WhenAnAnchorIsMissingOnTheTargetPage_ReportsBrokenAnchor()
    {
        using var site = new TempSite(
            ("index.html", Page("Home", "<a href=\"f.html#p9\">paragraph 9</a>")),
            ("f.html", Page("F", "<p id=\"p1\">one</p>")));

        var d = Assert.Single(SiteChecker.Check(site.Root));

        Assert.Equal(DiagnosticCodes.Check.BrokenAnchor, d.Code);
        Assert.Contains("'p9'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenAPageIsLinkedFromNowhere_ReportsUnreachable_ButNotFor404()
    {
        using var site = new TempSite(
            ("index.html", Page("Home", "home")),
            ("orphan.html", Page("Orphan", "<a href=\"index.html\">home</a>")),
            ("404.html", Page("Not found", "<a href=\"index.html\">home</a>")));

        var d = Assert.Single(SiteChecker.Check(site.Root));

        Assert.Equal(DiagnosticCodes.Check.Unreachable, d.Code);
        Assert.EndsWith("/orphan.html", d.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenAPageHasNoTitle_ReportsMissingTitle()
    {
        using var site = new TempSite(("index.html", "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title> </title></head><body></body></html>"));

        Assert.Equal([DiagnosticCodes.Check.MissingTitle], Codes(SiteChecker.Check(site.Root)));
    }

    [Fact]
    public void Check_WhenAScriptOrStylesheetComesFromAnotherHost_ReportsExternalReference()
    {
        using var site = new TempSite(("index.html",
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Home</title><link rel=\"stylesheet\" href=\"https://fonts.example/css\">\n<script src=\"//cdn.example/x.js\"></script></head><body><a href=\"https://www.sec.gov/\">SEC</a></body></html>"));

        Assert.Equal([DiagnosticCodes.Check.ExternalReference, DiagnosticCodes.Check.ExternalReference], Codes(SiteChecker.Check(site.Root)));
    }

    [Fact]
    public void Check_WhenALinkIsRootRelativeOrClimbsOutOfTheSite_ReportsBrokenLink()
    {
        using var site = new TempSite(("index.html", Page("Home", "<a href=\"/index.html\">root</a><a href=\"../outside.html\">out</a>")));

        Assert.Equal([DiagnosticCodes.Check.BrokenLink, DiagnosticCodes.Check.BrokenLink], Codes(SiteChecker.Check(site.Root)));
    }

    [Fact]
    public void Check_WhenTheHtmlIsMalformed_ReportsInvalidHtml()
    {
        using var site = new TempSite(("index.html", Page("Home", "<p>a</div>")));

        Assert.Contains(DiagnosticCodes.Check.InvalidHtml, Codes(SiteChecker.Check(site.Root)));
    }

    [Fact]
    public void Check_WhenFrontMatterNamesAnEntityWithoutAPage_ReportsMissingEntityPage()
    {
        using var site = new TempSite(
            ("index.html", Page("Home", "<a href=\"filings/2007-10-17-x.html\">f</a> <a href=\"compounds/sar3419.html\">c</a>")),
            ("filings/2007-10-17-x.html", Page("F", "")),
            ("compounds/sar3419.html", Page("SAR3419", "")));
        var filing = new Filing("2007-10-17-x", "filings/2007-10-17-x.md", new FilingFrontMatter
        {
            Compounds = ["sar3419"],
            Partners = ["sanofi-aventis"],
        }, "", 1);
        var corpus = Corpus.Empty with { Filings = [filing] };

        var d = Assert.Single(SiteChecker.Check(site.Root, corpus));

        Assert.Equal(DiagnosticCodes.Check.MissingEntityPage, d.Code);
        Assert.Equal("content/filings/2007-10-17-x.md", d.Path);
        Assert.Contains("partners/sanofi-aventis", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenTheSiteFolderIsMissing_ReportsInsteadOfThrowing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "kb-no-site-" + Guid.NewGuid().ToString("N"));

        Assert.Equal([DiagnosticCodes.Check.BrokenLink], Codes(SiteChecker.Check(missing)));
    }
}
