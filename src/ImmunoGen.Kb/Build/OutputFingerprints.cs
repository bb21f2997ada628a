using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;
using ImmunoGen.Kb.Render;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// Fingerprints of what each per-filing and per-entity page is rendered from, so an incremental build can skip the
/// pages whose inputs did not change. The dependencies are explicit: a filing page depends on its own page, its
/// previous and next filings, and the alias registry (entity names and links); an entity page (and its feed) depends
/// on every entity page (names and profiles of related entities show on it) and on every filing that mentions, quotes
/// or reports an event of it. What a page shows of other entities' filings (a partner's compounds' stages and latest
/// events) is given by the renderer as the job's <see cref="SitePageJob.CorpusInputs"/>.
/// A filings list filtered by one facet depends on the filings it lists, the registry and the facets' names (its menu).
/// Pages that summarize everything (home, the full filings list, entity lists, timeline, graph, feeds, sitemap, data,
/// search) have no fingerprint and are rendered every build. The site layout these paths follow is fixed by architecture.md.
/// </summary>
/// <remarks>
/// At 10,000 filings an entity can depend on most of them (and name a neighbour once per event), so filings are handled
/// by index: each filing's page is hashed once, and an entity's fingerprint hashes the binary hashes of its filings.
/// </remarks>
internal sealed class OutputFingerprints
{
    private readonly Dictionary<string, string> _bySitePath = new(StringComparer.Ordinal);
    private readonly byte[] _global;
    private readonly Dictionary<string, byte[]> _filingHashes;

    /// <param name="baseUrl">The site's base URL: feeds hold absolute links.</param>
    public OutputFingerprints(KnowledgeGraph graph, string tool, string templates, string baseUrl)
    {
        var corpus = graph.Corpus;
        var filings = corpus.Filings;

        // One SHA-256 per filing over its slug and its page text's hash: the page is everything a filing page is rendered from.
        var hashes = new byte[filings.Count][];
        Parallel.For(0, filings.Count, i => hashes[i] = SHA256.HashData(Encoding.UTF8.GetBytes(filings[i].Slug + "\n" + filings[i].PageSha256())));
        var hex = hashes.Select(h => Convert.ToHexStringLower(h)).ToArray();

        // Every entity's kind, slug, name and aliases: the links in every filing body.
        var registry = Fingerprint.Of(string.Join('\n', graph.Registry.Entities.Select(e =>
            $"{EntityRef.Of(e)}|{string.Join('|', EntityRegistry.NamesOf(e))}")));
        var global = $"{tool}\n{templates}\n{baseUrl}\n{registry}\n";
        _global = Encoding.UTF8.GetBytes(global);

        for (var i = 0; i < filings.Count; i++)
        {
            var prev = i > 0 ? hex[i - 1] : "";
            var next = i + 1 < filings.Count ? hex[i + 1] : "";
            _bySitePath[$"filings/{filings[i].Slug}.html"] = Fingerprint.Of($"{global}{hex[i]}\n{prev}\n{next}");
        }

        // Filings by slug rank: an entity marks its filings in an array indexed by rank, which lists them in slug order
        // without sorting; their hashes, laid out in that order, are copied into one buffer and hashed in one go.
        var bySlug = Enumerable.Range(0, filings.Count).OrderBy(i => filings[i].Slug, StringComparer.Ordinal).ToArray();
        var rankOf = new Dictionary<string, int>(filings.Count, StringComparer.Ordinal);
        _filingHashes = new Dictionary<string, byte[]>(filings.Count, StringComparer.Ordinal);
        var rankedHashes = new byte[bySlug.Length * SHA256.HashSizeInBytes];
        for (var rank = 0; rank < bySlug.Length; rank++)
        {
            rankOf.TryAdd(filings[bySlug[rank]].Slug, rank);
            _filingHashes.TryAdd(filings[bySlug[rank]].Slug, hashes[bySlug[rank]]);
            hashes[bySlug[rank]].CopyTo(rankedHashes, rank * SHA256.HashSizeInBytes);
        }

        var entities = Encoding.UTF8.GetBytes($"{tool}\n{templates}\n{baseUrl}\n{Fingerprint.Of(string.Concat(corpus.Entities.Select(EntityPage.Write)))}\n");
        var related = RelatedFilings(graph, rankOf);
        var all = corpus.Entities.ToList();
        var fingerprints = new string[all.Count];
        Parallel.For(0, all.Count, i =>
        {
            var r = EntityRef.Of(all[i]);
            var marked = new bool[filings.Count];
            foreach (var rank in related.GetValueOrDefault(r) ?? [])
            {
                marked[rank] = true;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(rankedHashes.Length);
            var length = 0;
            for (var rank = 0; rank < marked.Length; rank++)
            {
                if (marked[rank])
                {
                    rankedHashes.AsSpan(rank * SHA256.HashSizeInBytes, SHA256.HashSizeInBytes).CopyTo(buffer.AsSpan(length));
                    length += SHA256.HashSizeInBytes;
                }
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(entities);
            hash.AppendData(Encoding.UTF8.GetBytes(r + "\n"));
            hash.AppendData(buffer, 0, length);
            ArrayPool<byte>.Shared.Return(buffer);
            fingerprints[i] = Convert.ToHexStringLower(hash.GetHashAndReset());
        });

        for (var i = 0; i < all.Count; i++)
        {
            var r = EntityRef.Of(all[i]);
            _bySitePath[r.SitePath] = fingerprints[i];
            _bySitePath[$"{r.Kind.Folder()}/{r.Slug}.xml"] = fingerprints[i];
        }
    }

    /// <summary>
    /// The fingerprint of the inputs of the page <paramref name="job"/> renders, with what it reads of the whole corpus
    /// (<see cref="SitePageJob.CorpusInputs"/>), or null when the page is rendered every build.
    /// </summary>
    public string? For(SitePageJob job)
    {
        if (job.ListedFilings is { } listed)
        {
            return ListFingerprint(job.Path, listed, job.CorpusInputs);
        }

        var own = _bySitePath.GetValueOrDefault(job.Path);
        return own is not null && job.CorpusInputs is { } corpus ? Fingerprint.Of($"{own}\n{corpus}") : own;
    }

    // A list page: the tool, templates, base URL and names, the page's path and corpus inputs, its filings in order.
    private string ListFingerprint(string path, IReadOnlyList<string> listed, string? corpusInputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_global);
        hash.AppendData(Encoding.UTF8.GetBytes($"{path}\n{corpusInputs?.Length}\n{corpusInputs}\n"));
        foreach (var slug in listed)
        {
            hash.AppendData(_filingHashes[slug]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Every filing whose content can show up on an entity's page, as slug ranks (unsorted, possibly repeated).
    private static Dictionary<EntityRef, List<int>> RelatedFilings(KnowledgeGraph graph, Dictionary<string, int> rankOf)
    {
        var map = new Dictionary<EntityRef, List<int>>();
        void Add(EntityRef r, string filing)
        {
            // Every mention, event and quote comes from a corpus filing, so every slug has a rank.
            var rank = rankOf[filing];
            if (!map.TryGetValue(r, out var list))
            {
                list = [];
                map[r] = list;
            }

            // Consecutive repeats (many mentions in one filing) are common; dropping them keeps the lists short.
            if (list.Count == 0 || list[^1] != rank)
            {
                list.Add(rank);
            }
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
