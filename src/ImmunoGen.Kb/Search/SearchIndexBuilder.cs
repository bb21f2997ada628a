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
    /// The parsed body of a filing, when the pipeline already holds it (bodies are parsed once per build);
    /// null parses each body here.
    /// </param>
    public static SearchIndex Build(KnowledgeGraph graph, Func<Filing, FilingBody>? bodyOf = null)
    {
        bodyOf ??= f => FilingBody.Parse(f.Body);
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
            .OrderBy(f => f.Meta.Date ?? DateOnly.MinValue)
            .ThenBy(f => f.Slug, StringComparer.Ordinal)
            .ToList();

        // Parsing and tokenizing are per filing and independent: in parallel; the merge below is in id order.
        var filings = new SearchFiling[sources.Count];
        var tokens = new string[sources.Count][];
        Parallel.For(0, sources.Count, id =>
        {
            var f = sources[id];
            var title = f.Meta.Title ?? f.Slug;
            var boilerplate = f.Meta.Boilerplate.ToHashSet(StringComparer.Ordinal);
            var paragraphs = bodyOf(f).Paragraphs
                .Where(p => !boilerplate.Contains(p.Id) && p.Text.Length > 0)
                .Select(p => p.Text);
            var text = string.Join('\n', paragraphs);

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

            filings[id] = new SearchFiling(f.Slug, title, $"filings/{f.Slug}.html", f.Meta.Date, [.. refs], text);
            tokens[id] = [.. Tokens(title, stop).Concat(Tokens(text, stop)).Distinct(StringComparer.Ordinal)];
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

    /// <summary>
    /// The full-text tokens of a text: each white-space word normalized whole ("huC242-DM4" → huc242dm4) and, when it
    /// has several alphanumeric runs, each run (huc242, dm4). Stop words, one-character and over-long tokens are dropped.
    /// </summary>
    public static IEnumerable<string> Tokens(string text, IReadOnlySet<string> stopWords)
    {
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var whole = SearchText.Normalize(raw);
            if (Keep(whole, stopWords))
            {
                yield return whole;
            }

            var runs = SearchText.AlnumRuns(raw);
            if (runs.Count > 1)
            {
                foreach (var run in runs)
                {
                    if (Keep(run, stopWords) && !string.Equals(run, whole, StringComparison.Ordinal))
                    {
                        yield return run;
                    }
                }
            }
        }
    }

    private static bool Keep(string token, IReadOnlySet<string> stopWords) =>
        token.Length is >= 2 and <= MaxTokenLength && !stopWords.Contains(token);

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
