using ImmunoGen.Kb.Site.Tests.Fixtures;

namespace ImmunoGen.Kb.Site.Tests;

/// <summary>Whole pages of the seed site, byte for byte. A change shows up as a reviewable diff of TestData/Golden.</summary>
public class GoldenPageTests
{
    private static readonly FixtureSite Site = new();

    [Fact]
    public void FilingPage_OfTheSar3419Milestone_MatchesGolden() =>
        GoldenFile.AssertMatches("filing-sar3419-milestone.html", Site.Page($"filings/{SeedCorpus.Sar3419Filing}.html"));

    [Fact]
    public void CompoundPage_OfSar3419_MatchesGolden() =>
        GoldenFile.AssertMatches("compound-sar3419.html", Site.Page("compounds/sar3419.html"));

    [Fact]
    public void PartnerPage_OfSanofiAventis_MatchesGolden() =>
        GoldenFile.AssertMatches("partner-sanofi-aventis.html", Site.Page("partners/sanofi-aventis.html"));
}
