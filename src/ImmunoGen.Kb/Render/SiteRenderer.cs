using System.Collections.Concurrent;
using System.Text;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;

namespace ImmunoGen.Kb.Render;

/// <summary>
/// Turns the knowledge graph into the static site. <see cref="Jobs"/> lists every output file as an independent job, so
/// a build of 10,000 filings renders them in parallel and writes each as it comes; <see cref="RenderAll"/> does it in
/// one go. Output bytes depend only on the graph, the templates and the options: no clocks, sorted everywhere.
/// </summary>
public sealed partial class SiteRenderer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ITemplateSet _templates;
    private readonly KnowledgeGraph _graph;
    private readonly SiteOptions _options;
    private readonly BodyLinker _linker;
    private readonly List<Filing> _filings;
    private readonly Dictionary<string, int> _filingIndex;
    private readonly ConcurrentDictionary<string, HashSet<string>> _anchors = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<EntityRef, List<Filing>>> _filingsOf;
    private readonly Lazy<ILookup<string, Quote>> _quotesIn;
    private readonly Lazy<List<FilingFacet>> _facets;
    private readonly Lazy<List<SitePageJob>> _jobs;
    private readonly Lazy<FilingRow[]> _rows;
    private readonly Lazy<Dictionary<string, CompoundRow>> _compoundRows;
    private readonly Lazy<Dictionary<string, int>> _compoundsOfPartner;
    private readonly Func<Filing, IReadOnlyList<string>> _blockIdsOf;
    private readonly DateOnly? _lastDate;
    private readonly (int First, int Last)? _corpusYears;

    /// <param name="blockIdsOf">
    /// The ids of a filing's blocks (the anchors links may point at), when the pipeline keeps them between builds;
    /// null parses each body here.
    /// </param>
    public SiteRenderer(ITemplateSet templates, KnowledgeGraph graph, SiteOptions options, Func<Filing, IReadOnlyList<string>>? blockIdsOf = null)
    {
        _templates = templates;
        _graph = graph;
        _options = options;
        _linker = new BodyLinker(graph.Registry);
        _filings = graph.Corpus.Filings
            .OrderBy(f => f.Meta.Date ?? DateOnly.MaxValue)
            .ThenBy(f => f.Slug, StringComparer.Ordinal)
            .ToList();
        _filingIndex = [];
        for (var i = 0; i < _filings.Count; i++)
        {
            _filingIndex[_filings[i].Slug] = i;
        }

        _lastDate = _filings.Select(f => f.Meta.Date).LastOrDefault(d => d is not null);
        _corpusYears = _filings.Select(f => f.Meta.Date).FirstOrDefault(d => d is not null) is { } first && _lastDate is { } last ? (first.Year, last.Year) : null;
        _blockIdsOf = blockIdsOf ?? (f => FilingBody.BlockIds(graph.Corpus.BodyOf(f)));
        _filingsOf = new Lazy<Dictionary<EntityRef, List<Filing>>>(CollectFilingsOf);
        _quotesIn = new Lazy<ILookup<string, Quote>>(() => graph.Quotes.ToLookup(q => q.FilingSlug, StringComparer.Ordinal));
        // Facets and their filings are found once and shared by every filings list page (473 of them at 10,000 filings).
        _facets = new Lazy<List<FilingFacet>>(() => EnumerateFacets().ToList());
        _jobs = new Lazy<List<SitePageJob>>(MakeJobs);
        _rows = new Lazy<FilingRow[]>(() => _filings.Select(f => NewRow(NestedRoot, f)).ToArray());
        // A compound's row shows on the compound indexes and on each of its partners' pages, all one folder down.
        _compoundRows = new Lazy<Dictionary<string, CompoundRow>>(() => graph.Corpus.Compounds.ToDictionary(c => c.Slug, c => CompoundRowOf(NestedRoot, c), StringComparer.Ordinal));
        _compoundsOfPartner = new Lazy<Dictionary<string, int>>(CountCompoundsOfPartners);
    }

    /// <summary>The page templates the renderer uses; <c>base</c> wraps every page.</summary>
    public static readonly IReadOnlyList<string> RequiredTemplates =
        ["base", "home", "filings", "filing", "compounds", "compound", "partners", "partner", "people", "person", "timeline", "graph", "search", "not-found"];

    /// <summary>A KB4003 diagnostic for each template in <see cref="RequiredTemplates"/> the set lacks; check before rendering.</summary>
    public static IReadOnlyList<Diagnostic> MissingTemplates(ITemplateSet templates, string templatesDirectory = "templates") =>
        RequiredTemplates
            .Where(t => !templates.Has(t))
            .Select(t => Diagnostic.Error(DiagnosticCodes.Render.MissingTemplate, $"{templatesDirectory.TrimEnd('/')}/layouts/{t}.hbs", $"the site needs the page template '{t}'"))
            .ToList();

    /// <summary>
    /// Renders one job; a template failure (KB4004) or a filing page that cannot be read again (KB2008) becomes a
    /// diagnostic and null instead of an exception.
    /// </summary>
    public static SiteFile? TryRender(SitePageJob job, DiagnosticBag diagnostics)
    {
        try
        {
            return job.Render();
        }
        catch (TemplateRenderException ex)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Render.RenderFailed, job.Path, $"cannot render: {ex.Message}"));
            return null;
        }
        catch (PageReadException ex)
        {
            diagnostics.Add(ex.ToDiagnostic($"{job.Path} is not rendered"));
            return null;
        }
    }

    /// <summary>Every output file of the site as an independent job, in path order; made once (the sitemap lists them too).</summary>
    public IReadOnlyList<SitePageJob> Jobs() => _jobs.Value;

    private List<SitePageJob> MakeJobs()
    {
        var jobs = new List<SitePageJob>
        {
            Page("index.html", RenderHome),
            Page(AllFilingsPath, () => RenderFilingList(new FilingFacet(AllFilingsPath, "", _filings))),
            Page("compounds/index.html", () => RenderCompoundIndex(CompoundSort.Name)),
            Page("compounds/by-stage.html", () => RenderCompoundIndex(CompoundSort.Stage)),
            Page("compounds/by-latest.html", () => RenderCompoundIndex(CompoundSort.Latest)),
            Page("partners/index.html", () => RenderPartnerIndex(PartnerSort.Name)),
            Page("partners/by-money.html", () => RenderPartnerIndex(PartnerSort.Money)),
            Page("partners/by-latest.html", () => RenderPartnerIndex(PartnerSort.Latest)),
            Page("people/index.html", () => RenderPeopleIndex(PeopleSort.Name)),
            Page("people/by-latest.html", () => RenderPeopleIndex(PeopleSort.Latest)),
            Page("timeline.html", RenderTimeline),
            Page("graph.html", RenderGraph),
            Page("search.html", () => RenderSimple("search", "", "Search", "Search filings, compounds, partners and people.")),
            Page("404.html", () => RenderSimple("not-found", "", "Page not found", "The page you asked for is not in the knowledge base.")),
            Page("feed.xml", () => AtomFeed(null)),
            Page("sitemap.xml", Sitemap),
            Text("robots.txt", () => $"User-agent: *\nAllow: /\nSitemap: {_options.NormalizedBaseUrl}sitemap.xml\n"),
            Page("data/filings.json", FilingsJson),
            Page("data/entities.json", EntitiesJson),
            Page("data/events.json", EventsJson),
        };

        // A facet page shows its filings and the names of all facets (its filter menu).
        var menu = string.Join('\n', _facets.Value.Select(f => $"{f.Path}|{f.Label}"));
        foreach (var facet in _facets.Value)
        {
            jobs.Add(Page(facet.Path, () => RenderFilingList(facet)) with { CorpusInputs = menu, ListedFilings = facet.Filings.Select(f => f.Slug).ToList() });
        }

        foreach (var f in _filings)
        {
            jobs.Add(Page($"filings/{f.Slug}.html", () => RenderFiling(f)));
        }

        foreach (var c in _graph.Corpus.Compounds)
        {
            // The stage chart spans the corpus' years, whatever the compound's own are.
            jobs.Add(Page($"compounds/{c.Slug}.html", () => RenderCompound(c)) with { CorpusInputs = _graph.StagesOf(c.Slug).Count > 0 ? $"{_corpusYears}" : null });
            jobs.Add(Feed(EntityRef.Of(c)));
        }

        foreach (var p in _graph.Corpus.Partners)
        {
            var compounds = CompoundRowsOf(p);
            jobs.Add(Page($"partners/{p.Slug}.html", () => RenderPartner(p, compounds)) with { CorpusInputs = CompoundRowsFingerprint(compounds) });
            jobs.Add(Feed(EntityRef.Of(p)));
        }

        foreach (var p in _graph.Corpus.People)
        {
            jobs.Add(Page($"people/{p.Slug}.html", () => RenderPerson(p)));
        }

        if (_options.AssetsDirectory is { } assets && Directory.Exists(assets))
        {
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(assets, file).Replace('\\', '/');
                if (rel.Split('/').Any(part => part.StartsWith('.')))
                {
                    continue;
                }

                var path = "assets/" + rel;
                jobs.Add(new SitePageJob(path, () => new SiteFile(path, File.ReadAllBytes(file))));
            }
        }

        return jobs
            .GroupBy(j => j.Path, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(j => j.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Renders every job, in parallel, and returns the files in path order.</summary>
    public IReadOnlyList<SiteFile> RenderAll()
    {
        var jobs = Jobs();
        var files = new SiteFile[jobs.Count];
        Parallel.For(0, jobs.Count, i => files[i] = jobs[i].Render());
        return files;
    }

    private static SitePageJob Text(string path, Func<string> render) =>
        new(path, () => new SiteFile(path, Utf8.GetBytes(render())));

    /// <summary>A file whose renderer makes its exact bytes (feeds, the sitemap).</summary>
    private static SitePageJob Page(string path, Func<byte[]> render) =>
        new(path, () => new SiteFile(path, render()));

    /// <summary>A file rendered into pooled chunks (pages, data files).</summary>
    private static SitePageJob Page(string path, Func<PageBytes> render) =>
        new(path, () => new SiteFile(path, render()));

    // A feed with no dated entry says it was updated on the corpus' last date.
    private SitePageJob Feed(EntityRef r) =>
        Page($"{r.Kind.Folder()}/{r.Slug}.xml", () => AtomFeed(r)) with { CorpusInputs = FeedDates(r).Any(d => d is not null) ? null : $"{_lastDate}" };

    /// <summary>"" for top-level pages, "../" for pages one folder down.</summary>
    private static string RootOf(string path) => string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));

    // Stands in for the page body when base.hbs is rendered on its own; '<' is escaped by {{body}}, so the stand-in
    // shows up verbatim only where the body is emitted raw ({{{body}}}).
    private const string BodySlot = "\u0001<kb-page-body/>\u0001";

    /// <summary>
    /// Renders the page's own template, then base.hbs around it, as the page's UTF-8 bytes with LF newlines. The base is
    /// rendered first around a stand-in and split there; the page template then writes straight into the output between
    /// the two halves, so a 10 MB list never becomes a string. When the base does not place the body exactly once, raw,
    /// or the body comes out empty (<c>{{#if body}}</c> would differ), the page is rendered the plain way: same bytes.
    /// </summary>
    private PageBytes Layout(string template, string root, string title, string description, object model, string? feedHref = null, string? feedTitle = null)
    {
        if (!_templates.Has(template))
        {
            throw new TemplateRenderException(template, $"no template 'layouts/{template}.hbs'");
        }

        var nav = new List<NavLink>
        {
            new(root + "filings/index.html", "Filings", template is "filings" or "filing"),
            new(root + "compounds/index.html", "Compounds", template is "compounds" or "compound"),
            new(root + "partners/index.html", "Partners", template is "partners" or "partner"),
            new(root + "people/index.html", "People", template is "people" or "person"),
            new(root + "timeline.html", "Timeline", template is "timeline"),
            new(root + "graph.html", "Graph", template is "graph"),
            new(root + "search.html", "Search", template is "search"),
        };
        var fullTitle = template == "home" ? _options.SiteName : $"{title} — {_options.SiteName}";
        LayoutView Frame(string body) => new(
            root,
            fullTitle,
            description,
            _options.SiteName,
            body,
            nav,
            feedHref ?? root + "feed.xml",
            feedTitle ?? _options.SiteName + " — latest filings and events");

        var framed = _templates.Render("base", Frame(BodySlot));
        var slot = framed.IndexOf(BodySlot, StringComparison.Ordinal);
        if (slot >= 0 && framed.IndexOf(BodySlot, slot + BodySlot.Length, StringComparison.Ordinal) < 0)
        {
            using var page = new Utf8PageWriter();
            page.Write(framed.AsSpan(0, slot));
            var before = page.CharsWritten;
            _templates.Render(template, model, page);
            if (page.CharsWritten > before)
            {
                page.Write(framed.AsSpan(slot + BodySlot.Length));
                return page.Detach();
            }
        }

        // The writer makes CRLF LF (see NormalizeNewlines).
        using var plain = new Utf8PageWriter();
        plain.Write(_templates.Render("base", Frame(_templates.Render(template, model))));
        return plain.Detach();
    }

    // Templates may be saved with CRLF on some machines; the output is byte-identical everywhere.
    private static string NormalizeNewlines(string html) => html.Contains('\r') ? html.Replace("\r\n", "\n") : html;

    private PageBytes RenderSimple(string template, string root, string title, string description) =>
        Layout(template, root, title, description, new SimpleView(root, title, description));

    // ---- shared lookups ----

    // Filings tied to an entity: named in its front-matter lists, in an event, or in a (non-boilerplate or boilerplate) mention.
    private Dictionary<EntityRef, List<Filing>> CollectFilingsOf()
    {
        var sets = new Dictionary<EntityRef, HashSet<string>>();
        void Add(EntityRef r, string slug)
        {
            if (!sets.TryGetValue(r, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                sets[r] = set;
            }

            set.Add(slug);
        }

        foreach (var f in _filings)
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

            foreach (var e in f.Meta.Events)
            {
                if (e.Compound is { } c)
                {
                    Add(new EntityRef(EntityKind.Compound, c), f.Slug);
                }

                if (e.Partner is { } p)
                {
                    Add(new EntityRef(EntityKind.Partner, p), f.Slug);
                }
            }
        }

        foreach (var m in _graph.Mentions)
        {
            if (_filingIndex.ContainsKey(m.FilingSlug))
            {
                Add(m.Entity, m.FilingSlug);
            }
        }

        return sets.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderBy(s => _filingIndex[s]).Select(s => _filings[_filingIndex[s]]).ToList());
    }

    private List<Filing> FilingsOf(EntityRef r) => _filingsOf.Value.GetValueOrDefault(r) ?? [];

    /// <summary>Link to a filing, at the paragraph when the filing really has it (else to the page, never to a dead anchor).</summary>
    private string FilingHref(string root, string filingSlug, string? anchor = null)
    {
        var href = root + "filings/" + filingSlug + ".html";
        return anchor is { Length: > 0 } a && AnchorsOf(filingSlug) is { } ids && ids.Contains(a)
            ? href + "#" + a
            : href;
    }

    // A filing's anchors, found when a page first links into it: pages render in parallel, and each waits only for the
    // filings it links to, never for all of them.
    private HashSet<string>? AnchorsOf(string filingSlug) =>
        _filingIndex.TryGetValue(filingSlug, out var i)
            ? _anchors.GetOrAdd(filingSlug, _ => _blockIdsOf(_filings[i]).ToHashSet(StringComparer.Ordinal))
            : null;

    private string FilingTitle(string slug) => _graph.Filing(slug) is { } f ? TitleOf(f) : slug;

    private static string TitleOf(Filing f) => f.Meta.Title is { Length: > 0 } t ? t : $"Form {f.Meta.Form ?? "8-K"} of {DisplayText.Date(f.Meta.Date)}";

    private string NameOf(EntityRef r) => _graph.Entity(r)?.Name ?? r.Slug;

    /// <summary>A link to an entity page, or null when the entity has no page (never a dead link).</summary>
    private LinkView? EntityLink(string root, EntityRef r) =>
        _graph.Entity(r) is { } e ? new LinkView(root + r.SitePath, e.Name) : null;

    private List<LinkView> EntityLinks(string root, EntityKind kind, IEnumerable<string> slugs) =>
        slugs.Distinct(StringComparer.Ordinal)
            .Select(s => EntityLink(root, new EntityRef(kind, s)))
            .OfType<LinkView>()
            .ToList();

    private EventView EventOf(string root, EventRecord r)
    {
        var e = r.Event;
        var filing = _graph.Filing(r.FilingSlug);
        var index = filing is null ? 0 : IndexOf(filing.Meta.Events, e) + 1;
        var id = $"event-{index}";
        var compound = e.Compound is { } c ? EntityLink(root, new EntityRef(EntityKind.Compound, c)) : null;
        var partner = e.Partner is { } p ? EntityLink(root, new EntityRef(EntityKind.Partner, p)) : null;
        return new EventView(
            id,
            DisplayText.Date(r.Date),
            DisplayText.Iso(r.Date),
            DisplayText.EventType(e.Type),
            e.Type.Replace('_', '-'),
            DisplayText.Phase(e.Phase),
            compound ?? (e.Compound is { } cn ? new LinkView("", cn) : null),
            partner ?? (e.Partner is { } pn ? new LinkView("", pn) : null),
            DisplayText.Amount(e.AmountUsd, e.AmountUsdMax),
            e.Potential,
            e.Detail ?? "",
            new LinkView(FilingHref(root, r.FilingSlug, e.Paragraph), FilingTitle(r.FilingSlug)),
            root + "filings/" + r.FilingSlug + ".html#" + id);
    }

    // Reference equality first: two identical events in one filing still get distinct anchors.
    private static int IndexOf(IReadOnlyList<FilingEvent> events, FilingEvent e)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (ReferenceEquals(events[i], e))
            {
                return i;
            }
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] == e)
            {
                return i;
            }
        }

        return 0;
    }

    // Pages one folder down: every filings list, partner and person page lists filings with the same rows.
    private const string NestedRoot = "../";

    /// <summary>A filing's row in a list. Rows for pages one folder down are made once: a filing shows on ~20 list pages.</summary>
    private FilingRow RowOf(string root, Filing f) =>
        root == NestedRoot && _filingIndex.TryGetValue(f.Slug, out var i) && ReferenceEquals(_filings[i], f)
            ? _rows.Value[i]
            : NewRow(root, f);

    private FilingRow NewRow(string root, Filing f) => new(
        root + "filings/" + f.Slug + ".html",
        TitleOf(f),
        DisplayText.Date(f.Meta.Date),
        DisplayText.Iso(f.Meta.Date),
        string.Join(", ", f.Meta.Items.Select(i => i.Number).Where(n => n.Length > 0)),
        EntityLinks(root, EntityKind.Compound, f.Meta.Compounds),
        EntityLinks(root, EntityKind.Partner, f.Meta.Partners));

    private QuoteView QuoteOf(string root, Quote q) => new(
        q.Text,
        DisplayText.Date(q.Date),
        DisplayText.Iso(q.Date),
        EntityLink(root, new EntityRef(EntityKind.Person, q.PersonSlug)) ?? new LinkView("", q.PersonSlug),
        new LinkView(FilingHref(root, q.FilingSlug, q.Paragraph), FilingTitle(q.FilingSlug)),
        EntityLinks(root, EntityKind.Compound, q.Compounds));

    private string ProseHtml(Entity e)
    {
        if (string.IsNullOrWhiteSpace(e.Body))
        {
            return "";
        }

        var doc = Markdig.Markdown.Parse(e.Body, MarkdownPipelines.Body);
        return NormalizeNewlines(Markdig.Markdown.ToHtml(DefuseLinks(doc), MarkdownPipelines.Body));
    }

    /// <summary>
    /// Prose is data: a Markdown link may not run script (javascript:, data:, vbscript: become "#"), and an image from
    /// another host becomes a plain link to it, so no page loads anything from outside the site.
    /// </summary>
    internal static Markdig.Syntax.MarkdownDocument DefuseLinks(Markdig.Syntax.MarkdownDocument doc)
    {
        foreach (var link in Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.Inlines.LinkInline>(doc))
        {
            var url = new string((link.Url ?? "").Where(c => c > ' ').ToArray());
            var colon = url.IndexOf(':', StringComparison.Ordinal);
            var slash = url.IndexOfAny(['/', '?', '#']);
            var scheme = colon > 0 && (slash < 0 || slash > colon) ? url[..colon].ToLowerInvariant() : null;
            if (scheme is not (null or "http" or "https" or "mailto"))
            {
                link.Url = "#";
            }
            else if (link.IsImage && (scheme is not null || url.StartsWith("//", StringComparison.Ordinal)))
            {
                link.IsImage = false;
            }
        }

        return doc;
    }

    private static string Plural(int n, string one, string many) => DisplayText.Count(n, one, many);
}
