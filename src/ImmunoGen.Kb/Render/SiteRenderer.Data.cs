using System.Text;
using System.Text.Json;
using System.Xml;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;

namespace ImmunoGen.Kb.Render;

public sealed partial class SiteRenderer
{
    // A new settings object per document: XmlWriterSettings is mutable, so it is never shared.
    private static XmlWriterSettings XmlSettings() => new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    // LF on every platform; strings never hold a raw newline (JSON escapes control characters).
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The filings and events a feed lists: the newest of each.</summary>
    private (IEnumerable<Filing> Filings, IEnumerable<EventRecord> Events) FeedEntries(EntityRef? entity) =>
        ((entity is { } r ? FilingsOf(r) : _filings).AsEnumerable().Reverse().Take(_options.LatestCount),
         (entity is { } er ? _graph.EventsOf(er) : _graph.Events).Reverse().Take(_options.LatestCount));

    /// <summary>The dates of a feed's entries.</summary>
    private IEnumerable<DateOnly?> FeedDates(EntityRef entity)
    {
        var (filings, events) = FeedEntries(entity);
        return filings.Select(f => f.Meta.Date).Concat(events.Select(e => e.Date));
    }

    /// <summary>
    /// The Atom feed of the newest filings and events: the whole site's (<paramref name="entity"/> null) or one compound's
    /// or partner's. Ids are absolute URLs under <see cref="SiteOptions.BaseUrl"/>; <c>updated</c> is the newest entry's date, never the clock.
    /// </summary>
    private byte[] AtomFeed(EntityRef? entity)
    {
        var baseUrl = _options.NormalizedBaseUrl;
        var (filings, events) = FeedEntries(entity);
        var entries = filings
            .Select(f => (Date: f.Meta.Date, Id: baseUrl + "filings/" + f.Slug + ".html", Title: TitleOf(f), Summary: FilingSummary(f)))
            .Concat(events.Select(e =>
            {
                var view = EventOf("", e);
                var summary = DisplayText.EventSummary(
                    e.Event,
                    e.Event.Compound is { } c ? NameOf(new EntityRef(EntityKind.Compound, c)) : null,
                    e.Event.Partner is { } p ? NameOf(new EntityRef(EntityKind.Partner, p)) : null);
                return (e.Date, Id: baseUrl + view.EventHref, Title: summary, Summary: $"{summary} ({DisplayText.Date(e.Date)}), reported in “{FilingTitle(e.FilingSlug)}”." + (e.Event.Detail is { Length: > 0 } d ? " " + d : ""));
            }))
            .OrderByDescending(x => x.Date ?? DateOnly.MinValue)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();

        var selfPath = entity is { } se ? $"{se.Kind.Folder()}/{se.Slug}.xml" : "feed.xml";
        var pagePath = entity is { } pe ? pe.SitePath : "index.html";
        var title = entity is { } te ? $"{NameOf(te)} — {_options.SiteName}" : _options.SiteName;
        var updated = entries.Select(x => x.Date).FirstOrDefault(d => d is not null) ?? _lastDate;

        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, XmlSettings()))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteElementString("title", title);
            w.WriteElementString("id", baseUrl + selfPath);
            Link(w, baseUrl + selfPath, "self");
            Link(w, baseUrl + pagePath, null);
            w.WriteElementString("updated", AtomDate(updated));
            w.WriteStartElement("author");
            w.WriteElementString("name", _options.SiteName);
            w.WriteEndElement();
            foreach (var e in entries)
            {
                w.WriteStartElement("entry");
                w.WriteElementString("title", e.Title);
                w.WriteElementString("id", e.Id);
                Link(w, e.Id, null);
                w.WriteElementString("updated", AtomDate(e.Date));
                w.WriteElementString("summary", e.Summary);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        // The writer made UTF-8 without a BOM; the file ends with a newline.
        ms.WriteByte((byte)'\n');
        return ms.ToArray();

        static void Link(XmlWriter w, string href, string? rel)
        {
            w.WriteStartElement("link");
            if (rel is not null)
            {
                w.WriteAttributeString("rel", rel);
            }

            w.WriteAttributeString("href", href);
            w.WriteEndElement();
        }
    }

    private static string AtomDate(DateOnly? d) => (d ?? new DateOnly(1970, 1, 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static string FilingSummary(Filing f) =>
        $"Form {f.Meta.Form ?? "8-K"}, {DisplayText.Date(f.Meta.Date)}"
        + (f.Meta.Items.Count > 0 ? ", Items " + string.Join(", ", f.Meta.Items.Select(i => i.Number)) : "")
        + ".";

    /// <summary>Every HTML page except 404.html, as absolute URLs.</summary>
    private byte[] Sitemap()
    {
        var baseUrl = _options.NormalizedBaseUrl;
        var pages = Jobs().Select(j => j.Path).Where(p => p.EndsWith(".html", StringComparison.Ordinal) && p != "404.html");
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, XmlSettings()))
        {
            w.WriteStartDocument();
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var p in pages)
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", baseUrl + p);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        // The writer made UTF-8 without a BOM; the file ends with a newline.
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    private static PageBytes Json(Action<Utf8JsonWriter> write)
    {
        var bytes = new PageBytes();
        using (var w = new Utf8JsonWriter(bytes, JsonOptions))
        {
            write(w);
        }

        bytes.GetSpan(1)[0] = (byte)'\n';
        bytes.Advance(1);
        return bytes;
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Date(Utf8JsonWriter w, string name, DateOnly? value)
    {
        if (value is { } d)
        {
            w.WriteString(name, DisplayText.Iso(d));
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>data/filings.json: the facts of every filing, in date order, keys as in the front-matter.</summary>
    private PageBytes FilingsJson() => Json(w =>
    {
        w.WriteStartArray();
        foreach (var f in _filings)
        {
            var m = f.Meta;
            w.WriteStartObject();
            w.WriteString("slug", f.Slug);
            w.WriteString("url", "filings/" + f.Slug + ".html");
            Str(w, "title", m.Title);
            Str(w, "form", m.Form);
            Str(w, "company", m.Company);
            Str(w, "file_number", m.FileNumber);
            Date(w, "event_date", m.EventDate);
            Date(w, "press_release_date", m.PressReleaseDate);
            Date(w, "signed_date", m.SignedDate);
            Str(w, "accession_number", m.AccessionNumber);
            Date(w, "filed_date", m.FiledDate);
            Str(w, "cik", m.Cik);
            w.WriteStartArray("items");
            foreach (var i in m.Items)
            {
                w.WriteStartObject();
                w.WriteString("number", i.Number);
                Str(w, "title", i.Title);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("exhibits");
            foreach (var x in m.Exhibits)
            {
                w.WriteStartObject();
                w.WriteString("number", x.Number);
                Str(w, "description", x.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("signatories");
            foreach (var s in m.Signatories)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                Str(w, "title", s.Title);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Strings(w, "compounds", m.Compounds);
            Strings(w, "partners", m.Partners);
            Strings(w, "people", m.People);
            if (m.Source is { } src)
            {
                w.WriteStartObject("source");
                w.WriteString("path", src.Path);
                w.WriteString("sha256", src.Sha256);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary>data/events.json: every event, in date order, with its filing and provenance paragraph.</summary>
    private PageBytes EventsJson() => Json(w =>
    {
        w.WriteStartArray();
        foreach (var r in _graph.Events)
        {
            var e = r.Event;
            w.WriteStartObject();
            w.WriteString("type", e.Type);
            Date(w, "date", r.Date);
            w.WriteString("filing", r.FilingSlug);
            w.WriteString("url", EventOf("", r).EventHref);
            Str(w, "compound", e.Compound);
            Str(w, "partner", e.Partner);
            if (e.AmountUsd is { } a)
            {
                w.WriteNumber("amount_usd", a);
            }

            if (e.AmountUsdMax is { } b)
            {
                w.WriteNumber("amount_usd_max", b);
            }

            w.WriteBoolean("potential", e.Potential);
            Str(w, "phase", e.Phase);
            Str(w, "detail", e.Detail);
            Str(w, "paragraph", e.Paragraph);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary>data/entities.json: compounds (with stages), partners (with ledger totals) and people (with roles).</summary>
    private PageBytes EntitiesJson() => Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("compounds");
        foreach (var c in _graph.Corpus.Compounds)
        {
            w.WriteStartObject();
            Common(w, c);
            Str(w, "kind", c.CompoundKind);
            Str(w, "antibody", c.Antibody);
            Str(w, "target", c.Target);
            Str(w, "payload", c.Payload);
            Strings(w, "indications", c.Indications);
            Strings(w, "partners", c.Partners);
            Strings(w, "related", c.Related);
            w.WriteStartArray("stages");
            foreach (var s in _graph.StagesOf(c.Slug))
            {
                w.WriteStartObject();
                w.WriteString("stage", s.Stage);
                Date(w, "date", s.Date);
                w.WriteString("filing", s.FilingSlug);
                Str(w, "paragraph", s.Paragraph);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("partners");
        foreach (var p in _graph.Corpus.Partners)
        {
            w.WriteStartObject();
            Common(w, p);
            Strings(w, "former_names", p.FormerNames);
            Str(w, "parent", p.Parent);
            Str(w, "relationship", p.Relationship);
            if (_graph.LedgerOf(p.Slug) is { } l)
            {
                w.WriteNumber("received_usd", l.ReceivedUsd);
                w.WriteNumber("potential_min_usd", l.PotentialMinUsd);
                w.WriteNumber("potential_max_usd", l.PotentialMaxUsd);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("people");
        foreach (var p in _graph.Corpus.People)
        {
            w.WriteStartObject();
            Common(w, p);
            w.WriteStartArray("roles");
            foreach (var role in RolesOf("", p))
            {
                w.WriteStartObject();
                w.WriteString("title", role.Title);
                Str(w, "organization", role.Organization.Length > 0 ? role.Organization : null);
                w.WriteString("from", role.From);
                w.WriteString("to", role.To);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("quotes", _graph.QuotesBy(p.Slug).Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        void Common(Utf8JsonWriter jw, Entity e)
        {
            jw.WriteString("slug", e.Slug);
            jw.WriteString("url", EntityRef.Of(e).SitePath);
            jw.WriteString("name", e.Name);
            Strings(jw, "aliases", e.Aliases);
        }
    });
}
