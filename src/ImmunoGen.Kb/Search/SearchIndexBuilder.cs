using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;

namespace ImmunoGen.Kb.Search;

/// <summary>
/// Builds the <see cref="SearchIndex"/> from the knowledge graph in one pass over entities and one over filings
/// (linear in the corpus): entity keys from the one alias registry, filing tokens from the non-boilerplate text.
/// </summary>
public static class SearchIndexBuilder
{
    /// <summary>
    /// Function words that carry no meaning on their own: left out of the dictionary and ignored in a query
    /// (the browser reads this list from the index, so both sides agree).
    /// </summary>
    public static readonly IReadOnlyList<string> StopWords =
    [
        "a", "about", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "in", "into",
        "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which", "will", "with",
    ];

    /// <summary>Tokens longer than this are noise (URLs, run-together text) and are not indexed.</summary>
    public const int MaxTokenLength = 32;

    /// <summary>Builds the index of every entity and filing of <paramref name="graph"/>.</summary>
    /// <param name="bodyOf">
    /// The parsed body of a filing, or null when it cannot be read (the filing is then found by its title alone, and
    /// not cached); by default each body is parsed here.
    /// </param>
    /// <param name="cache">The text and tokens of filings indexed by an earlier build: those found there are not parsed again.</param>
    public static SearchIndex Build(KnowledgeGraph graph, Func<Filing, FilingBody?>? bodyOf = null, ISearchTextCache? cache = null)
    {
        bodyOf ??= f => FilingBody.Parse(graph.Corpus.BodyOf(f));
        var ordered = graph.Registry.Entities
            .OrderBy(e => e.Kind)
            .ThenBy(e => e.Slug, StringComparer.Ordinal)
            .ToList();
        var entities = ordered.Select(e => EntityOf(e, graph)).ToList();
        var entityIds = new Dictionary<EntityRef, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            entityIds[EntityRef.Of(ordered[i])] = i;
        }

        var stop = StopWords.ToHashSet(StringComparer.Ordinal);

        // Undated filings first, so "newest first" is simply "highest id first".
        var sources = graph.Corpus.Filings
            .OrderBy(f => f.Meta.Date.HasValue)
            .ThenBy(f => f.Meta.Date ?? DateOnly.MinValue)
            .ThenBy(f => f.Slug, StringComparer.Ordinal)
            .ToList();

