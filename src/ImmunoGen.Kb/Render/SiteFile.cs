namespace ImmunoGen.Kb.Render;

/// <summary>
/// One output file of the site. A rendered page holds its bytes in pooled chunks, written to disk as they are
/// (<see cref="Bytes"/>) and given back when the file is disposed.
/// </summary>
public sealed class SiteFile : IDisposable
{
    private readonly PageBytes? _pooled;
    private byte[]? _array;

    /// <param name="path">Relative to the site root, forward slashes: <c>compounds/sar3419.html</c>.</param>
    /// <param name="content">The exact bytes (UTF-8 without BOM for text).</param>
    public SiteFile(string path, byte[] content)
    {
        Path = path;
        _array = content;
    }

    internal SiteFile(string path, PageBytes content)
    {
        Path = path;
        _pooled = content;
    }

    /// <summary>Relative to the site root, forward slashes: <c>compounds/sar3419.html</c>.</summary>
    public string Path { get; }

    /// <summary>The exact bytes (UTF-8 without BOM for text), in one array: for a rendered page, copied on first use.</summary>
    public byte[] Content => _array ??= _pooled!.ToArray();

    /// <summary>The exact bytes, without copying them; valid until the file is disposed.</summary>
    public System.Buffers.ReadOnlySequence<byte> Bytes => _array is { } array ? new(array) : _pooled!.Sequence;

    public void Dispose() => _pooled?.Dispose();
}

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
