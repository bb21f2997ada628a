using System.Text.RegularExpressions;
using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Extract;

/// <summary>
/// The Extract stage for one filing: recognizes every entity the registry knows (one trie pass per block),
/// discovers entities no page covers yet (rules in <see cref="DiscoveryPatterns"/>), and reads events, quotes,
/// roles and stage statements. Immutable after construction and safe to call from many threads at once.
/// </summary>
/// <remarks>
/// Person names: a bare surname is never a global alias. "Dr. Tolcher" resolves to the one person with that
/// surname named in full in the same filing, else to the one registry person with that surname; if two people
/// share it, the honorific mention is left unresolved.
/// </remarks>
public sealed partial class FilingAnalyzer
{
    private readonly EntityRegistry _registry;
    private readonly Dictionary<string, List<EntityRef>> _bySurname = new(StringComparer.Ordinal);

    public FilingAnalyzer(EntityRegistry registry)
    {
        _registry = registry;
        foreach (var p in registry.Entities.OfType<Person>())
        {
            var key = EntityRegistry.Normalize(DiscoveryPatterns.Surname(p.Name));
            if (!_bySurname.TryGetValue(key, out var list))
            {
                list = [];
                _bySurname[key] = list;
            }

            list.Add(EntityRef.Of(p));
        }
    }

    [GeneratedRegex(@"[“""](?<q>[^“”""]{15,})[”""]")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"\b(?:in\s+(?:research/)?preclinical\s+(?:development|testing|stage)|preclinical\s+(?:stage|candidate))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PreclinicalPhrase();

    [GeneratedRegex(@"\b(?:in\s+clinical\s+(?:testing|trials?|development|evaluation)|(?:initiat\w*|start\w*)\s+(?:of\s+)?clinical\s+testing|enter(?:ed|s)?\s+(?:the\s+clinic\b|clinical\s+testing))", RegexOptions.IgnoreCase)]
    private static partial Regex ClinicalPhrase();

    [GeneratedRegex(@"\bPhase\s+(?:III|II|I|[123])(?:[ab])?(?:\s*/\s*(?:III|II|I|[123]))?\b")]
    private static partial Regex PhasePhrase();

    /// <summary>
    /// The entities one filing names that no page covers yet: exactly the <see cref="FilingAnalysis.Discovered"/> of
    /// <see cref="Analyze"/>, without recognizing known names or reading events, quotes and stages. A build that must
    /// discover entities before it can analyze anything (the first one) runs this first, then one full analysis.
    /// </summary>
    public IReadOnlyList<Entity> Discover(FilingFrontMatter meta, FilingBody body) => Discover(meta, body, out _);

    /// <summary>
    /// <see cref="Discover(FilingFrontMatter, FilingBody)"/>, also giving what the discovery rules read in the text, for
    /// <see cref="Analyze(FilingFrontMatter, FilingBody, DiscoveryScan?)"/> to use instead of reading it again.
    /// </summary>
    internal IReadOnlyList<Entity> Discover(FilingFrontMatter meta, FilingBody body, out DiscoveryScan scan)
    {
        var found = DiscoverIn(meta, body);
        scan = found.Scan;
        return DiscoveredOf(found.Local, RolesOf(found.Sightings, found.PersonOf));
    }

    /// <summary>Analyzes one filing. Never throws on odd text; an unreadable block just yields nothing.</summary>
    public FilingAnalysis Analyze(FilingFrontMatter meta, FilingBody body) => Analyze(meta, body, null);

    /// <summary>Analyzes one filing, with what the discovery rules read in it when an earlier <see cref="Discover(FilingFrontMatter, FilingBody, out DiscoveryScan)"/> gave that.</summary>
    /// <param name="scan">
    /// The filing's scan, made by an analyzer whose registry's names this one's include (as a build's registry grows
    /// by discovered entities between its discovery and analysis passes): the analysis is then the same as without it.
    /// </param>
    internal FilingAnalysis Analyze(FilingFrontMatter meta, FilingBody body, DiscoveryScan? scan)
    {
        var blocks = body.Blocks;
        var boilerplate = BoilerplateRules.Flags(blocks);
        var date = meta.Date;
        var (sentencesOf, known, local, sightings, personOf, _) = DiscoverIn(meta, body, scan);
        var localRegistry = local.Count == 0 ? EntityRegistry.Empty : EntityRegistry.Build(local.Values, []);

        // 2. Recognition: registry and discovered names, then honorific surnames.
        var mentions = new List<EntityMention>();
        var perBlock = new List<EntityMention>[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            var sentences = sentencesOf[i];
            var spans = local.Count == 0 ? known[i] : Combine(known[i], localRegistry.Match(b.Text));
            var list = new List<EntityMention>(spans.Count);
            foreach (var m in spans)
            {
                list.Add(new EntityMention(m.Entity, b.Id, SentenceAt(sentences, m.Start), boilerplate[i], m.Start, m.Length));
            }

            perBlock[i] = list;
        }

        var fullNamed = perBlock.SelectMany(l => l).Where(m => m.Entity.Kind == EntityKind.Person).Select(m => m.Entity).Distinct().ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            foreach (var (start, length, surname) in DiscoveryPatterns.Honorifics(b.Text))
            {
                if (perBlock[i].Any(m => start < m.Start + m.Length && start + length > m.Start) || ResolveSurname(surname, fullNamed, local) is not { } who)
                {
                    continue;
                }

                perBlock[i].Add(new EntityMention(who, b.Id, SentenceAt(sentencesOf[i], start), boilerplate[i], start, length));
            }

            perBlock[i].Sort((x, y) => x.Start.CompareTo(y.Start));
            mentions.AddRange(perBlock[i]);
        }

        // 3. Events, from the sentences of non-boilerplate paragraphs.
        var filingPartner = mentions.FirstOrDefault(m => !m.Boilerplate && m.Entity.Kind == EntityKind.Partner)?.Entity.Slug;
        var drafts = new List<EventDraft>();
        var order = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsHeading || boilerplate[i])
            {
                continue;
            }

