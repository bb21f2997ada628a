using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Link;

/// <summary>A sentence of a filing that names an entity, with the paragraph it sits in.</summary>
/// <param name="Sentence">As UTF-8: the graph holds every mention's sentence while pages render (20 Mi characters at 10,000 filings).</param>
/// <param name="Boilerplate">True when the paragraph is repeated boilerplate ("About ImmunoGen", safe harbor): kept out of backlinks and search.</param>
public sealed record Mention(EntityRef Entity, string FilingSlug, DateOnly? Date, string Paragraph, Utf8Text Sentence, bool Boilerplate)
{
    /// <summary>Offset of the mention in the block's plain text (<see cref="ImmunoGen.Kb.Content.BodyBlock.Text"/>), or -1 when unknown.</summary>
    public int Start { get; init; } = -1;

    /// <summary>Length of the mention in the block's plain text.</summary>
    public int Length { get; init; }
}

/// <summary>Something a person said, as a filing quotes it, with the compounds it names.</summary>
public sealed record Quote(string PersonSlug, string FilingSlug, DateOnly? Date, string Paragraph, string Text, IReadOnlyList<string> Compounds);

/// <summary>A front-matter event placed in the graph: <see cref="Date"/> is the event's date, else its filing's.</summary>
public sealed record EventRecord(FilingEvent Event, string FilingSlug, DateOnly? Date);

/// <summary>A compound's development stage as of a date ("Preclinical", "Phase I", "Phase II", …), with its source.</summary>
public sealed record StagePoint(string CompoundSlug, DateOnly Date, string Stage, string FilingSlug, string? Paragraph);

/// <summary>A role a person was seen in, in one filing (signature block, contact block, quote attribution).</summary>
public sealed record RoleSeen(string PersonSlug, string Title, string? Organization, DateOnly? Date, string FilingSlug);

/// <summary>One line of a partner's deal ledger.</summary>
/// <param name="Deal">What the money is for: a compound slug, or a license agreement's own name.</param>
public sealed record LedgerEntry(EventRecord Event, string Deal);

/// <summary>
/// A partner's money, from the events its filings report. Received is money triggered or paid
/// (non-potential milestones and fees); potential keeps ranges as ranges (min and max).
/// </summary>
public sealed record PartnerLedger(
    string PartnerSlug,
    IReadOnlyList<LedgerEntry> Entries,
    long ReceivedUsd,
    long PotentialMinUsd,
    long PotentialMaxUsd)
{
    /// <summary>License fees agreed (not potential). Kept apart from <see cref="PartnerLedger.ReceivedUsd"/> because a fee is often paid in parts ("half of which is due upon contract signing").</summary>
    public long LicenseFeesUsd { get; init; }

    /// <summary>The same money per deal (a compound, or a license agreement), in deal order.</summary>
    public IReadOnlyList<DealLedger> Deals { get; init; } = [];
}

/// <summary>
/// One deal of a partner's ledger. Received sums distinct triggered milestones and royalties; potential is the largest
/// potential the filings state for the deal (the same terms repeated in later filings do not add up).
/// </summary>
public sealed record DealLedger(string Deal, IReadOnlyList<LedgerEntry> Entries, long ReceivedUsd, long LicenseFeesUsd, long PotentialMinUsd, long PotentialMaxUsd);

/// <summary>
/// The linked knowledge base: every filing and entity with mentions, events, quotes, stages, roles and ledgers,
/// indexed both ways (filing → entities, entity → filings). Built once per build by the Link stage; read-only after.
/// </summary>
public sealed class KnowledgeGraph
{
    private readonly Dictionary<EntityRef, List<Mention>> _mentionsOf;
    private readonly Dictionary<string, List<Mention>> _mentionsIn;
    private readonly Dictionary<EntityRef, List<EventRecord>> _eventsOf;
    private readonly Dictionary<string, List<Quote>> _quotesBy;
    private readonly Dictionary<string, List<Quote>> _quotesAbout;
    private readonly Dictionary<string, List<StagePoint>> _stages;
    private readonly Dictionary<string, List<RoleSeen>> _roles;
    private readonly Dictionary<string, PartnerLedger> _ledgers;
    private readonly Dictionary<string, Filing> _filings;
    private readonly IReadOnlyDictionary<EntityRef, IReadOnlyList<EntityRef>> _related;

