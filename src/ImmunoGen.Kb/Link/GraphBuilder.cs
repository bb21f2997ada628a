using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Link;

/// <summary>
/// The Link stage: analyzes every filing (in parallel, one <see cref="FilingAnalyzer"/> shared by all threads) and
/// builds the <see cref="KnowledgeGraph"/>: mentions with their sentences, quotes, each compound's stage over time,
/// the roles each person was seen in, per-partner deal ledgers and related entities. Events come from the filings'
/// front-matter, which is the record people may correct. Output order never depends on thread timing.
/// </summary>
public static class GraphBuilder
{
    /// <summary>Deal name for money not tied to a compound: the partner's license agreement of that filing.</summary>
    public const string LicenseDealPrefix = "license agreement of ";

    /// <param name="analyzed">
    /// Analyses already made this build with the same registry (the Import stage analyzes every filing it writes):
    /// returns the analysis of a filing, or null to have it analyzed here. Each filing is then analyzed once per build.
    /// </param>
    public static KnowledgeGraph Build(Corpus corpus, EntityRegistry registry, Func<Filing, FilingAnalysis?>? analyzed = null)
    {
        var filings = corpus.Filings;
        var analyses = new FilingAnalysis[filings.Count];
        var analyzer = new FilingAnalyzer(registry);
        Parallel.For(0, filings.Count, i => analyses[i] = analyzed?.Invoke(filings[i]) ?? analyzer.Analyze(filings[i].Meta, FilingBody.Parse(corpus.BodyOf(filings[i]))));

        var mentions = new List<Mention>();
        // One string per distinct sentence and block id: the graph holds every mention's until the build ends, and they
        // recur across filings (a quarter of the sentences' characters at 10,000 filings; p1, p2, … in every filing).
        // A filing's analysis gives its mentions of one sentence the same string: a sentence just seen is not looked up.
        var pool = new StringPool();
        var sentences = new Dictionary<string, Utf8Text>(StringComparer.Ordinal);
        var lastSeen = "";
        var lastShared = Utf8Text.Empty;
        Utf8Text SharedSentence(string sentence)
        {
            if (!ReferenceEquals(sentence, lastSeen))
            {
                ref var shared = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sentences, sentence, out _);
                shared ??= new Utf8Text(sentence);
                (lastSeen, lastShared) = (sentence, shared);
            }

            return lastShared;
        }

        var quotes = new List<Quote>();
        var roles = new List<RoleSeen>();
        var stages = new List<StagePoint>();
        for (var i = 0; i < filings.Count; i++)
        {
            var f = filings[i];
            var a = analyses[i];
            var date = f.Meta.Date;
            var marked = f.Meta.Boilerplate.ToHashSet(StringComparer.Ordinal);
            foreach (var m in a.Mentions.Where(m => registry.Contains(m.Entity)))
            {
                mentions.Add(new Mention(m.Entity, f.Slug, date, pool.Shared(m.Paragraph), SharedSentence(m.Sentence), m.Boilerplate || marked.Contains(m.Paragraph)) { Start = m.Start, Length = m.Length });
            }

            foreach (var q in a.Quotes.Where(q => registry.Contains(new EntityRef(EntityKind.Person, q.PersonSlug))))
            {
                quotes.Add(new Quote(q.PersonSlug, f.Slug, date, q.Paragraph, q.Text, q.Compounds.Where(c => registry.Contains(new EntityRef(EntityKind.Compound, c))).ToList()));
            }

            foreach (var r in a.Roles.Where(r => registry.Contains(new EntityRef(EntityKind.Person, r.PersonSlug))))
            {
                roles.Add(new RoleSeen(r.PersonSlug, r.Title, r.Organization, r.Date, f.Slug));
            }

            foreach (var s in a.Stages)
            {
                stages.Add(new StagePoint(s.CompoundSlug, s.Date, s.Stage, f.Slug, s.Paragraph));
            }

            foreach (var e in f.Meta.Events)
            {
                if (e.Compound is { } c && (e.Date ?? date) is { } d && e.Type is EventTypes.ClinicalStart or EventTypes.PhaseAdvance)
                {
                    stages.Add(new StagePoint(c, d, StageNames.FromPhase(e.Phase) ?? StageNames.Clinical, f.Slug, e.Paragraph));
                }
            }
        }

