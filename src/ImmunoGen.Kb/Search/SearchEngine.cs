using System.Text;

namespace ImmunoGen.Kb.Search;

/// <summary>
/// Answers queries over a <see cref="SearchIndex"/> with the semantics of docs/search.md. The browser runs the same
/// algorithm (templates/assets/search.js, same function names); tests/search-cases.json holds both to it.
/// </summary>
public sealed class SearchEngine
{
    /// <summary>At most this many dictionary terms are expanded for a prefix in full text, so a short prefix stays fast.</summary>
    public const int MaxPrefixTerms = 50;

    /// <summary>Shortest query whose typos are also looked for in the start of longer keys ("trastuzam" → trastuzumab).</summary>
    public const int FuzzyPrefixMinLength = 5;

    /// <summary>Suggestions offered when a query finds nothing.</summary>
    public const int MaxSuggestions = 5;

    private const int SnippetBefore = 60;
    private const int SnippetAfter = 140;

    private readonly SearchIndex _index;
    private readonly HashSet<string> _stop;
    private readonly List<int>[] _filingsOf;
    private readonly Dictionary<string, int> _filingIds = new(StringComparer.Ordinal);

    public SearchEngine(SearchIndex index)
    {
        _index = index;
        _stop = index.StopWords.ToHashSet(StringComparer.Ordinal);
        _filingsOf = new List<int>[index.Entities.Count];
        for (var e = 0; e < _filingsOf.Length; e++)
        {
            _filingsOf[e] = [];
        }

        for (var f = 0; f < index.Filings.Count; f++)
        {
            _filingIds.TryAdd(index.Filings[f].Slug, f);
            foreach (var e in index.Filings[f].Entities)
            {
                _filingsOf[e].Add(f);
            }
        }
    }

    public SearchIndex Index => _index;

    /// <summary>The results for <paramref name="query"/>, best first: entities by tier, then filings.</summary>
    public IReadOnlyList<SearchResult> Search(string query, SearchFilters? filters = null, int limit = 20)
    {
        filters ??= new SearchFilters();
        var q = SearchText.Normalize(query);
        if (q.Length == 0 || limit <= 0)
        {
            return [];
        }

        var words = SearchText.Words(query);
        var hits = new List<(SearchResult Result, int Order)>();
        var strong = new List<int>();
        for (var e = 0; e < _index.Entities.Count; e++)
        {
            var m = MatchEntity(_index.Entities[e], q, words);
            if (m is not { } match)
            {
                continue;
            }

            if (match.Tier >= SearchTier.Attribute)
            {
                strong.Add(e);
            }

            var entity = _index.Entities[e];
            if (Passes(entity, filters))
            {
                hits.Add((EntityResult(entity, match), e));
            }
        }

        hits.Sort((a, b) => Compare(a.Result, b.Result));
        var top = hits.Take(limit).Select(h => h.Result).ToList();
        foreach (var f in FilingHits(query, q, words, strong, filters, limit - top.Count))
        {
            top.Add(WithSnippet(f, q, words, strong));
        }

        return top;
    }

