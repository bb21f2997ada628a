using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;

namespace ImmunoGen.Kb.Render;

public sealed partial class SiteRenderer
{
    private PageBytes RenderCompound(Compound c)
    {
        const string root = "../";
        var r = EntityRef.Of(c);
        var stages = _graph.StagesOf(c.Slug);
        var current = stages.Count > 0 ? stages[^1] : null;

        var card = new List<FactView>();
        void Fact(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                card.Add(new FactView(label, value));
            }
        }

        Fact("Kind", c.CompoundKind);
        Fact("Antibody", c.Antibody);
        Fact("Target", c.Target);
        Fact("Payload", c.Payload);
        Fact("Indications", string.Join("; ", c.Indications));
        Fact("Stage", current is null ? null : $"{current.Stage} (since {DisplayText.Date(current.Date)})");

        var partnerSlugs = c.Partners.Concat(_graph.EventsOf(r).Select(e => e.Event.Partner).OfType<string>());
        var mentions = _graph.MentionsOf(r).ToLookup(m => m.FilingSlug, StringComparer.Ordinal);
        var filings = FilingsOf(r)
            .AsEnumerable()
            .Reverse()
            .Select(f =>
            {
                var inFiling = mentions[f.Slug].ToList();
                var sentences = inFiling
                    .Where(m => !m.Boilerplate)
                    .DistinctBy(m => (m.Paragraph, m.Sentence))
                    .Select(m => new SentenceView(m.Sentence.ToString(), FilingHref(root, f.Slug, m.Paragraph)))
                    .ToList();
                return new MentioningFiling(
                    root + "filings/" + f.Slug + ".html",
                    TitleOf(f),
                    DisplayText.Date(f.Meta.Date),
                    DisplayText.Iso(f.Meta.Date),
                    sentences,
                    sentences.Count == 0 && inFiling.Count > 0);
            })
            .ToList();

