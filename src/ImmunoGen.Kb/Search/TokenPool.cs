using System.Collections.Concurrent;

namespace ImmunoGen.Kb.Search;

/// <summary>
/// One string per distinct token, for the token lists of many filings: at 10,000 filings 3.4 million tokens are 42,000
/// words, and their own strings would hold 125 MB while the index is built. Safe to use from many threads at once.
/// </summary>
public sealed class TokenPool
{
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    /// <summary>The pool's string equal to <paramref name="token"/>; the token itself if it is the first.</summary>
    public string Shared(string token) => _tokens.GetOrAdd(token, token);
}
