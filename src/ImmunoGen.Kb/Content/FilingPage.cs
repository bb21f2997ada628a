using ImmunoGen.Kb.Content.Yaml;
using ImmunoGen.Kb.Diagnostics;
using K = ImmunoGen.Kb.Content.FrontMatterKeys;

namespace ImmunoGen.Kb.Content;

/// <summary>Reads and writes <c>content/filings/*.md</c>: front-matter in a fixed key order, then the Markdown body.</summary>
public static class FilingPage
{
    public static string Write(FilingFrontMatter m, string body)
    {
        var y = new YamlWriter()
            .Scalar(K.Title, m.Title)
            .Scalar(K.Form, m.Form)
            .Scalar(K.Company, m.Company)
            .Scalar(K.FileNumber, m.FileNumber)
            .Scalar(K.EventDate, m.EventDate)
            .Scalar(K.PressReleaseDate, m.PressReleaseDate)
            .Scalar(K.SignedDate, m.SignedDate)
            .Scalar(K.AccessionNumber, m.AccessionNumber)
            .Scalar(K.FiledDate, m.FiledDate)
            .Scalar(K.Cik, m.Cik)
            .List(K.Items, m.Items, (w, i) => w.Scalar("number", i.Number).Scalar("title", i.Title))
            .List(K.Exhibits, m.Exhibits, (w, e) => w.Scalar("number", e.Number).Scalar("description", e.Description))
            .List(K.Signatories, m.Signatories, (w, s) => w.Scalar("name", s.Name).Scalar("title", s.Title))
            .List(K.Compounds, m.Compounds)
            .List(K.Partners, m.Partners)
            .List(K.People, m.People)
            .List(K.Events, m.Events, WriteEvent)
            .List(K.Boilerplate, m.Boilerplate);
        if (m.Source is { } src)
        {
            y.Map(K.Source, w => w.Scalar("path", src.Path).Scalar("sha256", src.Sha256));
        }

        return FrontMatterText.Join(y.ToString(), body);
    }

    private static void WriteEvent(YamlWriter w, FilingEvent e) =>
        w.Scalar("type", e.Type)
            .Scalar("date", e.Date)
            .Scalar("compound", e.Compound)
            .Scalar("partner", e.Partner)
            .Scalar("amount_usd", e.AmountUsd)
            .Scalar("amount_usd_max", e.AmountUsdMax)
            .Flag("potential", e.Potential)
            .Scalar("phase", e.Phase)
            .Scalar("detail", e.Detail)
            .Scalar("paragraph", e.Paragraph);