        var title = c.Name;
        var description = $"{c.Name}"
            + (c.CompoundKind is { Length: > 0 } k ? $", {k}" : "")
            + (c.Target is { Length: > 0 } t ? $" targeting {t}" : "")
            + (current is null ? "" : $"; {current.Stage} since {DisplayText.Date(current.Date)}")
            + $": stage history, events, money and {Plural(filings.Count, "filing", "filings")}.";
        var model = new CompoundView(
            root,
            title,
            description,
            c.Name,
            card,
            EntityLinks(root, EntityKind.Partner, partnerSlugs),
            EntityLinks(root, EntityKind.Compound, c.Related.Where(s => s != c.Slug)),
            string.Join(", ", c.Aliases),
            current?.Stage ?? "",
            current is null ? "" : DisplayText.Date(current.Date),
            StageChart.Svg(stages, _corpusYears, p => FilingHref(root, p.FilingSlug, p.Paragraph), FilingTitle),
            stages.Select(s => new StageRow(s.Stage, DisplayText.Date(s.Date), DisplayText.Iso(s.Date), new LinkView(FilingHref(root, s.FilingSlug, s.Paragraph), FilingTitle(s.FilingSlug)))).ToList(),
            _graph.EventsOf(r).Select(e => EventOf(root, e)).ToList(),
            filings,
            _graph.QuotesAbout(c.Slug).Select(q => QuoteOf(root, q)).ToList(),
            ProseHtml(c),
            c.Slug + ".xml");
        return Layout("compound", root, title, description, model, c.Slug + ".xml", $"{c.Name} — filings and events");
    }

    /// <param name="compounds">The rows of its compounds (<see cref="CompoundRowsOf"/>), made once for the page and its fingerprint.</param>
    private PageBytes RenderPartner(Partner p, List<CompoundRow> compounds)
    {
        const string root = "../";
        var r = EntityRef.Of(p);
        var ledger = _graph.LedgerOf(p.Slug);
        var rows = (ledger?.Entries ?? [])
            .OrderBy(e => e.Event.Date ?? DateOnly.MaxValue)
            .Select(e => LedgerRowOf(root, e))
            .ToList();
        var fees = (ledger?.Entries ?? [])
            .Where(e => e.Event.Event.Type == EventTypes.LicenseFee && !e.Event.Event.Potential)
            .Sum(e => e.Event.Event.AmountUsd ?? 0);

        var card = new List<FactView>();
        if (p.Relationship is { Length: > 0 } rel)
        {
            card.Add(new FactView("Relationship", rel));
        }

        if (p.Parent is { Length: > 0 } parent)
        {
            card.Add(new FactView("Parent", parent));
        }

        if (p.FormerNames.Count > 0)
        {
            card.Add(new FactView("Former names", string.Join(", ", p.FormerNames)));
        }

        if (p.Aliases.Count > 0)
        {
            card.Add(new FactView("Also written", string.Join(", ", p.Aliases)));
        }

        var received = ledger?.ReceivedUsd ?? 0;
        var title = p.Name;
        var description = $"{p.Name}: deals with ImmunoGen"
            + (received > 0 ? $", {DisplayText.Money(received)} received" : "")
            + $", {Plural(compounds.Count, "compound", "compounds")} and {Plural(FilingsOf(r).Count, "filing", "filings")}.";
        var model = new PartnerView(
            root,
            title,
            description,
            p.Name,
            card,
            rows,
            DisplayText.Money(received),
            ledger is null ? "" : DisplayText.Amount(ledger.PotentialMinUsd, ledger.PotentialMaxUsd),
            fees > 0 ? DisplayText.Money(fees) : "",
            compounds,
            FilingsOf(r).AsEnumerable().Reverse().Select(f => RowOf(root, f)).ToList(),
            ProseHtml(p),
            p.Slug + ".xml");
        return Layout("partner", root, title, description, model, p.Slug + ".xml", $"{p.Name} — filings and events");
    }

    // The compounds a partner's page lists: those naming it on their page, in its events or in its ledger.
    private List<CompoundRow> CompoundRowsOf(Partner p)
    {
        var ledger = _graph.LedgerOf(p.Slug);
        return _graph.Corpus.Compounds.Where(c => c.Partners.Contains(p.Slug)).Select(c => c.Slug)
            .Concat(_graph.EventsOf(EntityRef.Of(p)).Select(e => e.Event.Compound).OfType<string>())
            .Concat((ledger?.Entries ?? []).Select(e => e.Event.Event.Compound).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(s => _compoundRows.Value.GetValueOrDefault(s))
            .OfType<CompoundRow>()
            .ToList();
    }

    /// <summary>
    /// What a partner's page shows of other entities' filings: its compounds' rows (stage, latest event, partners), hashed
    /// for <see cref="SitePageJob.CorpusInputs"/>: a hub partner's rows run to tens of kilobytes of text, and every
    /// partner's are held while the pages render. The rest of the page comes from the partner's own filings.
    /// </summary>
    /// <remarks>A row record's text holds every field but its partner list, which prints as a type name: it is appended.</remarks>
    private static string CompoundRowsFingerprint(List<CompoundRow> rows) =>
        Fingerprint.Of(string.Join('\n', rows.Select(row => $"{row with { Partners = [] }}{string.Concat(row.Partners)}")));

    private LedgerRow LedgerRowOf(string root, LedgerEntry entry)
    {
        var e = entry.Event.Event;
        var compound = _graph.Entity(new EntityRef(EntityKind.Compound, entry.Deal)) is { } c
            ? new LinkView(root + "compounds/" + c.Slug + ".html", c.Name)
            : null;
        var status = e.Potential ? "potential" : e.AmountUsd is null ? "terms" : "received";
        return new LedgerRow(
            DisplayText.Date(entry.Event.Date),
            DisplayText.Iso(entry.Event.Date),
            DisplayText.EventType(e.Type),
            compound,
            compound is null ? entry.Deal : "",
            DisplayText.Amount(e.AmountUsd, e.AmountUsdMax),
            status,
            e.Detail ?? "",
            new LinkView(FilingHref(root, entry.Event.FilingSlug, e.Paragraph), FilingTitle(entry.Event.FilingSlug)));
    }

    private PageBytes RenderPerson(Person p)
    {
        const string root = "../";
        var r = EntityRef.Of(p);
        var roles = RolesOf(root, p);
        var quotes = _graph.QuotesBy(p.Slug).Select(q => QuoteOf(root, q)).ToList();
        var title = p.Name;
        var latest = roles.Count > 0 ? roles[^1] : null;
        var description = $"{p.Name}"
            + (latest is null ? "" : $", {latest.Title}" + (latest.Organization.Length > 0 ? $", {latest.Organization}" : ""))
            + $": roles over time, {Plural(quotes.Count, "quote", "quotes")} and {Plural(FilingsOf(r).Count, "filing", "filings")}.";
        var model = new PersonView(
            root,
            title,
            description,
            p.Name,
            string.Join(", ", p.Aliases),
            roles,
            quotes,
            FilingsOf(r).AsEnumerable().Reverse().Select(f => RowOf(root, f)).ToList(),
            ProseHtml(p));
        return Layout("person", root, title, description, model);
    }

    /// <summary>Roles seen in filings, merged per title and organization, oldest first; the page's own roles fill in the rest.</summary>
    private List<RoleRow> RolesOf(string root, Person p)
    {
        var seen = _graph.RolesOf(p.Slug)
            .GroupBy(x => (x.Title, Organization: x.Organization ?? ""))
            .Select(g => new
            {
                g.Key.Title,
                g.Key.Organization,
                From = g.Min(x => x.Date),
                To = g.Max(x => x.Date),
                Sources = g.OrderBy(x => x.Date).Select(x => x.FilingSlug).Distinct(StringComparer.Ordinal).ToList(),
            })
            .ToList();
        var declared = p.Roles
            .Where(role => !seen.Any(s => string.Equals(s.Title, role.Title, StringComparison.OrdinalIgnoreCase)))
            .Select(role => new { role.Title, Organization = role.Organization ?? "", From = role.FirstSeen, To = role.LastSeen, Sources = new List<string>() });
        return seen.Concat(declared)
            .OrderBy(x => x.From ?? DateOnly.MaxValue)
            .ThenBy(x => x.Title, StringComparer.Ordinal)
            .Select(x => new RoleRow(
                x.Title,
                x.Organization,
                DisplayText.Date(x.From),
                DisplayText.Date(x.To),
                x.Sources.Select(s => new LinkView(FilingHref(root, s), FilingTitle(s))).ToList()))
            .ToList();
    }

    private CompoundRow CompoundRowOf(string root, Compound c)
    {
        var stages = _graph.StagesOf(c.Slug);
        var stage = stages.Count > 0 ? stages[^1] : null;
        var events = _graph.EventsOf(EntityRef.Of(c));
        var latest = events.Count > 0 ? events[^1] : null;
        var partnerSlugs = c.Partners.Concat(events.Select(e => e.Event.Partner).OfType<string>());
        return new CompoundRow(
            root + "compounds/" + c.Slug + ".html",
            c.Name,
            c.CompoundKind ?? "",
            c.Target ?? "",
            c.Payload ?? "",
            stage?.Stage ?? "",
            stage is null ? "" : DisplayText.Date(stage.Date),
            latest is null ? "" : DisplayText.EventSummary(latest.Event, null, latest.Event.Partner is { } lp ? NameOf(new EntityRef(EntityKind.Partner, lp)) : null),
            latest is null ? "" : DisplayText.Date(latest.Date),
            EntityLinks(root, EntityKind.Partner, partnerSlugs));
    }

    private PartnerRow PartnerRowOf(string root, Partner p)
    {
        var r = EntityRef.Of(p);
        var ledger = _graph.LedgerOf(p.Slug);
        var compounds = _compoundsOfPartner.Value.GetValueOrDefault(p.Slug);
        var filings = FilingsOf(r);
        return new PartnerRow(
            root + "partners/" + p.Slug + ".html",
            p.Name,
            p.Relationship ?? "",
            compounds,
            filings.Count,
            ledger is { ReceivedUsd: > 0 } l ? DisplayText.Money(l.ReceivedUsd) : "",
            ledger is { PotentialMinUsd: > 0 } or { PotentialMaxUsd: > 0 } ? DisplayText.Amount(ledger.PotentialMinUsd, ledger.PotentialMaxUsd) : "",
            filings.Count > 0 ? DisplayText.Date(filings[^1].Meta.Date) : "");
    }

    // How many compounds name each partner, on their page or in one of their events: counted once for every partner row.
    private Dictionary<string, int> CountCompoundsOfPartners()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in _graph.Corpus.Compounds)
        {
            var partners = new HashSet<string>(c.Partners, StringComparer.Ordinal);
            partners.UnionWith(_graph.EventsOf(EntityRef.Of(c)).Select(e => e.Event.Partner).OfType<string>());
            foreach (var partner in partners)
            {
                counts[partner] = counts.GetValueOrDefault(partner) + 1;
            }
        }

        return counts;
    }

    private PersonRow PersonRowOf(string root, Person p)
    {
        var roles = RolesOf(root, p);
        var latest = roles.Count > 0 ? roles[^1] : null;
        var filings = FilingsOf(EntityRef.Of(p));
        return new PersonRow(
            root + "people/" + p.Slug + ".html",
            p.Name,
            latest is null ? "" : latest.Title + (latest.Organization.Length > 0 ? ", " + latest.Organization : ""),
            filings.Count > 0 ? DisplayText.Date(filings[^1].Meta.Date) : "",
            _graph.QuotesBy(p.Slug).Count,
            filings.Count);
    }
}
