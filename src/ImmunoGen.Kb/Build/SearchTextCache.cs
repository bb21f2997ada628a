using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// The searchable text and tokens of every filing as the last build indexed them, in the cache folder (<c>search/</c>),
/// keyed by the filing page and the SHA-256 of its text, which holds all they are taken from (title, boilerplate
/// paragraph ids, body): the Search stage then parses and tokenizes new and changed filings only. Valid only for the
/// tool that made it.
/// </summary>
internal sealed class SearchTextCache(string cacheDirectory, string tool, bool reuse) : ISearchTextCache
{
    private readonly ContentFileCache<FilingSearchText> _texts = new(Path.Combine(cacheDirectory, "search"), tool, CacheCodecs.SearchText(), reuse);

    public FilingSearchText? Find(Filing filing) => _texts.Find(filing.Path, Key(filing));

    public void Add(Filing filing, FilingSearchText text) => _texts.Put(filing.Path, Key(filing), text);

    /// <summary>Writes what changed; a warning when some of it cannot be written.</summary>
    public Diagnostic? Save() => _texts.Save("search text cache", "indexes every filing again");

    // The title falls back to the slug, which the path (the entry's own key) gives.
    private static string Key(Filing filing) => filing.PageSha256();
}
