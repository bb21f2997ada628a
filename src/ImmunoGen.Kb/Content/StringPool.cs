using System.Collections.Concurrent;

namespace ImmunoGen.Kb.Content;

/// <summary>
/// One string per distinct value, for short strings that recur across many filings: at 10,000 filings 3.4 million
/// search tokens are 42,000 words, and 617,000 block ids (<c>p1</c>, <c>p2</c>, …) a few thousand; their own strings
/// would hold 125 MB and 24 MB. Safe to use from many threads at once.
/// </summary>
public sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The pool's string equal to <paramref name="value"/>; the value itself if it is the first.</summary>
    public string Shared(string value) => _strings.GetOrAdd(value, value);
}
