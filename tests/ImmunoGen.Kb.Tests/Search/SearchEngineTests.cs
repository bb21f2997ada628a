using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Tests.Search;

/// <summary>The rules of docs/search.md one by one, on the seed fixture.</summary>
public sealed class SearchEngineTests
{
    private static readonly Lazy<SearchEngine> Engine = new(() => new SearchEngine(SearchIndexBuilder.Build(SeedGraph.Build())));

    private static IReadOnlyList<SearchResult> Search(string q, SearchFilters? f = null, int limit = 50) => Engine.Value.Search(q, f, limit);

    [Fact]
    public void Exact_name_ranks_above_alias_part_prefix_fuzzy_and_text()
    {
        var r = Search("SAR3419");
        Assert.Equal(("sar3419", SearchTier.Name), (r[0].Slug, r[0].Tier));
        Assert.Equal(SearchTier.Alias, Search("T-DM1")[0].Tier);
        Assert.Equal(SearchTier.Part, Search("huC242")[0].Tier);
        Assert.Equal(SearchTier.Attribute, Search("CD19")[0].Tier);
        Assert.Equal(SearchTier.Prefix, Search("AVE16")[0].Tier);
        Assert.Equal(SearchTier.Fuzzy, Search("AVE1624")[0].Tier);
        Assert.All(r.SkipWhile(x => x.Kind != "filing"), x => Assert.Equal(SearchTier.Text, x.Tier));
    }

    [Fact]
    public void Entity_pages_come_before_filings()
    {
        var kinds = Search("sanofi").Select(r => r.Kind).ToList();
        Assert.Equal("partner", kinds[0]);
        Assert.Contains("filing", kinds);
        Assert.DoesNotContain(kinds.SkipWhile(k => k != "filing"), k => k != "filing");
    }

    [Fact]
    public void Compound_results_carry_target_partner_and_stage()
    {
        var r = Search("SAR3419")[0];
        Assert.Equal(("CD19", "sanofi-aventis", "Phase I", "compounds/sar3419.html"), (r.Target, r.Partner, r.Stage, r.Url));
        Assert.Equal("compound  SAR3419  (exact name)  CD19 · sanofi-aventis · Phase I", SearchCli.Line(r));
    }

    [Fact]
    public void Short_queries_are_never_fuzzy()
    {
        Assert.Empty(Search("dm7"));
        Assert.DoesNotContain(Search("xq"), r => r.Kind != "filing");
    }

    [Fact]
    public void Filings_naming_a_found_entity_come_newest_first_with_the_entity_as_reason()
    {
        var filings = Search("sanofi-aventis", new SearchFilters(Kind: "filing"));
        // The huC242-DM4 filing names sanofi-aventis only in its boilerplate "About" paragraph.
        Assert.Equal(
            [
                "2007-10-17-sanofi-aventis-advances-sar3419-into-phase-i",
                "2006-10-17-sanofi-aventis-licenses-immunogen-s-humanization-technology",
                "2006-10-04-sanofi-aventis-initiates-clinical-testing-of-ave1642",
            ],
            filings.Select(f => f.Slug));
        Assert.All(filings, f => Assert.Equal("mentions sanofi-aventis", f.Why));
    }

    [Fact]
    public void Boilerplate_paragraphs_are_not_searched()
    {
        // "Private Securities Litigation Reform Act" is only in the safe-harbor paragraph of every seed.
        Assert.Empty(Search("Litigation Reform Act"));
        Assert.NotEmpty(Search("humanization technology", new SearchFilters(Kind: "filing")));
    }

    [Fact]
    public void A_filing_snippet_highlights_each_occurrence_of_the_match()
    {
        var r = Search("resurfacing", new SearchFilters(Kind: "filing"))[0];
        Assert.Equal(new DateOnly(2006, 10, 17), r.Date);
        Assert.NotNull(r.Snippet);
        Assert.NotEmpty(r.Highlights!);
        Assert.All(r.Highlights!, h => Assert.Equal("resurfacing", r.Snippet!.Substring(h.Start, h.Length), ignoreCase: true));
    }

    [Fact]
    public void Snippet_finds_a_code_written_another_way_and_only_at_word_starts()
    {
        var (snippet, highlights) = SearchEngine.Snippet("We have SAR-3419 and SAR3419 here.", ["sar3419", "ave"]);
        Assert.Equal(["SAR-3419", "SAR3419"], highlights.Select(h => snippet.Substring(h.Start, h.Length)));
    }

    [Fact]
    public void Partner_filter_keeps_the_partner_its_compounds_and_its_filings()
    {
        var r = Search("DM1", new SearchFilters(Partner: "genentech"));
        Assert.Equal(["trastuzumab-dm1"], r.Where(x => x.Kind == "compound").Select(x => x.Slug));
        Assert.All(r, x => Assert.NotEqual("person", x.Kind));
        Assert.DoesNotContain(Search("SAR3419", new SearchFilters(Partner: "genentech")), x => x.Kind == "compound");
    }

    [Fact]
    public void Year_filter_keeps_only_filings_of_that_year()
    {
        var r = Search("sanofi", new SearchFilters(Year: 2007));
        Assert.Equal(["2007-10-17-sanofi-aventis-advances-sar3419-into-phase-i"], r.Select(x => x.Slug));
    }

    [Fact]
    public void Limit_cuts_the_ranked_list()
    {
        Assert.Equal(Search("sanofi").Take(2).Select(r => r.Slug), Search("sanofi", limit: 2).Select(r => r.Slug));
        Assert.Empty(Search("sanofi", limit: 0));
        Assert.Empty(Search(" - "));
    }

    [Fact]
    public void Suggestions_are_the_nearest_names()
    {
        var s = Engine.Value.Suggest("Genentqxz");
        Assert.Equal("genentech", s[0].Slug);
        Assert.Equal(SearchEngine.MaxSuggestions, s.Count);
        Assert.Equal(s.OrderBy(x => x.Distance).Select(x => x.Slug), s.Select(x => x.Slug));
    }
}