            List<string>? paragraphCompounds = null;
            List<string>? paragraphPartners = null;
            foreach (var s in sentencesOf[i])
            {
                List<SentenceEntity>? inSentence = null;
                foreach (var m in perBlock[i])
                {
                    if (m.Start >= s.Start && m.Start < s.End)
                    {
                        (inSentence ??= []).Add(new SentenceEntity(m.Start - s.Start, m.Entity));
                    }
                }

                // Every event rule needs a dollar amount or an entity in the sentence; the order still counts the sentence.
                var at = order++;
                if (!EventRules.MayHaveEvents(s.Text, inSentence))
                {
                    continue;
                }

                paragraphCompounds ??= DistinctSlugs(perBlock[i], EntityKind.Compound, 0, int.MaxValue);
                paragraphPartners ??= DistinctSlugs(perBlock[i], EntityKind.Partner, 0, int.MaxValue);
                drafts.AddRange(EventRules.Read(s, inSentence ?? [], paragraphCompounds, paragraphPartners, filingPartner, date, blocks[i].Id, at));
            }
        }

        var events = EventRules.Merge(drafts);

        // 4. Quotes: quoted text in a paragraph, attributed to the person named there outside the quotation marks.
        var quotes = new List<QuoteSeen>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsHeading)
            {
                continue;
            }

            // The pattern opens with a quotation mark: a paragraph without one has no quote.
            if (blocks[i].Text.AsSpan().IndexOfAny('"', '“') < 0)
            {
                continue;
            }

            var found = Quotation().Matches(blocks[i].Text);
            if (found.Count == 0)
            {
                continue;
            }

            var outside = perBlock[i].Where(m => m.Entity.Kind == EntityKind.Person && !found.Any(q => m.Start >= q.Index && m.Start < q.Index + q.Length)).ToList();
            foreach (Match q in found)
            {
                var speaker = outside.MinBy(m => Math.Abs(m.Start - q.Index));
                if (speaker is null)
                {
                    continue;
                }

                var named = perBlock[i].Where(m => m.Entity.Kind == EntityKind.Compound && m.Start >= q.Index && m.Start < q.Index + q.Length)
                    .Select(m => m.Entity.Slug).Distinct().ToList();
                quotes.Add(new QuoteSeen(speaker.Entity.Slug, blocks[i].Id, q.Groups["q"].Value.Trim().TrimEnd(','), named));
            }
        }

        // 5. Stage statements ("is in preclinical development", "ongoing Phase I study"), each a dated snapshot.
        var stages = new List<StageSeen>();
        if (date is { } asOf)
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                if (blocks[i].IsHeading)
                {
                    continue;
                }

                foreach (var s in sentencesOf[i])
                {
                    // A stage statement only counts for the compounds its sentence names: look for those first.
                    if (DistinctSlugsOrNull(perBlock[i], EntityKind.Compound, s.Start, s.End) is not { } named || StageOf(s.Text) is not { } stage)
                    {
                        continue;
                    }

                    foreach (var c in named)
                    {
                        stages.Add(new StageSeen(c, asOf, stage, blocks[i].Id));
                    }
                }
            }
        }

        // 6. Roles seen, for people recognized by name.
        var roles = RolesOf(sightings, personOf);

        // Signers named only in the front-matter still count as people of the filing.
        var people = FirstMentions(mentions, EntityKind.Person).ToList();
        foreach (var signer in meta.Signatories)
        {
            if (personOf.TryGetValue(signer.Name, out var r) && !people.Contains(r.Slug))
            {
                people.Add(r.Slug);
            }
        }

        return new FilingAnalysis
        {
            Compounds = FirstMentions(mentions, EntityKind.Compound).ToList(),
            Partners = FirstMentions(mentions, EntityKind.Partner).ToList(),
            People = people,
            Events = events,
            Boilerplate = blocks.Where((b, i) => boilerplate[i] && !b.IsHeading).Select(b => b.Id).ToList(),
            Mentions = mentions,
            Quotes = quotes,
            Roles = roles,
            Stages = stages.Distinct().ToList(),
            Discovered = DiscoveredOf(local, roles),
        };
    }

    private static List<PersonRoleSeen> RolesOf(IReadOnlyList<PersonSighting> sightings, Dictionary<string, EntityRef> personOf)
    {
        var roles = new List<PersonRoleSeen>();
        foreach (var s in sightings)
        {
            if (s.Title is { } title && personOf.TryGetValue(s.Name, out var who))
            {
                roles.Add(new PersonRoleSeen(who.Slug, title, s.Organization, s.Date, s.Paragraph));
            }
        }

        return roles.Distinct().ToList();
    }

    private static List<Entity> DiscoveredOf(Dictionary<EntityRef, Entity> local, List<PersonRoleSeen> roles) =>
        local.Values
            .Select(e => e is Person p ? p with { Roles = RolesFor(p, roles) } : e)
            .OrderBy(e => e.Kind).ThenBy(e => e.Slug, StringComparer.Ordinal)
            .ToList();

    /// <summary>What step 1 of an analysis found, for the steps after it.</summary>
    private sealed record Discovery(
        IReadOnlyList<SentenceSpan>[] SentencesOf,
        IReadOnlyList<AliasMatch>[] Known,
        Dictionary<EntityRef, Entity> Local,
        IReadOnlyList<PersonSighting> Sightings,
        Dictionary<string, EntityRef> PersonOf,
        DiscoveryScan Scan);

    /// <summary>Step 1 of <see cref="Analyze"/>: each block's known names and sentences, and what no page covers yet.</summary>
    /// <param name="scan">This filing's scan under a registry whose names this one's include; null scans it here.</param>
    private Discovery DiscoverIn(FilingFrontMatter meta, FilingBody body, DiscoveryScan? scan = null)
    {
        var blocks = body.Blocks;
        var known = new IReadOnlyList<AliasMatch>[blocks.Count];

        // Every stage below reads a block by sentences: split each block once and share the spans.
        var sentencesOf = new IReadOnlyList<SentenceSpan>[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            known[i] = _registry.Match(blocks[i].Text);
            sentencesOf[i] = SentenceSplitter.Split(blocks[i].Text);
        }

        scan ??= Scan(meta, blocks, sentencesOf);

        // 1. Discovery: names of the right shape that no page covers. Names the registry knows, by position or by
        // spelling, are not discovered.
        var local = new Dictionary<EntityRef, Entity>();
        for (var i = 0; i < blocks.Count; i++)
        {
            foreach (var c in scan.Compounds[i])
            {
                if (!Overlaps(known[i], c.Start, c.Length) && _registry.Resolve(c.Stub.Name) is null)
                {
                    AddLocal(local, c.Stub);
                }
            }

            foreach (var p in scan.Partners[i])
            {
                if (!Overlaps(known[i], p.Start, p.Length) && p.Stub.Aliases.Prepend(p.Stub.Name).All(n => _registry.Resolve(n) is null))
                {
                    AddLocal(local, p.Stub);
                }
            }
        }

        var personOf = new Dictionary<string, EntityRef>(StringComparer.Ordinal);
        foreach (var s in scan.Sightings)
        {
            if (!DiscoveryPatterns.IsPersonName(s.Name))
            {
                continue;
            }

            var r = _registry.Resolve(s.Name) ?? _registry.Resolve(DiscoveryPatterns.WithoutInitials(s.Name));
            if (r is { Kind: EntityKind.Person } found)
            {
                personOf[s.Name] = found;
                continue;
            }

            if (r is not null)
            {
                continue;
            }

            var stub = PersonStub(s.Name);
            AddLocal(local, stub);
            personOf[s.Name] = EntityRef.Of(stub);
        }

        return new Discovery(sentencesOf, known, local, scan.Sightings, personOf, scan);
    }

    /// <summary>
    /// The part of discovery that reads the text with the rules of <see cref="DiscoveryPatterns"/>: compound- and
    /// partner-shaped names this registry does not know by spelling, with where they are, and every person seen with a
    /// title. Whether a name overlaps a known one is decided later, under the registry the filing is analyzed with.
    /// </summary>
    private DiscoveryScan Scan(FilingFrontMatter meta, IReadOnlyList<BodyBlock> blocks, IReadOnlyList<SentenceSpan>[] sentencesOf)
    {
        var date = meta.Date;
        var company = meta.Company ?? "ImmunoGen, Inc.";
        var compounds = new IReadOnlyList<Candidate>[blocks.Count];
        var partners = new IReadOnlyList<Candidate>[blocks.Count];
        var sightings = new List<PersonSighting>();
        string? pendingLabel = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            compounds[i] = partners[i] = [];
            if (DiscoveryPatterns.LooksEncoded(b.Text))
            {
                continue;
            }

            // Held until the analysis pass: most blocks name nothing, and share one empty list.
            var named = DiscoveryPatterns.Compounds(b.Text, (_, _, name) => _registry.Resolve(name) is null).ToList();
            compounds[i] = named.Count > 0 ? named : [];
            if (b.IsHeading)
            {
                pendingLabel = null;
                continue;
            }

            List<Candidate>? found = null;
            foreach (var s in sentencesOf[i])
            {
                foreach (var (start, length, stub) in DiscoveryPatterns.Partners(s.Text))
                {
                    if (stub.Aliases.Prepend(stub.Name).All(n => _registry.Resolve(n) is null))
                    {
                        (found ??= []).Add(new Candidate(s.Start + start, length, stub));
                    }
                }
            }

            partners[i] = found ?? [];
            var seenBefore = sightings.Count;
            sightings.AddRange(DiscoveryPatterns.Attributions(b.Text, b.Id, date, company));
            sightings.AddRange(DiscoveryPatterns.Contacts(b.Text, pendingLabel, b.Id, date, company));
            var isLabel = DiscoveryPatterns.IsContactLabel(b.Text);
            pendingLabel = isLabel ? b.Text.Trim().TrimEnd(':') : pendingLabel;
            if (!isLabel && sightings.Count > 0 && sightings[^1].Paragraph == b.Id)
            {
                pendingLabel = null;
            }

            // Block ids are unique in a filing, so the sightings of this block are the ones just added.
            for (var k = seenBefore; k < sightings.Count; k++)
            {
                var s = sightings[k];
                if (s.FromSignature && s.Title is null && TitleNear(blocks, i, s.Name) is { } title)
                {
                    sightings[k] = s with { Title = title };
                }
            }
        }

        var signedDate = meta.SignedDate ?? date;
        foreach (var signer in meta.Signatories)
        {
            sightings.Add(new PersonSighting(signer.Name, signer.Title, company, null, signedDate, FromSignature: true));
        }

        // Signature titles are dated by the signature, not the event.
        return new DiscoveryScan(compounds, partners, sightings.Select(s => s.FromSignature ? s with { Date = signedDate } : s).ToList());
    }

    /// <summary>The most advanced stage a sentence states: a named phase over "in clinical testing" over "preclinical".</summary>
    internal static string? StageOf(string sentence)
    {
        // Each phrase needs a literal word ("Phase", "clinic" in every other); most sentences have neither and skip the regexes.
        if (sentence.Contains("Phase", StringComparison.Ordinal))
        {
            string? best = null;
            foreach (Match m in PhasePhrase().Matches(sentence))
            {
                // The first of equally ranked stages wins, as MaxBy would pick it.
                if (StageNames.FromPhase(EventRules.NormalizePhase(m.Value)) is { } stage && (best is null || StageNames.Rank(stage) > StageNames.Rank(best)))
                {
                    best = stage;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        if (!sentence.Contains("clinic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (ClinicalPhrase().IsMatch(sentence))
        {
            return StageNames.Clinical;
        }

        return PreclinicalPhrase().IsMatch(sentence) ? StageNames.Preclinical : null;
    }

    /// <summary>The title printed after a signer's name in the block or one of the three after it.</summary>
    private static string? TitleNear(IReadOnlyList<BodyBlock> blocks, int at, string name)
    {
        for (var k = at; k < at + Math.Min(4, blocks.Count - at); k++)
        {
            if (DiscoveryPatterns.TitleAfterName(blocks[k].Text, name) is { } title)
            {
                return title;
            }
        }

        return null;
    }

    private static List<Role> RolesFor(Person p, List<PersonRoleSeen> roles) =>
        roles.Where(r => r.PersonSlug == p.Slug)
            .GroupBy(r => (r.Title, r.Organization))
            .Select(g => new Role(g.Key.Title, g.Key.Organization, g.Min(r => r.Date), g.Max(r => r.Date)))
            .OrderBy(r => r.FirstSeen).ThenBy(r => r.Title, StringComparer.Ordinal)
            .ToList();

    private EntityRef? ResolveSurname(string surname, List<EntityRef> fullNamed, Dictionary<EntityRef, Entity> local)
    {
        var key = EntityRegistry.Normalize(surname);
        var inFiling = fullNamed.Where(r => EntityRegistry.Normalize(DiscoveryPatterns.Surname(NameOf(r, local))) == key).ToList();
        if (inFiling.Count == 1)
        {
            return inFiling[0];
        }

        return inFiling.Count == 0 && _bySurname.TryGetValue(key, out var all) && all.Count == 1 ? all[0] : null;
    }

    private string NameOf(EntityRef r, Dictionary<EntityRef, Entity> local) =>
        _registry.Get(r)?.Name ?? (local.TryGetValue(r, out var e) ? e.Name : r.Slug);

    private static Person PersonStub(string name)
    {
        var plain = DiscoveryPatterns.WithoutInitials(name);
        return new Person
        {
            Slug = Slug.From(name),
            Name = name,
            Aliases = plain != name ? [plain] : [],
            Discovered = true,
        };
    }

    private static void AddLocal(Dictionary<EntityRef, Entity> local, Entity stub)
    {
        var r = EntityRef.Of(stub);
        local[r] = local.TryGetValue(r, out var had) ? EntityDiscovery.MergeTwo(had, stub) : stub;
    }

    private static IEnumerable<string> FirstMentions(List<EntityMention> mentions, EntityKind kind) =>
        mentions.Where(m => m.Entity.Kind == kind).Select(m => m.Entity.Slug).Distinct(StringComparer.Ordinal);

    private static bool Overlaps(IReadOnlyList<AliasMatch> matches, int start, int length)
    {
        for (var k = 0; k < matches.Count; k++)
        {
            if (start < matches[k].Start + matches[k].Length && start + length > matches[k].Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The slugs of one kind mentioned from <paramref name="from"/> up to <paramref name="to"/>, once each, in order of
    /// first mention; null when there are none.
    /// </summary>
    private static List<string>? DistinctSlugsOrNull(List<EntityMention> mentions, EntityKind kind, int from, int to)
    {
        List<string>? slugs = null;
        foreach (var m in mentions)
        {
            if (m.Entity.Kind == kind && m.Start >= from && m.Start < to && !(slugs?.Contains(m.Entity.Slug) ?? false))
            {
                (slugs ??= []).Add(m.Entity.Slug);
            }
        }

        return slugs;
    }

    private static List<string> DistinctSlugs(List<EntityMention> mentions, EntityKind kind, int from, int to) =>
        DistinctSlugsOrNull(mentions, kind, from, to) ?? [];

    /// <summary>Registry matches and discovered-name matches, non-overlapping, the longer winning where they collide.</summary>
    private static List<AliasMatch> Combine(IReadOnlyList<AliasMatch> known, IReadOnlyList<AliasMatch> discovered)
    {
        if (discovered.Count == 0)
        {
            return [.. known];
        }

        var all = known.Concat(discovered).OrderBy(m => m.Start).ThenByDescending(m => m.Length).ToList();
        var result = new List<AliasMatch>();
        var end = -1;
        foreach (var m in all)
        {
            if (m.Start >= end)
            {
                result.Add(m);
                end = m.Start + m.Length;
            }
        }

        return result;
    }

    private static string SentenceAt(IReadOnlyList<SentenceSpan> sentences, int at)
    {
        foreach (var s in sentences)
        {
            if (at >= s.Start && at < s.End)
            {
                return s.Text;
            }
        }

        return sentences.Count > 0 ? sentences[^1].Text : "";
    }
}

/// <summary>Stage labels of a compound's development, in order.</summary>
public static class StageNames
{
    public const string Preclinical = "Preclinical";
    public const string Clinical = "Clinical";
    public const string PhaseI = "Phase I";
    public const string PhaseIToII = "Phase I/II";
    public const string PhaseII = "Phase II";
    public const string PhaseIII = "Phase III";

    private static readonly string[] Order = [Preclinical, Clinical, PhaseI, PhaseIToII, PhaseII, PhaseIII];

    public static int Rank(string? stage) => stage is null ? -1 : Array.IndexOf(Order, stage);

    /// <summary>"1" → "Phase I", "1/2" → "Phase I/II", "2" → "Phase II", "3" → "Phase III"; null when unknown.</summary>
    public static string? FromPhase(string? phase) => phase switch
    {
        null => null,
        "1" or "1a" or "1b" => PhaseI,
        "1/2" or "1b/2" => PhaseIToII,
        "2" or "2a" or "2b" => PhaseII,
        "3" or "3a" or "3b" => PhaseIII,
        _ => null,
    };
}

/// <summary>
/// What the discovery rules read in one filing's text, before it is decided what is new: per block, the compound- and
/// partner-shaped names (with their place) that the registry it was scanned under does not know by spelling, and every
/// person seen with a title. Depends on the filing and on no entity page but that registry's names, so a build whose
/// registry only grew since (by the entities it discovered) analyzes with it instead of running the rules again.
/// </summary>
/// <remarks>
/// A name the scanning registry knows by spelling is known to every registry that includes its names, so leaving it
/// out changes nothing; whether a name overlaps a known one depends on the whole registry, and is decided later.
/// </remarks>
internal sealed record DiscoveryScan(
    IReadOnlyList<Candidate>[] Compounds,
    IReadOnlyList<Candidate>[] Partners,
    IReadOnlyList<PersonSighting> Sightings);