    /// <summary>Parses a filing page. Problems go to <paramref name="diagnostics"/>; null when the page cannot be used at all.</summary>
    /// <param name="path">Path relative to the content folder, used for the slug and in diagnostics.</param>
    /// <param name="displayPath">The path printed in diagnostics (defaults to <paramref name="path"/>).</param>
    /// <param name="cache">Front-matter read by an earlier build: a page whose front-matter text is found there is not parsed again.</param>
    public static Filing? Read(string path, string text, List<Diagnostic> diagnostics, string? displayPath = null, IFrontMatterCache? cache = null)
    {
        var shown = displayPath ?? path;
        var split = FrontMatterText.Split(text);
        if (split is not { } parts)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Content.MissingFrontMatter, shown, "page does not start with YAML front-matter between '---' lines", 1));
            return null;
        }

        var slug = Slug.FromFileName(path);
        path = path.Replace('\\', '/');
        var yamlSha256 = cache is null ? null : Fingerprint.Of(parts.Yaml);
        if (yamlSha256 is not null && cache!.Find(path, yamlSha256) is { } known)
        {
            return new Filing(slug, path, known, parts.Body, parts.BodyLine) { TextSha256 = Fingerprint.Of(text) };
        }

        var diagnosticsBefore = diagnostics.Count;
        var meta = ReadFrontMatter(parts.Yaml, shown, diagnostics);
        if (meta is null)
        {
            return null;
        }

        // Only a page that reads without a word of complaint is remembered, so every problem is reported on every build.
        if (yamlSha256 is not null && diagnostics.Count == diagnosticsBefore)
        {
            cache!.Add(path, yamlSha256, meta);
        }

        return new Filing(slug, path, meta, parts.Body, parts.BodyLine) { TextSha256 = Fingerprint.Of(text) };
    }

    /// <summary>
    /// A filing page read from its file's bytes without its body, when the cache knows its front-matter: nothing is decoded
    /// or parsed, and the result is what <see cref="Read(string, string, List{Diagnostic}, string?, IFrontMatterCache?)"/>
    /// gives for the decoded text, body left out. Null when the page is not plain UTF-8 (a byte order mark, an invalid
    /// sequence: decoding would change its text), has no front-matter, or its front-matter is not in the cache.
    /// </summary>
    public static Filing? ReadKnown(string path, ReadOnlySpan<byte> utf8, IFrontMatterCache cache)
    {
        if (!IsPlainUtf8(utf8) || FrontMatterText.Locate(utf8) is not { } at)
        {
            return null;
        }

        path = path.Replace('\\', '/');
        return cache.Find(path, Fingerprint.Of(utf8[at.YamlStart..at.YamlEnd])) is { } known
            ? new Filing(Slug.FromFileName(path), path, known, null, at.BodyLine) { TextSha256 = Fingerprint.Of(utf8) }
            : null;
    }

    /// <summary>
    /// Whether a page's bytes are the UTF-8 of the text reading them gives: valid UTF-8 without a byte order mark (which
    /// reading drops, or which names another encoding).
    /// </summary>
    public static bool IsPlainUtf8(ReadOnlySpan<byte> bytes) =>
        bytes is not ([0xEF, 0xBB, 0xBF, ..] or [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..]) && System.Text.Unicode.Utf8.IsValid(bytes);

    private static FilingFrontMatter? ReadFrontMatter(string yaml, string shown, List<Diagnostic> diagnostics)
    {
        var errorsBefore = diagnostics.Count(d => d.IsError);
        var y = YamlMap.Parse(yaml, shown, 1, diagnostics);
        if (y is null)
        {
            return null;
        }

        var meta = new FilingFrontMatter
        {
            Title = y.String(K.Title),
            Form = y.String(K.Form),
            Company = y.String(K.Company),
            FileNumber = y.String(K.FileNumber),
            EventDate = y.Date(K.EventDate),
            PressReleaseDate = y.Date(K.PressReleaseDate),
            SignedDate = y.Date(K.SignedDate),
            AccessionNumber = y.String(K.AccessionNumber),
            FiledDate = y.Date(K.FiledDate),
            Cik = y.String(K.Cik),
            Items = y.Maps(K.Items, i => Finish(i, new FilingItem(i.String("number") ?? "", i.String("title")))),
            Exhibits = y.Maps(K.Exhibits, e => Finish(e, new Exhibit(e.String("number") ?? "", e.String("description")))),
            Signatories = y.Maps(K.Signatories, s => Finish(s, s.String("name") is { } n ? new Signatory(n, s.String("title")) : null)),
            Compounds = y.Strings(K.Compounds),
            Partners = y.Strings(K.Partners),
            People = y.Strings(K.People),
            Events = y.Maps(K.Events, ReadEvent),
            Boilerplate = y.Strings(K.Boilerplate),
            Source = y.Map(K.Source) is { } s ? Finish(s, new SourceRef(s.String("path") ?? "", s.String("sha256") ?? "")) : null,
        };
        y.ReportUnknownKeys();
        return diagnostics.Count(d => d.IsError) > errorsBefore ? null : meta;
    }

    private static FilingEvent? ReadEvent(YamlMap e)
    {
        var type = e.String("type");
        if (type is null)
        {
            e.Error(DiagnosticCodes.Content.WrongType, "type", "an event needs a 'type'");
        }

        var ev = type is null
            ? null
            : new FilingEvent
            {
                Type = type,
                Date = e.Date("date"),
                Compound = e.String("compound"),
                Partner = e.String("partner"),
                AmountUsd = e.Long("amount_usd"),
                AmountUsdMax = e.Long("amount_usd_max"),
                Potential = e.Bool("potential"),
                Phase = e.String("phase"),
                Detail = e.String("detail"),
                Paragraph = e.String("paragraph"),
            };
        return Finish(e, ev);
    }

    private static T? Finish<T>(YamlMap map, T? value)
    {
        map.ReportUnknownKeys();
        return value;
    }
}

/// <summary>
/// Filing front-matter read by an earlier build. What a page's front-matter reads as depends only on its text (the slug
/// comes from the file name), so a page whose front-matter text is the same reads the same and need not be parsed again.
/// </summary>
public interface IFrontMatterCache
{
    /// <summary>The front-matter stored for this page and exactly the front-matter text with this SHA-256 (of its UTF-8), or null.</summary>
    FilingFrontMatter? Find(string path, string frontMatterSha256);

    /// <summary>Remembers front-matter just read, or just written (what reading it gives); called from many threads at once.</summary>
    void Add(string path, string frontMatterSha256, FilingFrontMatter meta);
}