        return new KnowledgeGraph(
            corpus,
            registry,
            mentions,
            quotes,
            StageTimeline(stages),
            roles.Distinct().OrderBy(r => r.PersonSlug, StringComparer.Ordinal).ThenBy(r => r.Date ?? DateOnly.MaxValue).ThenBy(r => r.FilingSlug, StringComparer.Ordinal).ThenBy(r => r.Title, StringComparer.Ordinal).ToList(),
            Ledgers(corpus),
            Related(corpus, quotes));
    }

    /// <summary>
    /// Slugs that entity pages and filing events refer to but no page defines (a compound's <c>related</c> or
    /// <c>partners</c>, an event's compound or partner): one KB3002 error per reference, with the page's path.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CheckReferences(Corpus corpus, EntityRegistry registry)
    {
        var found = new List<Diagnostic>();
        void Check(string path, EntityKind kind, string slug, string field)
        {
            if (!registry.Contains(new EntityRef(kind, slug)))
            {
                found.Add(Diagnostic.Error(DiagnosticCodes.Entities.UnknownEntity, path, $"{field} '{slug}' has no page under {kind.Folder()}/"));
            }
        }

        foreach (var c in corpus.Compounds)
        {
            c.Related.ToList().ForEach(x => Check(c.Path, EntityKind.Compound, x, "related"));
            c.Partners.ToList().ForEach(x => Check(c.Path, EntityKind.Partner, x, "partners"));
        }

        foreach (var f in corpus.Filings)
        {
            foreach (var e in f.Meta.Events)
            {
                if (e.Compound is { } c)
                {
                    Check(f.Path, EntityKind.Compound, c, "event compound");
                }

                if (e.Partner is { } p)
                {
                    Check(f.Path, EntityKind.Partner, p, "event partner");
                }
            }
        }

        return found.Distinct().OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One stage per compound and date: the most advanced stage any filing of that date states, with the first
    /// filing and paragraph that stated it as provenance.
    /// </summary>
    internal static List<StagePoint> StageTimeline(IEnumerable<StagePoint> points)
    {
        var timeline = new List<StagePoint>();
        foreach (var compound in points
                     .Where(p => StageNames.Rank(p.Stage) >= 0)
                     .GroupBy(p => (p.CompoundSlug, p.Date))
                     .Select(g => g.OrderByDescending(p => StageNames.Rank(p.Stage)).ThenBy(p => p.FilingSlug, StringComparer.Ordinal).ThenBy(p => ParagraphNumber(p.Paragraph)).First())
                     .GroupBy(p => p.CompoundSlug)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var highest = -1;
            foreach (var point in compound.OrderBy(p => p.Date))
            {
                // "In clinical testing" after a stated phase says nothing new (the About paragraph repeats it for years):
                // it must not turn a compound's Phase I back into an unspecified clinical stage.
                if (point.Stage == StageNames.Clinical && highest >= StageNames.Rank(StageNames.PhaseI))
                {
                    continue;
                }

                highest = Math.Max(highest, StageNames.Rank(point.Stage));
                timeline.Add(point);
            }
        }

        return timeline;
    }

    /// <summary>Per-partner ledgers from the front-matter events: see <see cref="PartnerLedger"/> and <see cref="DealLedger"/> for the rules.</summary>
    internal static List<PartnerLedger> Ledgers(Corpus corpus)
    {
        var byPartner = new SortedDictionary<string, List<LedgerEntry>>(StringComparer.Ordinal);
        foreach (var f in corpus.Filings)
        {
            var agreement = f.Meta.Events.FirstOrDefault(e => e.Type == EventTypes.LicenseAgreement);
            foreach (var e in f.Meta.Events)
            {
                if (e.Partner is not { } partner || e.AmountUsd is null || e.Type is not (EventTypes.MilestonePayment or EventTypes.LicenseFee or EventTypes.Royalty))
                {
                    continue;
                }

                var date = e.Date ?? f.Meta.Date;
                var deal = e.Compound
                    ?? (agreement is { Partner: var ap } && ap == partner && (agreement.Date ?? f.Meta.Date) is { } ad
                        ? LicenseDealPrefix + ad.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                        : $"{e.Type} of {date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? f.Slug}");
                if (!byPartner.TryGetValue(partner, out var list))
                {
                    list = [];
                    byPartner[partner] = list;
                }

                list.Add(new LedgerEntry(new EventRecord(e, f.Slug, date), deal));
            }
        }

        var ledgers = new List<PartnerLedger>();
        foreach (var (partner, entries) in byPartner)
        {
            var sorted = entries.OrderBy(x => x.Event.Date ?? DateOnly.MaxValue).ThenBy(x => x.Event.FilingSlug, StringComparer.Ordinal).ThenBy(x => x.Deal, StringComparer.Ordinal).ToList();
            var deals = sorted.GroupBy(x => x.Deal).Select(Deal).ToList();
            ledgers.Add(new PartnerLedger(partner, sorted, deals.Sum(d => d.ReceivedUsd), deals.Sum(d => d.PotentialMinUsd), deals.Sum(d => d.PotentialMaxUsd))
            {
                LicenseFeesUsd = deals.Sum(d => d.LicenseFeesUsd),
                Deals = deals,
            });
        }

        return ledgers;
    }

    private static DealLedger Deal(IGrouping<string, LedgerEntry> g)
    {
        // The same earned payment reported twice (8-K item and a later recap) is one payment.
        var earned = g.Where(x => !x.Event.Event.Potential)
            .DistinctBy(x => (x.Event.Event.Type, x.Event.Event.AmountUsd, x.Event.Date))
            .ToList();
        var received = earned.Where(x => x.Event.Event.Type != EventTypes.LicenseFee).Sum(x => x.Event.Event.AmountUsd ?? 0);
        var fees = earned.Where(x => x.Event.Event.Type == EventTypes.LicenseFee).Sum(x => x.Event.Event.AmountUsd ?? 0);
        var potential = g.Where(x => x.Event.Event.Potential).Select(x => x.Event.Event).ToList();
        var max = potential.Count == 0 ? null : potential.MaxBy(e => e.AmountUsdMax ?? e.AmountUsd);
        return new DealLedger(g.Key, g.ToList(), received, fees, max?.AmountUsd ?? 0, max is null ? 0 : max.AmountUsdMax ?? max.AmountUsd ?? 0);
    }

    /// <summary>Related entities, both ways: a compound's curated related compounds and partners, partners of its events, compounds a person spoke about.</summary>
    internal static Dictionary<EntityRef, IReadOnlyList<EntityRef>> Related(Corpus corpus, List<Quote> quotes)
    {
        var pairs = new HashSet<(EntityRef, EntityRef)>();
        void Link(EntityRef a, EntityRef b)
        {
            if (a != b)
            {
                pairs.Add((a, b));
                pairs.Add((b, a));
            }
        }

        foreach (var c in corpus.Compounds)
        {
            var r = EntityRef.Of(c);
            foreach (var x in c.Related)
            {
                Link(r, new EntityRef(EntityKind.Compound, x));
            }

            foreach (var p in c.Partners)
            {
                Link(r, new EntityRef(EntityKind.Partner, p));
            }
        }

        foreach (var e in corpus.Filings.SelectMany(f => f.Meta.Events))
        {
            if (e.Compound is { } c && e.Partner is { } p)
            {
                Link(new EntityRef(EntityKind.Compound, c), new EntityRef(EntityKind.Partner, p));
            }
        }

        foreach (var q in quotes)
        {
            foreach (var c in q.Compounds)
            {
                Link(new EntityRef(EntityKind.Person, q.PersonSlug), new EntityRef(EntityKind.Compound, c));
            }
        }

        return pairs
            .GroupBy(p => p.Item1)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<EntityRef>)g.Select(p => p.Item2).OrderBy(r => r.Kind).ThenBy(r => r.Slug, StringComparer.Ordinal).ToList());
    }

    private static int ParagraphNumber(string? paragraph) =>
        paragraph is { Length: > 1 } p && p[0] == 'p' && int.TryParse(p.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
