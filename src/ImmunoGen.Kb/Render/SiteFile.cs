namespace ImmunoGen.Kb.Render;

/// <summary>One output file of the site.</summary>
/// <param name="Path">Relative to the site root, forward slashes: <c>compounds/sar3419.html</c>.</param>
/// <param name="Content">The exact bytes (UTF-8 without BOM for text).</param>
public sealed record SiteFile(string Path, byte[] Content);

/// <summary>
/// One output file not rendered yet. Jobs are independent of each other, so a build can render them in parallel and
/// write each as it comes; <see cref="Render"/> is deterministic and may throw <see cref="TemplateRenderException"/>.
/// </summary>
public sealed record SitePageJob(string Path, Func<SiteFile> Render)
{
    /// <summary>
    /// What the page reads of the corpus beyond its own filing or entity's filings and the entity pages (the years a
    /// stage chart spans, the date a feed with no dated entry falls back on, a partner's compounds' rows, the facet
    /// names of a filter menu), as text or a hash of it, so that an incremental build renders it again when that changes;
    /// null when it reads nothing of the kind.
    /// </summary>
    public string? CorpusInputs { get; init; }

    /// <summary>
    /// The filings a list page shows, by slug, when it shows nothing else of the corpus but <see cref="CorpusInputs"/>
    /// and entity names: such a page is rendered again only when one of them, or those, change. Null for other pages.
    /// </summary>
    public IReadOnlyList<string>? ListedFilings { get; init; }
}
