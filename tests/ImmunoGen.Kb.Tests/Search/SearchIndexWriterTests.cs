using System.Text.Json;
using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Tests.Search;

public sealed class SearchIndexWriterTests
{
    private static readonly Lazy<SearchIndex> Index = new(() => SearchIndexBuilder.Build(SeedGraph.Build()));

    [Fact]
    public void Writes_the_entity_file_first_then_filings_then_text_shards_deterministically()
    {
        var files = SearchIndexWriter.Write(Index.Value);
        Assert.Equal(["search-index.js", "search/filings.js", "search/text-000.js"], files.Select(f => f.Path));
        Assert.StartsWith("window.KB_SEARCH_INDEX={", files[0].Content, StringComparison.Ordinal);
        Assert.Equal(files, SearchIndexWriter.Write(SearchIndexBuilder.Build(SeedGraph.Build())));
    }

    [Fact]
    public void Postings_decode_to_the_index_postings()
    {
        var content = SearchIndexWriter.Write(Index.Value)[1].Content;
        var json = content["window.KB_SEARCH_FILINGS=".Length..^2];
        using var doc = JsonDocument.Parse(json);
        var terms = doc.RootElement.GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).ToList();
        var post = doc.RootElement.GetProperty("post").EnumerateArray().Select(p => Decode(p.GetString()!)).ToList();
        Assert.Equal(Index.Value.Terms, terms);
        Assert.Equal(Index.Value.Postings.Select(p => string.Join(",", p)), post.Select(p => string.Join(",", p)));
    }

    [Fact]
    public void Runs_of_consecutive_filings_are_written_as_gap_plus_more()
    {
        var index = Index.Value with { Terms = ["x"], Postings = [[0, 3, 4, 5, 15]] };
        Assert.Contains("\"post\":[\"0.3+2.a\"]", SearchIndexWriter.Write(index)[1].Content, StringComparison.Ordinal);
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

    private static List<int> Decode(string s)
    {
        var ids = new List<int>();
        var last = 0;
        foreach (var entry in s.Split('.'))
        {
            var plus = entry.IndexOf('+', StringComparison.Ordinal);
            last += Base36(plus < 0 ? entry : entry[..plus]);
            ids.Add(last);
            for (var more = plus < 0 ? 0 : Base36(entry[(plus + 1)..]); more > 0; more--)
            {
                ids.Add(++last);
            }
        }

        return ids;
    }

    private static int Base36(string s) => s.Aggregate(0, (v, c) => (v * 36) + (char.IsDigit(c) ? c - '0' : c - 'a' + 10));
}
