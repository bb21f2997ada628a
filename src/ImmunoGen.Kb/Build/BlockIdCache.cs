using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// The ids of every filing's blocks (its paragraphs and headings: the anchors links may point at) as the last build read
/// them, in the cache folder (<c>anchors/</c>), keyed by the filing page and the SHA-256 of its text: rendering then
/// parses the bodies of new and changed filings only. Valid only for the tool that made it.
/// </summary>
/// <remarks>The ids are held for every filing while pages render; the same few thousand recur, so each is one string.</remarks>
internal sealed class BlockIdCache
{
    private readonly StringPool _names = new();
    private readonly ContentFileCache<IReadOnlyList<string>> _ids;
    private volatile bool _used;

    public BlockIdCache(string cacheDirectory, string tool, bool reuse) =>
        _ids = new(Path.Combine(cacheDirectory, "anchors"), tool, CacheCodecs.BlockIds(_names), reuse);

    /// <summary>The block ids of <paramref name="filing"/>'s body, from the cache or parsed now (safe from many threads at once).</summary>
    /// <param name="bodyOf">The filing's body, asked for only when the cache does not know its ids.</param>
    public IReadOnlyList<string> Of(Filing filing, Func<Filing, string> bodyOf)
    {
        _used = true;
        var key = filing.PageSha256();
        if (_ids.Find(filing.Path, key) is { } ids)
        {
            return ids;
        }

        var parsed = FilingBody.BlockIds(bodyOf(filing)).Select(_names.Shared).ToArray();
        _ids.Put(filing.Path, key, parsed);
        return parsed;
    }

    /// <summary>
    /// Stores the block ids of <paramref name="filing"/>'s body, found by whoever parsed it this build (the Extract stage,
    /// for the pages it generated), so rendering does not read and parse that body again for its anchors.
    /// </summary>
    public void Add(Filing filing, IReadOnlyList<string> ids)
    {
        _used = true;
        _ids.Put(filing.Path, filing.PageSha256(), ids.Select(_names.Shared).ToArray());
    }

    /// <summary>
    /// Writes what changed, keeping the ids of every filing of <paramref name="filings"/> still stored whether or not this
    /// build linked into it; a warning when some of it cannot be written. A build that rendered no link into a filing
    /// never asked for block ids and leaves the files as they are (their keys keep them right).
    /// </summary>
    public Diagnostic? Save(IEnumerable<Filing> filings)
    {
        if (!_used)
        {
            return null;
        }

        foreach (var filing in filings)
        {
            _ids.Find(filing.Path, filing.PageSha256());
        }

        return _ids.Save("block id cache", "parses every filing body again");
    }
}
