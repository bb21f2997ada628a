using System.Globalization;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Render;

public sealed partial class SiteRenderer
{
    // Index tables sort without JavaScript: each order is its own pre-rendered page (compounds/index.html, compounds/by-stage.html, …).
    private enum CompoundSort { Name, Stage, Latest }

    private enum PartnerSort { Name, Money, Latest }

    private enum PeopleSort { Name, Latest }

    private PageBytes RenderHome()
    {
        const string root = "";
        var dates = _filings.Select(f => f.Meta.Date).OfType<DateOnly>().ToList();
        var company = _filings.Select(f => f.Meta.Company).OfType<string>()
            .GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? "ImmunoGen, Inc.";
        var pipeline = _graph.Corpus.Compounds
            .Select(c => CompoundRowOf(root, c))
            .GroupBy(row => row.Stage.Length > 0 ? row.Stage : "Stage not reported")
            .OrderByDescending(g => StageChart.Rank(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PipelineGroup(g.Key, g.OrderBy(x => x.Name, StringComparer.OrdinalIgnoreCase).ToList()))
            .ToList();
        var latestEvents = _graph.Events.Reverse().Take(_options.LatestCount).Select(e => EventOf(root, e)).ToList();
        var latestFilings = _filings.AsEnumerable().Reverse().Take(_options.LatestCount).Select(f => RowOf(root, f)).ToList();
        var partners = _graph.Corpus.Partners
            .Select(p => (Partner: p, Received: _graph.LedgerOf(p.Slug)?.ReceivedUsd ?? 0, Potential: _graph.LedgerOf(p.Slug)?.PotentialMaxUsd ?? 0))
            .Where(x => x.Received > 0 || x.Potential > 0)
            .OrderByDescending(x => x.Received).ThenByDescending(x => x.Potential).ThenBy(x => x.Partner.Slug, StringComparer.Ordinal)
            .Take(_options.LatestCount)
            .Select(x => PartnerRowOf(root, x.Partner))
            .ToList();
        var first = dates.Count > 0 ? dates.Min() : (DateOnly?)null;
        var last = dates.Count > 0 ? dates.Max() : (DateOnly?)null;
        var description = $"{company}'s Form 8-K filings"
            + (first is null ? "" : $" from {DisplayText.Date(first)} to {DisplayText.Date(last)}")
            + $": {Plural(_filings.Count, "filing", "filings")}, {Plural(_graph.Corpus.Compounds.Count, "compound", "compounds")}, {Plural(_graph.Corpus.Partners.Count, "partner", "partners")}, linked and searchable.";
        var model = new HomeView(
            root,
            _options.SiteName,
            description,
            _options.SiteName,
            company,
            DisplayText.Date(first),
            DisplayText.Date(last),
            DisplayText.Iso(first),
            DisplayText.Iso(last),
            _filings.Count,
            _graph.Corpus.Compounds.Count,
            _graph.Corpus.Partners.Count,
            _graph.Corpus.People.Count,
            _graph.Events.Count,
            pipeline,
            latestEvents,
            latestFilings,
            partners);
        return Layout("home", root, _options.SiteName, description, model);
    }

    private PageBytes RenderCompoundIndex(CompoundSort sort)
    {
        const string root = "../";
        var rows = _graph.Corpus.Compounds.Select(c => (Compound: c, Row: _compoundRows.Value[c.Slug])).ToList();
        IOrderedEnumerable<(Compound Compound, CompoundRow Row)> ordered = sort switch
        {
            CompoundSort.Stage => rows.OrderByDescending(x => StageChart.Rank(x.Row.Stage)).ThenBy(x => x.Row.Name, StringComparer.OrdinalIgnoreCase),
            CompoundSort.Latest => rows.OrderByDescending(x => _graph.EventsOf(EntityRef.Of(x.Compound)).Select(e => e.Date).LastOrDefault() ?? DateOnly.MinValue).ThenBy(x => x.Row.Name, StringComparer.OrdinalIgnoreCase),
            _ => rows.OrderBy(x => x.Row.Name, StringComparer.OrdinalIgnoreCase),
        };
        ordered = ordered.ThenBy(x => x.Compound.Slug, StringComparer.Ordinal);
        var sorts = new List<NavLink>
        {
            new("index.html", "Name", sort == CompoundSort.Name),
            new("by-stage.html", "Stage", sort == CompoundSort.Stage),
            new("by-latest.html", "Latest event", sort == CompoundSort.Latest),
        };
        var heading = "Compounds";
        var title = sort switch { CompoundSort.Stage => "Compounds by stage", CompoundSort.Latest => "Compounds by latest event", _ => "Compounds" };
        var description = $"{Plural(rows.Count, "compound", "compounds")} with kind, target, payload, current stage, latest event and partners.";
        return Layout("compounds", root, title, description, new CompoundsIndexView(root, title, description, heading, sorts, ordered.Select(x => x.Row).ToList()));
    }

    private PageBytes RenderPartnerIndex(PartnerSort sort)
    {
        const string root = "../";
        var rows = _graph.Corpus.Partners.Select(p => (Partner: p, Row: PartnerRowOf(root, p))).ToList();
        IOrderedEnumerable<(Partner Partner, PartnerRow Row)> ordered = sort switch
        {
            PartnerSort.Money => rows.OrderByDescending(x => _graph.LedgerOf(x.Partner.Slug)?.ReceivedUsd ?? 0).ThenByDescending(x => _graph.LedgerOf(x.Partner.Slug)?.PotentialMaxUsd ?? 0).ThenBy(x => x.Row.Name, StringComparer.OrdinalIgnoreCase),
            PartnerSort.Latest => rows.OrderByDescending(x => FilingsOf(EntityRef.Of(x.Partner)).Select(f => f.Meta.Date).LastOrDefault() ?? DateOnly.MinValue).ThenBy(x => x.Row.Name, StringComparer.OrdinalIgnoreCase),
            _ => rows.OrderBy(x => x.Row.Name, StringComparer.OrdinalIgnoreCase),
        };
        ordered = ordered.ThenBy(x => x.Partner.Slug, StringComparer.Ordinal);
        var sorts = new List<NavLink>
        {
            new("index.html", "Name", sort == PartnerSort.Name),
            new("by-money.html", "Money received", sort == PartnerSort.Money),
            new("by-latest.html", "Latest filing", sort == PartnerSort.Latest),
        };
        var title = sort switch { PartnerSort.Money => "Partners by money received", PartnerSort.Latest => "Partners by latest filing", _ => "Partners" };
        var description = $"{Plural(rows.Count, "partner", "partners")} with the money received and potential, compounds and filings.";
        return Layout("partners", root, title, description, new PartnersIndexView(root, title, description, "Partners", sorts, ordered.Select(x => x.Row).ToList()));
    }

    private PageBytes RenderPeopleIndex(PeopleSort sort)
    {
        const string root = "../";
        var rows = _graph.Corpus.People.Select(p => (Person: p, Row: PersonRowOf(root, p))).ToList();
        IOrderedEnumerable<(Person Person, PersonRow Row)> ordered = sort switch
        {
            PeopleSort.Latest => rows.OrderByDescending(x => FilingsOf(EntityRef.Of(x.Person)).Select(f => f.Meta.Date).LastOrDefault() ?? DateOnly.MinValue).ThenBy(x => x.Row.Name, StringComparer.OrdinalIgnoreCase),
            _ => rows.OrderBy(x => x.Row.Name, StringComparer.OrdinalIgnoreCase),
        };
        ordered = ordered.ThenBy(x => x.Person.Slug, StringComparer.Ordinal);
        var sorts = new List<NavLink>
        {
            new("index.html", "Name", sort == PeopleSort.Name),
            new("by-latest.html", "Latest filing", sort == PeopleSort.Latest),
        };
        var title = sort == PeopleSort.Latest ? "People by latest filing" : "People";
        var description = $"{Plural(rows.Count, "person", "people")} named in the filings: officers, investors' contacts, investigators; with roles and quotes.";
        return Layout("people", root, title, description, new PeopleIndexView(root, title, description, "People", sorts, ordered.Select(x => x.Row).ToList()));
    }

    private PageBytes RenderTimeline()
    {
        const string root = "";
        var years = _graph.Events
            .GroupBy(e => e.Date?.Year.ToString(CultureInfo.InvariantCulture) ?? "Undated")
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => new EventYearGroup(g.Key, "y-" + Slug.From(g.Key), g.Reverse().Select(e => EventOf(root, e)).ToList()))
            .ToList();
        var description = $"Every dated event across the company — {Plural(_graph.Events.Count, "event", "events")}: licenses, fees, milestones, clinical starts and data — newest first.";
        return Layout("timeline", root, "Timeline", description, new TimelineView(root, "Timeline", description, _graph.Events.Count, years));
    }

    private PageBytes RenderGraph()
    {
        const string root = "";
        var drawing = EntityGraphDrawing.Build(_graph, root);
        var description = "How compounds, partners, targets and payloads connect; every node links to its page.";
        return Layout("graph", root, "Graph", description, new GraphView(root, "Graph", description, drawing.Svg, drawing.Targets, drawing.Payloads));
    }
}
