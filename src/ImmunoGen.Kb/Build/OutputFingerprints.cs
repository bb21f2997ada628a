using System.Text;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// Fingerprints of what each per-filing and per-entity page is rendered from, so an incremental build can skip the
/// pages whose inputs did not change. The dependencies are explicit: a filing page depends on its own page, its
/// previous and next filings, and the alias registry (entity names and links); an entity page (and its feed) depends
/// on every entity page (profiles of related entities show on it) and on every filing that mentions, quotes or reports
/// an event of it or of an entity one step away from it (a related compound's stage shows on a partner's page).
/// Pages that summarize everything (home, lists, timeline, graph, feeds, sitemap, data, search) have no fingerprint
/// and are rendered every build. The site layout these paths follow is fixed by architecture.md.
/// </summary>
internal sealed class OutputFingerprints
{
    private readonly Dictionary<string, string> _bySitePath = new(StringComparer.Ordinal);

    public OutputFingerprints(KnowledgeGraph graph, string tool, string templates)
    {
        var corpus = graph.Corpus;
        var filingHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var filings = corpus.Filings;
        var hashes = new string[filings.Count];
        Parallel.For(0, filings.Count, i => hashes[i] = Fingerprint.Of(filings[i].Slug + "\n" + FilingPage.Write(filings[i].Meta, filings[i].Body)));
        for (var i = 0; i < filings.Count; i++)
        {
            filingHash[filings[i].Slug] = hashes[i];
        }

        Registry = Fingerprint.Of(string.Join('\n', graph.Registry.Entities.Select(e =>
            $"{EntityRef.Of(e)}|{string.Join('|', EntityRegistry.NamesOf(e))}")));
        var global = $"{tool}\n{templates}\n{Registry}\n";

        for (var i = 0; i < filings.Count; i++)
        {
            var prev = i > 0 ? filingHash[filings[i - 1].Slug] : "";
            var next = i + 1 < filings.Count ? filingHash[filings[i + 1].Slug] : "";
            _bySitePath[$"filings/{filings[i].Slug}.html"] = Fingerprint.Of($"{global}{hashes[i]}\n{prev}\n{next}");
        }

        var entities = $"{tool}\n{templates}\n{Fingerprint.Of(string.Concat(corpus.Entities.Select(EntityPage.Write)))}\n";
        var related = RelatedFilings(graph);
        foreach (var entity in corpus.Entities)
        {
            var r = EntityRef.Of(entity);
            var filingSet = new SortedSet<string>(related.GetValueOrDefault(r) ?? [], StringComparer.Ordinal);
            foreach (var near in Neighbours(graph, r))
            {
                filingSet.UnionWith(related.GetValueOrDefault(near) ?? []);
            }

            var sb = new StringBuilder(entities).Append(r).Append('\n');
            foreach (var slug in filingSet)
            {
                sb.Append(slug).Append(' ').Append(filingHash.GetValueOrDefault(slug, "")).Append('\n');
            }

            var fingerprint = Fingerprint.Of(sb.ToString());
            _bySitePath[r.SitePath] = fingerprint;
            _bySitePath[$"{r.Kind.Folder()}/{r.Slug}.xml"] = fingerprint;
        }
    }

    /// <summary>The registry's fingerprint: every entity's kind, slug, name and aliases.</summary>
    public string Registry { get; }

    /// <summary>The fingerprint of the inputs of the site file at <paramref name="sitePath"/>, or null when it is rendered every build.</summary>
    public string? For(string sitePath) => _bySitePath.GetValueOrDefault(sitePath);

    private static IEnumerable<EntityRef> Neighbours(KnowledgeGraph graph, EntityRef r)
    {
        foreach (var near in graph.RelatedOf(r))
        {
            yield return near;
        }

        foreach (var e in graph.EventsOf(r))
        {
            if (e.Event.Compound is { } c)
            {
                yield return new EntityRef(EntityKind.Compound, c);
            }

            if (e.Event.Partner is { } p)
            {
                yield return new EntityRef(EntityKind.Partner, p);
            }
        }
    }

    // Every filing whose content can show up on an entity's page, in slug order.
    private static Dictionary<EntityRef, SortedSet<string>> RelatedFilings(KnowledgeGraph graph)
    {
        var map = new Dictionary<EntityRef, SortedSet<string>>();
        void Add(EntityRef r, string filing)
        {
            if (!map.TryGetValue(r, out var set))
            {
                set = new SortedSet<string>(StringComparer.Ordinal);
                map[r] = set;
            }

            set.Add(filing);
        }

        foreach (var f in graph.Corpus.Filings)
        {
            foreach (var c in f.Meta.Compounds)
            {
                Add(new EntityRef(EntityKind.Compound, c), f.Slug);
            }

            foreach (var p in f.Meta.Partners)
            {
                Add(new EntityRef(EntityKind.Partner, p), f.Slug);
            }

            foreach (var p in f.Meta.People)
            {
                Add(new EntityRef(EntityKind.Person, p), f.Slug);
            }
        }

        foreach (var m in graph.Mentions)
        {
            Add(m.Entity, m.FilingSlug);
        }

        foreach (var e in graph.Events)
        {
            if (e.Event.Compound is { } c)
            {
                Add(new EntityRef(EntityKind.Compound, c), e.FilingSlug);
            }

            if (e.Event.Partner is { } p)
            {
                Add(new EntityRef(EntityKind.Partner, p), e.FilingSlug);
            }
        }

        foreach (var q in graph.Quotes)
        {
            Add(new EntityRef(EntityKind.Person, q.PersonSlug), q.FilingSlug);
            foreach (var c in q.Compounds)
            {
                Add(new EntityRef(EntityKind.Compound, c), q.FilingSlug);
            }
        }

        return map;
    }
}