        // Parsing and tokenizing are per filing and independent: in parallel; the merge below is in id order.
        var filings = new SearchFiling[sources.Count];
        var tokens = new IReadOnlyList<string>[sources.Count];
        var pool = new StringPool();
        Parallel.For(0, sources.Count, id =>
        {
            var f = sources[id];
            var title = f.Meta.Title ?? f.Slug;
            var searchable = cache?.Find(f);
            if (searchable is null)
            {
                var body = bodyOf(f);
                var found = Searchable(f, title, body, stop);
                searchable = found with { Tokens = found.Tokens.Select(pool.Shared).ToArray() };
                if (body is not null)
                {
                    cache?.Add(f, searchable);
                }
            }

            var refs = new SortedSet<int>();
            AddRefs(refs, entityIds, EntityKind.Compound, f.Meta.Compounds);
            AddRefs(refs, entityIds, EntityKind.Partner, f.Meta.Partners);
            AddRefs(refs, entityIds, EntityKind.Person, f.Meta.People);
            foreach (var m in graph.MentionsIn(f.Slug))
            {
                if (!m.Boilerplate && entityIds.TryGetValue(m.Entity, out var eid))
                {
                    refs.Add(eid);
                }
            }

            filings[id] = new SearchFiling(f.Slug, title, $"filings/{f.Slug}.html", f.Meta.Date, [.. refs], searchable.Text);
            tokens[id] = searchable.Tokens;
        });

        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < tokens.Length; id++)
        {
            foreach (var token in tokens[id])
            {
                if (!postings.TryGetValue(token, out var list))
                {
                    list = [];
                    postings[token] = list;
                }

                list.Add(id);
            }
        }

        var terms = postings.Keys.Order(StringComparer.Ordinal).ToList();
        return new SearchIndex(entities, filings, terms, terms.Select(t => postings[t].ToArray()).ToList(), StopWords);
    }

    // The text of the paragraphs that are not boilerplate, and the tokens of the title and that text.
    private static FilingSearchText Searchable(Filing f, string title, FilingBody? body, HashSet<string> stop)
    {
        var boilerplate = f.Meta.Boilerplate.ToHashSet(StringComparer.Ordinal);
        var text = body is null ? "" : string.Join('\n', body.Paragraphs.Where(p => !boilerplate.Contains(p.Id) && p.Text.Length > 0).Select(p => p.Text));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        CollectTokens(title, seen, stop, found);
        CollectTokens(text, seen, stop, found);
        return new FilingSearchText(new Utf8Text(text), found);
    }

    /// <summary>
    /// The full-text tokens of a text, each once, in order of first occurrence: each white-space word normalized whole
    /// ("huC242-DM4" → huc242dm4) and, when it has several alphanumeric runs, each run (huc242, dm4). Stop words,
    /// one-character and over-long tokens are dropped.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string text, IReadOnlySet<string> stopWords)
    {
        var found = new List<string>();
        CollectTokens(text, new HashSet<string>(StringComparer.Ordinal), stopWords.ToHashSet(StringComparer.Ordinal), found);
        return found;
    }

    /// <summary>
    /// Adds the tokens of <paramref name="text"/> not yet in <paramref name="seen"/> to it and to <paramref name="found"/>.
    /// Works on spans and allocates a string only for a token new to the filing: this loop runs over every word of the corpus.
    /// </summary>
    private static void CollectTokens(string text, HashSet<string> seen, HashSet<string> stopWords, List<string> found)
    {
        var seenLookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        var stopLookup = stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> whole = stackalloc char[MaxTokenLength + 1];
        Span<char> run = stackalloc char[MaxTokenLength + 1];
        void Add(ReadOnlySpan<char> token)
        {
            if (token.Length is >= 2 and <= MaxTokenLength && !stopLookup.Contains(token) && seenLookup.Add(token))
            {
                found.Add(token.ToString());
            }
        }

        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            // The whole word normalized (too long: left out), then its runs if it has more than one.
            int n = 0, runs = 0;
            var inRun = false;
            for (var j = start; j < i; j++)
            {
                var c = text[j];
                var alnum = char.IsLetterOrDigit(c);
                if (alnum)
                {
                    if (n <= MaxTokenLength)
                    {
                        whole[n] = char.ToLowerInvariant(c);
                    }

                    n++;
                    if (!inRun)
                    {
                        runs++;
                    }
                }

                inRun = alnum;
            }

            if (n <= MaxTokenLength)
            {
                Add(whole[..n]);
            }

            if (runs > 1)
            {
                var m = 0;
                for (var j = start; j <= i; j++)
                {
                    if (j < i && char.IsLetterOrDigit(text[j]))
                    {
                        if (m <= MaxTokenLength)
                        {
                            run[m] = char.ToLowerInvariant(text[j]);
                        }

                        m++;
                    }
                    else if (m > 0)
                    {
                        if (m <= MaxTokenLength)
                        {
                            Add(run[..m]);
                        }

                        m = 0;
                    }
                }
            }
        }
    }

    private static void AddRefs(SortedSet<int> refs, Dictionary<EntityRef, int> ids, EntityKind kind, IReadOnlyList<string> slugs)
    {
        foreach (var s in slugs)
        {
            if (ids.TryGetValue(new EntityRef(kind, s), out var id))
            {
                refs.Add(id);
            }
        }
    }

    private static SearchEntity EntityOf(Entity e, KnowledgeGraph graph)
    {
        var keys = new Dictionary<string, SearchKey>(StringComparer.Ordinal);
        void Add(string key, SearchKeyType type, string label)
        {
            if (key.Length == 0)
            {
                return;
            }

            // One key per string: the strongest type wins, so "dm4" of huC242-DM4 is a part, not its payload.
            if (!keys.TryGetValue(key, out var have) || type < have.Type)
            {
                keys[key] = new SearchKey(key, type, label);
            }
        }

        Add(SearchText.Normalize(e.Name), SearchKeyType.Name, e.Name);
        foreach (var alias in EntityRegistry.NamesOf(e).Skip(1))
        {
            Add(SearchText.Normalize(alias), SearchKeyType.Alias, alias);
        }

        foreach (var name in EntityRegistry.NamesOf(e))
        {
            foreach (var part in SearchText.Parts(name))
            {
                Add(part, SearchKeyType.Part, name);
            }
        }

        string? target = null;
        IReadOnlyList<string> partners = [];
        string? stage = null;
        switch (e)
        {
            case Compound c:
                target = c.Target;
                partners = c.Partners;
                stage = graph.StagesOf(c.Slug) is { Count: > 0 } stages ? stages[^1].Stage : null;
                if (c.Target is { } t)
                {
                    Add(SearchText.Normalize(t), SearchKeyType.Attribute, $"target {t}");
                }

                if (c.Payload is { } p)
                {
                    Add(SearchText.Normalize(p), SearchKeyType.Attribute, $"payload {p}");
                }

                break;
            case Partner:
                partners = [e.Slug];
                break;
        }

        var partnerNames = partners
            .Select(p => graph.Registry.Get(new EntityRef(EntityKind.Partner, p))?.Name ?? p)
            .ToList();
        var ordered = keys.Values.OrderBy(k => k.Type).ThenBy(k => k.Key, StringComparer.Ordinal).ToList();
        return new SearchEntity(KindName(e.Kind), e.Slug, e.Name, EntityRef.Of(e).SitePath, target, partners, partnerNames, stage, ordered);
    }

    /// <summary>compound, partner, person: the kind names results and filters use.</summary>
    public static string KindName(EntityKind kind) => kind switch
    {
        EntityKind.Compound => "compound",
        EntityKind.Partner => "partner",
        _ => "person",
    };
}

/// <summary>What the index takes from one filing's page: the text of its non-boilerplate paragraphs, and the tokens of its title and that text.</summary>
public sealed record FilingSearchText(Utf8Text Text, IReadOnlyList<string> Tokens);

/// <summary>
/// Filing text indexed by an earlier build. It depends only on the filing's title, boilerplate paragraph ids and body,
/// so a filing whose three are unchanged need not be parsed and tokenized again.
/// </summary>
public interface ISearchTextCache
{
    /// <summary>What was stored for this filing's exact title, boilerplate and body, or null.</summary>
    FilingSearchText? Find(Filing filing);

    /// <summary>Remembers what was just taken from a filing (called from many threads at once).</summary>
    void Add(Filing filing, FilingSearchText text);
}
