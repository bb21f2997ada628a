using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ImmunoGen.Kb.Render;

public sealed partial class SiteRenderer
{
    /// <summary>
    /// One pre-rendered view of the filings list. Filtering works without a server and without JavaScript because
    /// every facet value has its own static page: <c>filings/item-8-01.html</c>, <c>filings/partner-x.html</c>, <c>filings/compound-x.html</c>.
    /// </summary>
    /// <param name="Filings">The filings the page lists, in date order; found once, shared by the page and the counts every list page shows.</param>
    private sealed record FilingFacet(string Path, string Label, IReadOnlyList<Filing> Filings);

    private const string AllFilingsPath = "filings/index.html";

    private IEnumerable<FilingFacet> EnumerateFacets()
    {
        foreach (var item in _filings.SelectMany(f => f.Meta.Items).Select(i => i.Number).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var number = item;
            yield return new FilingFacet($"filings/item-{Slug.From(number)}.html", "Item " + number, _filings.Where(f => f.Meta.Items.Any(i => i.Number == number)).ToList());
        }

        // FilingsOf lists an entity's filings in the same date order as the full list.
        foreach (var p in _graph.Corpus.Partners)
        {
            if (FilingsOf(EntityRef.Of(p)) is { Count: > 0 } filings)
            {
                yield return new FilingFacet($"filings/partner-{p.Slug}.html", p.Name, filings);
            }
        }

        foreach (var c in _graph.Corpus.Compounds)
        {
            if (FilingsOf(EntityRef.Of(c)) is { Count: > 0 } filings)
            {
                yield return new FilingFacet($"filings/compound-{c.Slug}.html", c.Name, filings);
            }
        }
    }

    private PageBytes RenderFilingList(FilingFacet facet)
    {
        const string root = "../";
        var facets = _facets.Value;
        var selected = facet.Filings;
        var years = selected
            .GroupBy(f => f.Meta.Date?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Undated")
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => new YearGroup(g.Key, "y-" + Slug.From(g.Key), g.Reverse().Select(f => RowOf(root, f)).ToList()))
            .ToList();

        // Counts only on the full list: a facet page then reads nothing of other facets but their names, so one new
        // filing renders again the pages it is listed on, not all of them.
        var filtered = facet.Path != AllFilingsPath;
        NavLink Link(FilingFacet x) =>
            new(x.Path["filings/".Length..], x.Label, x.Path == facet.Path, filtered ? null : x.Filings.Count);

        var heading = filtered ? $"Filings: {facet.Label}" : "Filings";
        var title = heading;
        var description = filtered
            ? $"{Plural(selected.Count, "filing", "filings")} on {facet.Label}, newest first."
            : $"All {Plural(selected.Count, "Form 8-K filing", "Form 8-K filings")} in the knowledge base, newest first, grouped by year.";
        var model = new FilingsView(
            root,
            title,
            description,
            heading,
            facet.Label,
            filtered,
            selected.Count,
            years,
            facets.Where(f => f.Path.StartsWith("filings/item-", StringComparison.Ordinal)).Select(Link).ToList(),
            facets.Where(f => f.Path.StartsWith("filings/partner-", StringComparison.Ordinal)).Select(Link).ToList(),
            facets.Where(f => f.Path.StartsWith("filings/compound-", StringComparison.Ordinal)).Select(Link).ToList());
        return Layout("filings", root, title, description, model);
    }

    private PageBytes RenderFiling(Filing f)
    {
        const string root = "../";
        var m = f.Meta;
        var body = FilingBody.Parse(_graph.Corpus.BodyOf(f));
        _linker.Link(body.Document, root);
        // The body sits under the page's own "Text of the filing" heading, so its headings move one level down.
        foreach (var heading in body.Document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }

        // Repeated "About ImmunoGen" and safe-harbor paragraphs stay readable but recede.
        var boilerplate = m.Boilerplate.ToHashSet(StringComparer.Ordinal);
        foreach (var paragraph in body.Document.Descendants<ParagraphBlock>())
        {
            if (paragraph.GetAttributes().Id is { } pid && boilerplate.Contains(pid))
            {
                paragraph.GetAttributes().AddClass("boilerplate");
            }
        }

        var bodyHtml = RenderMarkdown(body.Document);

        var facts = new List<FactView>();
        void Fact(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add(new FactView(label, value));
            }
        }

        Fact("Form", m.Form);
        Fact("Company", m.Company);
        Fact("Commission file number", m.FileNumber);
        Fact("CIK", m.Cik);
        Fact("Date of earliest event", m.EventDate is { } ed ? DisplayText.Date(ed) : null);
        Fact("Press release", m.PressReleaseDate is { } pd ? DisplayText.Date(pd) : null);
        Fact("Signed", m.SignedDate is { } sd ? DisplayText.Date(sd) : null);
        Fact("Filed", m.FiledDate is { } fd ? DisplayText.Date(fd) : null);
        Fact("Accession number", m.AccessionNumber);

        var index = _filingIndex[f.Slug];
        LinkView? Neighbour(int i) =>
            i >= 0 && i < _filings.Count ? new LinkView(_filings[i].Slug + ".html", TitleOf(_filings[i])) : null;

        var events = m.Events
            .Select(e => EventOf(root, new Link.EventRecord(e, f.Slug, e.Date ?? m.Date)))
            .ToList();
        var quotes = _quotesIn.Value[f.Slug]
            .Select(q => QuoteOf(root, q))
            .ToList();
        var people = m.People.Concat(m.Signatories.Select(s => _graph.Registry.Resolve(s.Name)).Where(r => r?.Kind == EntityKind.Person).Select(r => r!.Value.Slug));

        var title = TitleOf(f);
        var description = $"Form {m.Form ?? "8-K"} filed by {m.Company ?? "ImmunoGen, Inc."} for {DisplayText.Date(m.Date)}"
            + (m.Items.Count > 0 ? $" (Items {string.Join(", ", m.Items.Select(i => i.Number))})" : "") + ": " + title;
        var model = new FilingView(
            root,
            title,
            description,
            DisplayText.Date(m.Date),
            DisplayText.Iso(m.Date),
            facts,
            m.Items.Select(i => new FactView(i.Number, i.Title ?? "")).ToList(),
            m.Exhibits.Select(x => new FactView(x.Number, x.Description ?? "")).ToList(),
            m.Signatories.Select(s => new SignatoryView(
                s.Name,
                _graph.Registry.Resolve(s.Name) is { Kind: EntityKind.Person } r && _graph.Entity(r) is not null ? root + r.SitePath : null,
                s.Title ?? "")).ToList(),
            m.Source?.Path ?? "",
            m.Source?.Sha256 ?? "",
            EntityLinks(root, EntityKind.Compound, m.Compounds),
            EntityLinks(root, EntityKind.Partner, m.Partners),
            EntityLinks(root, EntityKind.Person, people),
            events,
            quotes,
            bodyHtml,
            Neighbour(index - 1),
            Neighbour(index + 1));
        return Layout("filing", root, title, description, model);
    }

    private static string RenderMarkdown(MarkdownDocument document)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer);
        MarkdownPipelines.Body.Setup(renderer);
        renderer.Render(DefuseLinks(document));
        writer.Flush();
        return NormalizeNewlines(writer.ToString());
    }
}