    public KnowledgeGraph(
        Corpus corpus,
        EntityRegistry registry,
        IReadOnlyList<Mention> mentions,
        IReadOnlyList<Quote> quotes,
        IReadOnlyList<StagePoint> stages,
        IReadOnlyList<RoleSeen> roles,
        IReadOnlyList<PartnerLedger> ledgers,
        IReadOnlyDictionary<EntityRef, IReadOnlyList<EntityRef>>? related = null)
    {
        _related = related ?? new Dictionary<EntityRef, IReadOnlyList<EntityRef>>();
        Corpus = corpus;
        Registry = registry;
        Mentions = mentions;
        Quotes = quotes;
        _filings = corpus.Filings.ToDictionary(f => f.Slug, StringComparer.Ordinal);

        Events = corpus.Filings
            .SelectMany(f => f.Meta.Events.Select(e => new EventRecord(e, f.Slug, e.Date ?? f.Meta.Date)))
            .OrderBy(e => e.Date ?? DateOnly.MaxValue)
            .ThenBy(e => e.FilingSlug, StringComparer.Ordinal)
            .ToList();

        _mentionsOf = Group(mentions, m => m.Entity);
        _mentionsIn = Group(mentions, m => m.FilingSlug, StringComparer.Ordinal);
        _eventsOf = [];
        foreach (var e in Events)
        {
            if (e.Event.Compound is { } c)
            {
                Add(_eventsOf, new EntityRef(EntityKind.Compound, c), e);
            }

            if (e.Event.Partner is { } p)
            {
                Add(_eventsOf, new EntityRef(EntityKind.Partner, p), e);
            }
        }

        _quotesBy = Group(quotes, q => q.PersonSlug, StringComparer.Ordinal);
        _quotesAbout = [];
        foreach (var q in quotes)
        {
            foreach (var c in q.Compounds)
            {
                Add(_quotesAbout, c, q);
            }
        }

        _stages = Group(stages.OrderBy(s => s.Date), s => s.CompoundSlug, StringComparer.Ordinal);
        _roles = Group(roles, r => r.PersonSlug, StringComparer.Ordinal);
        _ledgers = ledgers.ToDictionary(l => l.PartnerSlug, StringComparer.Ordinal);
    }

    public Corpus Corpus { get; }

    public EntityRegistry Registry { get; }

    public IReadOnlyList<Mention> Mentions { get; }

    public IReadOnlyList<Quote> Quotes { get; }

    /// <summary>Every event of every filing, in date order.</summary>
    public IReadOnlyList<EventRecord> Events { get; }

    public Filing? Filing(string slug) => _filings.GetValueOrDefault(slug);

    public Entity? Entity(EntityRef r) => Registry.Get(r);

    /// <summary>Mentions of an entity across all filings, in filing date order.</summary>
    public IReadOnlyList<Mention> MentionsOf(EntityRef r) => _mentionsOf.GetValueOrDefault(r) ?? [];

    /// <summary>Mentions in one filing, in reading order.</summary>
    public IReadOnlyList<Mention> MentionsIn(string filingSlug) => _mentionsIn.GetValueOrDefault(filingSlug) ?? [];

    /// <summary>
    /// The mentions a filing page links to its entity pages: the first mention of each entity in each paragraph,
    /// in reading order.
    /// </summary>
    public IReadOnlyList<Mention> LinksIn(string filingSlug) =>
        MentionsIn(filingSlug).DistinctBy(m => (m.Paragraph, m.Entity)).ToList();

    /// <summary>Events tied to a compound or partner, in date order.</summary>
    public IReadOnlyList<EventRecord> EventsOf(EntityRef r) => _eventsOf.GetValueOrDefault(r) ?? [];

    public IReadOnlyList<Quote> QuotesBy(string personSlug) => _quotesBy.GetValueOrDefault(personSlug) ?? [];

    public IReadOnlyList<Quote> QuotesAbout(string compoundSlug) => _quotesAbout.GetValueOrDefault(compoundSlug) ?? [];

    /// <summary>The compound's stage over time, oldest first.</summary>
    public IReadOnlyList<StagePoint> StagesOf(string compoundSlug) => _stages.GetValueOrDefault(compoundSlug) ?? [];

    public IReadOnlyList<RoleSeen> RolesOf(string personSlug) => _roles.GetValueOrDefault(personSlug) ?? [];

    public PartnerLedger? LedgerOf(string partnerSlug) => _ledgers.GetValueOrDefault(partnerSlug);

    /// <summary>Entities related to this one (same antibody, partner of a compound, compounds a person spoke about), in kind then slug order.</summary>
    public IReadOnlyList<EntityRef> RelatedOf(EntityRef r) => _related.GetValueOrDefault(r) ?? [];

    /// <summary>
    /// A person's roles over time: the page's curated roles merged with the roles seen in filings. Roles with the same
    /// title and organization become one, spanning the earliest and latest date either source gives; oldest first.
    /// </summary>
    public IReadOnlyList<Role> RoleHistoryOf(string personSlug)
    {
        var curated = Registry.Get(new EntityRef(EntityKind.Person, personSlug)) is Person p ? p.Roles : [];
        var seen = RolesOf(personSlug).Select(r => new Role(r.Title, r.Organization, r.Date, r.Date));
        return curated.Concat(seen)
            .GroupBy(r => (Title: r.Title.Trim(), Org: r.Organization?.Trim()))
            .Select(g => new Role(g.Key.Title, g.Key.Org, g.Min(r => r.FirstSeen), g.Max(r => r.LastSeen)))
            .OrderBy(r => r.FirstSeen ?? DateOnly.MaxValue)
            .ThenBy(r => r.Title, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<TKey, List<T>> Group<TKey, T>(IEnumerable<T> items, Func<T, TKey> key, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        var d = new Dictionary<TKey, List<T>>(comparer);
        foreach (var item in items)
        {
            Add(d, key(item), item);
        }

        return d;
    }

    private static void Add<TKey, T>(Dictionary<TKey, List<T>> d, TKey key, T item)
        where TKey : notnull
    {
        if (!d.TryGetValue(key, out var list))
        {
            list = [];
            d[key] = list;
        }

        list.Add(item);
    }
}