    /// <summary>The entities nearest to <paramref name="query"/> by edit distance to any name, alias or part: for "no results".</summary>
    public IReadOnlyList<SearchSuggestion> Suggest(string query)
    {
        var q = SearchText.Normalize(query);
        if (q.Length == 0)
        {
            return [];
        }

        var found = new List<SearchSuggestion>();
        foreach (var e in _index.Entities)
        {
            var best = int.MaxValue;
            foreach (var k in e.Keys)
            {
                if (k.Type != SearchKeyType.Attribute)
                {
                    best = Math.Min(best, SearchText.Distance(q, k.Key, q.Length + k.Key.Length));
                }
            }

            found.Add(new SearchSuggestion(e.Kind, e.Slug, e.Name, e.Url, best));
        }

        return found
            .OrderBy(s => s.Distance)
            .ThenBy(s => KindRank(s.Kind))
            .ThenBy(s => s.Slug, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();
    }

    /// <summary>The best match of a query against one entity: the whole query, else every word of it (weakest word counts).</summary>
    private static EntityMatch? MatchEntity(SearchEntity entity, string q, List<string> words)
    {
        var best = MatchKeys(entity, q);
        if (words.Count > 1)
        {
            EntityMatch? weakest = null;
            foreach (var w in words)
            {
                var m = MatchKeys(entity, w);
                if (m is null)
                {
                    weakest = null;
                    break;
                }

                if (weakest is null || Better(weakest.Value, m.Value))
                {
                    weakest = m;
                }
            }

            if (weakest is { } all && (best is null || Better(all, best.Value)))
            {
                best = all;
            }
        }

        return best;
    }

    /// <summary>The best key of an entity for one normalized string: exact (tier by key type), prefix, or fuzzy.</summary>
    private static EntityMatch? MatchKeys(SearchEntity entity, string q)
    {
        EntityMatch? best = null;
        var maxEdits = SearchText.MaxEdits(q.Length);
        foreach (var k in entity.Keys)
        {
            EntityMatch? m = null;
            if (string.Equals(k.Key, q, StringComparison.Ordinal))
            {
                m = new EntityMatch(ExactTier(k.Type), 0, k);
            }
            else if (k.Type != SearchKeyType.Attribute)
            {
                if (q.Length >= 2 && k.Key.StartsWith(q, StringComparison.Ordinal))
                {
                    m = new EntityMatch(SearchTier.Prefix, q.Length - k.Key.Length, k);
                }
                else if (maxEdits > 0)
                {
                    // A typo in a whole key scores 2 per edit; in the start of a longer key (still typing) one more.
                    var d = SearchText.Distance(q, k.Key, maxEdits);
                    if (d <= maxEdits)
                    {
                        m = new EntityMatch(SearchTier.Fuzzy, -2 * d, k);
                    }
                    else if (q.Length >= FuzzyPrefixMinLength && k.Key.Length > q.Length
                        && SearchText.Distance(q, k.Key[..q.Length], maxEdits) is var dp && dp <= maxEdits)
                    {
                        m = new EntityMatch(SearchTier.Fuzzy, (-2 * dp) - 1, k);
                    }
                }
            }

            if (m is { } found && (best is null || Better(found, best.Value)))
            {
                best = found;
            }
        }

        return best;
    }

    /// <summary>True when <paramref name="a"/> is a strictly better match than <paramref name="b"/> (keys come in a fixed order, so ties keep the first).</summary>
    private static bool Better(EntityMatch a, EntityMatch b) => a.Tier != b.Tier ? a.Tier > b.Tier : a.Score > b.Score;

    private static SearchTier ExactTier(SearchKeyType type) => type switch
    {
        SearchKeyType.Name => SearchTier.Name,
        SearchKeyType.Alias => SearchTier.Alias,
        SearchKeyType.Part => SearchTier.Part,
        _ => SearchTier.Attribute,
    };

    /// <summary>Why-matched text; the same strings in search.js.</summary>
    public static string Why(SearchTier tier, SearchKey key) => tier switch
    {
        SearchTier.Name => "exact name",
        SearchTier.Alias => $"alias {key.Label}",
        SearchTier.Part => $"part of {key.Label}",
        SearchTier.Attribute => key.Label,
        SearchTier.Prefix => $"prefix of {key.Label}",
        _ => $"close to {key.Label}",
    };

    private static SearchResult EntityResult(SearchEntity e, EntityMatch m) => new(
        e.Kind,
        e.Slug,
        e.Name,
        e.Url,
        Why(m.Tier, m.Key),
        m.Tier,
        m.Score,
        Target: e.Target,
        Partner: e.Kind == "compound" && e.PartnerNames.Count > 0 ? string.Join(", ", e.PartnerNames) : null,
        Stage: e.Stage);

    private static bool Passes(SearchEntity e, SearchFilters f) =>
        (f.Kind is null || f.Kind == e.Kind)
        && f.Year is null
        && (f.Partner is null || (e.Kind != "person" && e.Partners.Contains(f.Partner, StringComparer.Ordinal)));

    /// <summary>Ids [from, to) of the filings dated in <paramref name="year"/>: ids follow dates, undated first.</summary>
    private (int From, int To) YearRange(int year)
    {
        int from = 0, n = _index.Filings.Count;
        while (from < n && (_index.Filings[from].Date is not { } d || d.Year < year))
        {
            from++;
        }

        var to = from;
        while (to < n && _index.Filings[to].Date?.Year == year)
        {
            to++;
        }

        return (from, to);
    }

    /// <summary>
    /// Filings that name an entity the query found exactly (score 1, "mentions X"), or whose text has the query as one
    /// token or every non-stop word of it, the last word also as a prefix while typing (score 0, "text"); newest first
    /// (highest id) within a score. Marks in an array per filing, so a query that hits every filing stays linear.
    /// </summary>
    private List<SearchResult> FilingHits(string query, string q, List<string> words, List<int> strong, SearchFilters filters, int need)
    {
        var hits = new List<SearchResult>();
        var n = _index.Filings.Count;
        if (need <= 0 || n == 0 || (filters.Kind is not null && filters.Kind != "filing"))
        {
            return hits;
        }

        // 0: no match, 1: text, 2: names an entity the query found (the first such entity, in index order, says why).
        var mark = new byte[n];
        var because = new int[n];
        foreach (var e in strong)
        {
            foreach (var f in _filingsOf[e])
            {
                if (mark[f] != 2)
                {
                    mark[f] = 2;
                    because[f] = e;
                }
            }
        }

        // The partner filter: the filings that name the partner (the browser has those, not each filing's entities).
        bool[]? partner = null;
        if (filters.Partner is { } slug)
        {
            partner = new bool[n];
            for (var p = 0; p < _index.Entities.Count; p++)
            {
                if (_index.Entities[p] is { Kind: "partner" } e && e.Slug == slug)
                {
                    foreach (var f in _filingsOf[p])
                    {
                        partner[f] = true;
                    }

                    break;
                }
            }
        }

        MarkText(mark, q, words);
        var (from, to) = filters.Year is { } year ? YearRange(year) : (0, n);
        var textWhy = $"text \"{query.Trim()}\"";
        for (var score = 1; score >= 0 && hits.Count < need; score--)
        {
            for (var f = to - 1; f >= from && hits.Count < need; f--)
            {
                var filing = _index.Filings[f];
                if (mark[f] == score + 1 && (partner is null || partner[f]))
                {
                    var why = score == 1 ? $"mentions {_index.Entities[because[f]].Name}" : textWhy;
                    hits.Add(new SearchResult("filing", filing.Slug, filing.Title, filing.Url, why, SearchTier.Text, score, Date: filing.Date));
                }
            }
        }

        return hits;
    }

    private void MarkText(byte[] mark, string q, List<string> words)
    {
        if (q.Length >= 2 && _index.PostingsOf(q) is { } whole)
        {
            Mark(mark, whole);
        }

        var terms = words.Where(w => w.Length >= 2 && !_stop.Contains(w)).ToList();
        if (terms.Count == 0)
        {
            return;
        }

        int[]? acc = null;
        for (var i = 0; i < terms.Count; i++)
        {
            var ids = i == terms.Count - 1 && terms[i].Length >= 3 ? PrefixPostings(terms[i]) : _index.PostingsOf(terms[i]) ?? [];
            acc = acc is null ? ids : Intersect(acc, ids);
            if (acc.Length == 0)
            {
                return;
            }
        }

        Mark(mark, acc ?? []);
    }

    private static void Mark(byte[] mark, int[] ids)
    {
        foreach (var id in ids)
        {
            if (mark[id] == 0)
            {
                mark[id] = 1;
            }
        }
    }

    /// <summary>Union of the postings of the first <see cref="MaxPrefixTerms"/> terms starting with <paramref name="prefix"/>.</summary>
    private int[] PrefixPostings(string prefix)
    {
        var seen = new bool[_index.Filings.Count];
        var i = _index.FirstAtOrAfter(prefix);
        for (var n = 0; i < _index.Terms.Count && n < MaxPrefixTerms && _index.Terms[i].StartsWith(prefix, StringComparison.Ordinal); i++, n++)
        {
            foreach (var id in _index.Postings[i])
            {
                seen[id] = true;
            }
        }

        var ids = new List<int>();
        for (var id = 0; id < seen.Length; id++)
        {
            if (seen[id])
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }

    private static int[] Intersect(int[] a, int[] b)
    {
        var r = new List<int>();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                r.Add(a[i]);
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return [.. r];
    }

    /// <summary>Entity order: tier, score, kind (compound, partner, person), slug.</summary>
    private static int Compare(SearchResult a, SearchResult b)
    {
        var c = b.Tier.CompareTo(a.Tier);
        if (c == 0)
        {
            c = b.Score.CompareTo(a.Score);
        }

        if (c == 0)
        {
            c = KindRank(a.Kind).CompareTo(KindRank(b.Kind));
        }

        return c != 0 ? c : string.CompareOrdinal(a.Slug, b.Slug);
    }

    private static int KindRank(string kind) => kind switch
    {
        "compound" => 0,
        "partner" => 1,
        "person" => 2,
        _ => 3,
    };

    /// <summary>
    /// Adds a snippet: the text around the earliest place where a highlight term starts a word, every term occurrence
    /// in it highlighted. Terms are the query, its non-stop words, and the names and aliases of the entities it found.
    /// </summary>
    private SearchResult WithSnippet(SearchResult r, string q, List<string> words, List<int> strong)
    {
        var filing = _index.Filings[_filingIds[r.Slug]];
        var terms = new List<string> { q };
        terms.AddRange(words.Where(w => w.Length >= 2 && !_stop.Contains(w)));
        foreach (var e in strong)
        {
            if (filing.Entities.Contains(e))
            {
                terms.AddRange(_index.Entities[e].Keys.Where(k => k.Type <= SearchKeyType.Alias).Select(k => k.Key));
            }
        }

        var (snippet, highlights) = Snippet(filing.Text.ToString(), terms.Distinct(StringComparer.Ordinal).ToList());
        return r with { Snippet = snippet, Highlights = highlights };
    }

    /// <summary>The snippet of <paramref name="text"/> for <paramref name="terms"/> (normalized), with highlight ranges in it.</summary>
    public static (string Snippet, IReadOnlyList<SnippetHighlight> Highlights) Snippet(string text, IReadOnlyList<string> terms)
    {
        // The normalized text and, for each of its characters, where it sits in the original.
        var norm = new StringBuilder(text.Length);
        var at = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                norm.Append(char.ToLowerInvariant(text[i]));
                at.Add(i);
            }
        }

        var n = norm.ToString();
        var occurrences = new List<(int Start, int End)>();
        foreach (var t in terms)
        {
            if (t.Length == 0)
            {
                continue;
            }

            for (var p = n.IndexOf(t, StringComparison.Ordinal); p >= 0; p = n.IndexOf(t, p + 1, StringComparison.Ordinal))
            {
                var start = at[p];
                if (start == 0 || !char.IsLetterOrDigit(text[start - 1]))
                {
                    occurrences.Add((start, at[p + t.Length - 1] + 1));
                }
            }
        }

        // Earliest first, longest first at one start; then drop overlaps.
        occurrences.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var first = occurrences.Count > 0 ? occurrences[0].Start : 0;
        var from = Math.Max(0, first - SnippetBefore);
        if (from > 0)
        {
            var space = text.IndexOf(' ', from);
            from = space >= 0 && space < first ? space + 1 : from;
        }

        var to = Math.Min(text.Length, first + SnippetAfter);
        if (to < text.Length)
        {
            var space = text.LastIndexOf(' ', to);
            to = space > first ? space : to;
        }

        var lead = from > 0 ? "…" : "";
        var snippet = lead + text[from..to].Replace('\n', ' ') + (to < text.Length ? "…" : "");
        var highlights = new List<SnippetHighlight>();
        var end = -1;
        foreach (var (s, e) in occurrences)
        {
            if (s >= from && e <= to && s >= end)
            {
                highlights.Add(new SnippetHighlight(s - from + lead.Length, e - s));
                end = e;
            }
        }

        return (snippet, highlights);
    }

    private readonly record struct EntityMatch(SearchTier Tier, int Score, SearchKey Key);
}
