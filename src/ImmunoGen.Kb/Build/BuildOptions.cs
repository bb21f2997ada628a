namespace ImmunoGen.Kb.Build;

/// <summary>What <c>kb build</c> reads and writes. Paths are relative to the working directory unless rooted.</summary>
public sealed record BuildOptions
{
    public static readonly BuildOptions Default = new();

    /// <summary>The content folder: raw/, filings/, compounds/, partners/, people/.</summary>
    public string ContentDirectory { get; init; } = "content";

    public string TemplatesDirectory { get; init; } = "templates";

    public string OutputDirectory { get; init; } = "site";

    /// <summary>
    /// Where the incremental-build manifest lives between builds. Defaults to <c>.kb-cache/</c> beside the content folder;
    /// deleting it only makes the next build a full one.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Ignore the manifest and rebuild everything (the output is the same either way).</summary>
    public bool Full { get; init; }

    /// <summary>Run <c>kb check</c> over the output after writing it.</summary>
    public bool Check { get; init; } = true;

    /// <summary>The public address the site is published at: used only where absolute URLs are required (feeds, sitemap).</summary>
    public string BaseUrl { get; init; } = "https://immunogen-kb.example/";

    /// <summary>Receives stage names and page counts while the build runs (a progress bar on a terminal).</summary>
    public IProgress<BuildProgress>? Progress { get; init; }

    public string ResolvedCacheDirectory =>
        CacheDirectory ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ContentDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", ".kb-cache");
}

/// <summary>One progress report: the stage running and how far it is.</summary>
public readonly record struct BuildProgress(string Stage, int Done, int Total);
