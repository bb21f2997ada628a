using System.Collections.Concurrent;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Tests.Search;

public sealed class SearchIndexBuilderTests
{
    [Fact]
    public void An_index_built_from_cached_filing_text_is_the_index_built_without_it()
    {
        var graph = SeedGraph.Build();
        var cache = new MemoryCache();

        var fresh = SearchIndexWriter.Write(SearchIndexBuilder.Build(graph, cache: cache));
        Assert.Equal(graph.Corpus.Filings.Count, cache.Stored.Count);
        Assert.Equal(0, cache.Hits);

        var cached = SearchIndexWriter.Write(SearchIndexBuilder.Build(graph, cache: cache));
        Assert.Equal(graph.Corpus.Filings.Count, cache.Hits);
        Assert.Equal(SearchIndexWriter.Write(SearchIndexBuilder.Build(graph)), fresh);
        Assert.Equal(fresh, cached);
    }

    [Fact]
    public void What_the_cache_holds_for_a_filing_is_what_the_index_uses()
    {
        var graph = SeedGraph.Build();
        var first = graph.Corpus.Filings[0];
        var cache = new MemoryCache();
        cache.Add(first, new FilingSearchText("Planted paragraph.", ["plantedtoken"]));

        var index = SearchIndexBuilder.Build(graph, cache: cache);

        var filing = index.Filings.Single(f => f.Slug == first.Slug);
        Assert.Equal("Planted paragraph.", filing.Text);
        Assert.Equal([index.Filings.ToList().IndexOf(filing)], index.PostingsOf("plantedtoken")!);
    }

    private sealed class MemoryCache : ISearchTextCache
    {
        private int _hits;

        public ConcurrentDictionary<string, FilingSearchText> Stored { get; } = new(StringComparer.Ordinal);

        public int Hits => _hits;

        public FilingSearchText? Find(Filing filing)
        {
            if (!Stored.TryGetValue(filing.Path, out var text))
            {
                return null;
            }

            Interlocked.Increment(ref _hits);
            return text;
        }

        public void Add(Filing filing, FilingSearchText text) => Stored[filing.Path] = text;
    }
}
