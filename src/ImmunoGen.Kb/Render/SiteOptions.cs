namespace ImmunoGen.Kb.Render;

/// <summary>
/// How the site is rendered. Pages link to each other relatively, so they work from file://, under a sub-path and on any
/// host; only the Atom feeds and the sitemap need absolute URLs, and take them from <see cref="BaseUrl"/>.
/// </summary>
public sealed record SiteOptions
{
    /// <summary>The URL the site is published at, ending in <c>/</c>. Atom ids are built from it, so keep it stable once published.</summary>
    public string BaseUrl { get; init; } = "https://immunogen-kb.example/";

    /// <summary>The site's name, shown in the header and after every page title.</summary>
    public string SiteName { get; init; } = "ImmunoGen 8-K Knowledge Base";

    /// <summary>Folder whose files are copied to <c>site/assets/</c> (normally <c>templates/assets</c>); null copies nothing.</summary>
    public string? AssetsDirectory { get; init; }

    /// <summary>How many filings and events the home page and the feeds show.</summary>
    public int LatestCount { get; init; } = 10;

    public static SiteOptions Default { get; } = new();

    /// <summary><see cref="BaseUrl"/> with exactly one trailing slash.</summary>
    public string NormalizedBaseUrl => BaseUrl.TrimEnd('/') + "/";
}
