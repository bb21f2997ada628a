using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Import;

/// <summary>
/// What the parser read from one filing: the front-matter facts the filing states (no entity keys; the Entities stage
/// adds compounds, partners, people, events and boilerplate) and the body as clean Markdown, held as UTF-8: every
/// filing's is held from Import to the end of Extract.
/// </summary>
public sealed record ParsedFiling(FilingFrontMatter Meta, Utf8Text Body)
{
    /// <summary>The page's file name without <c>.md</c>: <c>&lt;event_date&gt;-&lt;slug of title&gt;</c>.</summary>
    public string Slug => PageSlug(Meta);

    /// <summary>The page slug for any front-matter: event date (else the filing's other dates) and the title's slug.</summary>
    public static string PageSlug(FilingFrontMatter meta)
    {
        var date = meta.Date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "undated";
        return $"{date}-{Content.Slug.From(meta.Title)}";
    }
}
