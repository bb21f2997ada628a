using System.Globalization;
using System.Text.Json;
using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Tests.Search;

public sealed class SearchIndexWriterTests
{
    private static readonly Lazy<SearchIndex> Index = new(() => SearchIndexBuilder.Build(SeedGraph.Build()));

    private static readonly SearchLayout Tiny = SeedGraph.TinyLayout;

    [Fact]
    public void Writes_the_entity_file_first_then_the_pieces_deterministically()
    {
        var files = SearchIndexWriter.Write(Index.Value).ToList();
        Assert.Equal("search-index.js", files[0].Path);
        Assert.StartsWith("window.KB_SEARCH_INDEX={", files[0].Content, StringComparison.Ordinal);
        Assert.Contains(files, f => f.Path == "search/filings-000.js");
        Assert.Contains(files, f => f.Path == "search/entities-000.js");
        Assert.Contains(files, f => f.Path == "search/text-000.js");
        Assert.Contains(files, f => f.Path.StartsWith("search/terms-", StringComparison.Ordinal));
        Assert.All(files.Skip(1), f => Assert.StartsWith($"window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{{}};window.KB_SEARCH_PARTS[\"{f.Path}\"]=", f.Content, StringComparison.Ordinal));
        Assert.Equal(files.Count, files.Select(f => f.Path.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(files, SearchIndexWriter.Write(SearchIndexBuilder.Build(SeedGraph.Build())));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_pieces_read_back_to_the_whole_index(bool tiny)
    {
        var layout = tiny ? Tiny : SearchLayout.Default;
        var files = SearchIndexWriter.Write(Index.Value, layout).ToList();
        if (tiny)
        {
            Assert.True(files.Count(f => f.Path.StartsWith("search/terms-", StringComparison.Ordinal)) > 40);
        }

        var read = Read(files);
        var index = Index.Value;
        Assert.Equal(index.StopWords, read.StopWords);
        Assert.Equal(index.Terms, read.Terms);
        Assert.Equal(index.Postings.Select(p => string.Join(",", p)), read.Postings.Select(p => string.Join(",", p)));
        Assert.Equal(index.Entities.Count, read.Entities.Count);
        for (var e = 0; e < index.Entities.Count; e++)
        {
            var (a, b) = (index.Entities[e], read.Entities[e]);
            Assert.Equal((a.Kind, a.Slug, a.Name, a.Url, a.Target ?? "", a.Stage ?? ""), (b.Kind, b.Slug, b.Name, b.Url, b.Target ?? "", b.Stage ?? ""));
            Assert.Equal(a.Partners, b.Partners);
            Assert.Equal(a.PartnerNames, b.PartnerNames);
            Assert.Equal(a.Keys, b.Keys);
        }

        Assert.Equal(index.Filings.Count, read.Filings.Count);
        for (var f = 0; f < index.Filings.Count; f++)
        {
            var (a, b) = (index.Filings[f], read.Filings[f]);
            Assert.Equal((a.Slug, a.Title, a.Url, a.Date, a.Text), (b.Slug, b.Title, b.Url, b.Date, b.Text));
            Assert.Equal(a.Entities, b.Entities);
        }
    }

    [Fact]
    public void Every_shared_case_gets_the_same_results_from_the_index_read_back()
    {
        var whole = new SearchEngine(Index.Value);
        var read = new SearchEngine(Read(SearchIndexWriter.Write(Index.Value, Tiny).ToList()));
        foreach (var c in SearchCase.Load())
        {
            foreach (var filters in new[] { new SearchFilters(Kind: c.Kind), new SearchFilters(Partner: "sanofi-aventis"), new SearchFilters(Year: 2007) })
            {
                Assert.Equal(whole.Search(c.Query, filters, 50), read.Search(c.Query, filters, 50), new ResultComparer());
            }
        }
    }

    [Fact]
    public void Term_shards_split_by_prefix_and_leave_a_split_prefix_term_to_the_shard_before()
    {
        string[] terms = ["aa", "ab", "b", "ba", "bab", "bac", "bb", "c"];
        var postings = terms.Select(_ => new string('x', 40)).ToList();
        // Sizes: a term and its postings, 46–49 bytes each. "b" and "ba" are split prefixes: they go with the shard before.
        Assert.Equal(["a", "bab", "bac", "bb", "c"], SearchIndexWriter.TermShardStarts(terms, postings, new SearchLayout(TermShardBytes: 100)));
        Assert.Equal(["aa", "ab", "bab", "bac", "bb", "c"], SearchIndexWriter.TermShardStarts(terms, postings, new SearchLayout(TermShardBytes: 60)));
        var files = SearchIndexWriter.Write(Index.Value with { Terms = terms, Postings = terms.Select((_, i) => new[] { i }).ToArray() }, new SearchLayout(TermShardBytes: 30)).ToList();
        Assert.Equal(["search/terms-a.js", "search/terms-ba.js", "search/terms-bb.js", "search/terms-c.js"], files.Where(f => f.Path.StartsWith("search/terms-", StringComparison.Ordinal)).Select(f => f.Path));
        Assert.Contains("{\"t\":[\"aa\",\"ab\",\"b\"],", files.Single(f => f.Path == "search/terms-a.js").Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 31, 32, 33, 1023, 1024, 1025, 40000 })]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 30 })]
    [InlineData(new[] { 500, 501, 503, 504, 505, 506, 507, 509, 510, 511, 513, 514, 515, 516, 517, 518, 520 })]
    public void Postings_round_trip_through_gaps_or_a_bitmap(int[] ids)
    {
        var s = SearchIndexWriter.EncodePostings(ids);
        Assert.Equal(ids, SearchIndexWriter.DecodePostings(s));
        Assert.All(s, c => Assert.Contains(c, "!" + SearchIndexWriter.Digits));
    }

    [Fact]
    public void Postings_are_small_gaps_one_character_each_or_a_bitmap_when_dense()
    {
        Assert.Equal("03v", SearchIndexWriter.EncodePostings([0, 4, 36]));
        Assert.Equal("x0", SearchIndexWriter.EncodePostings([32])); // 32 = 1·32 + 0: continuation digit 1 (Digits[33]), last digit 0
        var dense = Enumerable.Range(100, 60).Where(i => i % 3 != 0).ToList();
        var s = SearchIndexWriter.EncodePostings(dense);
        Assert.StartsWith("!", s, StringComparison.Ordinal);
        Assert.Equal(1 + 2 + 10, s.Length);
    }

    [Fact]
    public void Years_give_the_first_filing_id_of_each_year()
    {
        using var doc = JsonDocument.Parse(Json(SearchIndexWriter.Write(Index.Value).First().Content));
        var years = doc.RootElement.GetProperty("years").EnumerateArray().Select(y => (y[0].GetInt32(), y[1].GetInt32())).ToList();
        var expected = Index.Value.Filings.Select((f, id) => (f.Date!.Value.Year, id)).GroupBy(x => x.Year).Select(g => (g.Key, g.Min(x => x.id))).ToList();
        Assert.Equal(expected, years);
    }

    [Fact]
    public void Entities_carry_their_keys_with_the_strongest_type()
    {
        var huc = Index.Value.Entities.Single(e => e.Slug == "huc242-dm4");
        Assert.Contains(new SearchKey("dm4", SearchKeyType.Part, "huC242-DM4"), huc.Keys);
        Assert.Contains(new SearchKey("huc242dm4", SearchKeyType.Name, "huC242-DM4"), huc.Keys);
        Assert.Contains(new SearchKey("canag", SearchKeyType.Attribute, "target CanAg"), huc.Keys);
        var tdm1 = Index.Value.Entities.Single(e => e.Slug == "trastuzumab-dm1");
        Assert.Contains(new SearchKey("tdm1", SearchKeyType.Alias, "T-DM1"), tdm1.Keys);
    }

    [Fact]
    public void Tokens_keep_a_code_whole_and_in_parts_and_drop_stop_words()
    {
        var stop = SearchIndexBuilder.StopWords.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["huc242dm4", "huc242", "dm4", "compound"], SearchIndexBuilder.Tokens("the huC242-DM4 compound", stop));
    }

    [Fact]
    public void Term_file_names_are_plain_ascii()
    {
        Assert.Equal("search/terms-co.js", SearchIndexWriter.TermFile("co"));
        Assert.Equal("search/terms-r_00e9.js", SearchIndexWriter.TermFile("ré"));
    }

    private static string Json(string script)
    {
        var start = script.IndexOf("]=", StringComparison.Ordinal) is var i and >= 0 && script.StartsWith("window.KB_SEARCH_PARTS", StringComparison.Ordinal)
            ? i + 2
            : script.IndexOf('=', StringComparison.Ordinal) + 1;
        return script[start..^2];
    }

    /// <summary>The index the browser sees, put back together from every piece (what search.js reads, all at once).</summary>
    public static SearchIndex Read(IReadOnlyList<(string Path, string Content)> files)
    {
        var byPath = files.ToDictionary(f => f.Path, f => JsonDocument.Parse(Json(f.Content)).RootElement, StringComparer.Ordinal);
        var root = byPath[SearchIndexWriter.EntityFile];
        var n = root.GetProperty("filings").GetInt32();
        List<string> Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToList();
        var entities = root.GetProperty("entities").EnumerateArray().Select(e => new SearchEntity(
            e[0].GetString()!, e[1].GetString()!, e[2].GetString()!, e[3].GetString()!, e[4].GetString() is { Length: > 0 } t ? t : null,
            Strings(e[5]), Strings(e[6]), e[7].GetString() is { Length: > 0 } s ? s : null,
            e[8].EnumerateArray().Select(k => new SearchKey(k[0].GetString()!, (SearchKeyType)k[1].GetInt32(), k[2].GetString()!)).ToList())).ToList();

        var terms = new List<string>();
        var postings = new List<int[]>();
        foreach (var start in Strings(root.GetProperty("terms")))
        {
            var shard = byPath[SearchIndexWriter.TermFile(start)];
            terms.AddRange(Strings(shard.GetProperty("t")));
            postings.AddRange(Strings(shard.GetProperty("p")).Select(p => SearchIndexWriter.DecodePostings(p).ToArray()));
        }

        var (filingChunk, entityChunk, textShard) = (root.GetProperty("filingChunk").GetInt32(), root.GetProperty("entityChunk").GetInt32(), root.GetProperty("textShard").GetInt32());
        var named = Enumerable.Range(0, n).Select(_ => new List<int>()).ToList();
        for (var e = 0; e < entities.Count; e++)
        {
            var chunk = byPath[SearchIndexWriter.EntityPostingsFile(e / entityChunk)];
            foreach (var f in SearchIndexWriter.DecodePostings(chunk[e % entityChunk].GetString()!))
            {
                named[f].Add(e);
            }
        }

        var filings = Enumerable.Range(0, n).Select(f =>
        {
            var row = byPath[SearchIndexWriter.FilingFile(f / filingChunk)][f % filingChunk];
            var text = byPath[SearchIndexWriter.TextFile(f / textShard)][f % textShard].GetString()!;
            var date = row[2].GetString() is { Length: > 0 } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
            return new SearchFiling(row[0].GetString()!, row[1].GetString()!, $"filings/{row[0].GetString()}.html", date, named[f], text);
        }).ToList();
        return new SearchIndex(entities, filings, terms, postings, Strings(root.GetProperty("stop")));
    }

    private sealed class ResultComparer : IEqualityComparer<SearchResult>
    {
        public bool Equals(SearchResult? x, SearchResult? y) =>
            x is not null && y is not null && x with { Highlights = null } == y with { Highlights = null }
            && (x.Highlights ?? []).SequenceEqual(y.Highlights ?? []);

        public int GetHashCode(SearchResult obj) => obj.Slug.GetHashCode(StringComparison.Ordinal);
    }
}
