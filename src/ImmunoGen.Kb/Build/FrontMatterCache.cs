using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// The front-matter of every filing page as the last build read it, in the cache folder (<c>pages/</c>), keyed by the
/// page and the SHA-256 of its front-matter text: linking then parses the YAML of new and changed pages only. Valid only
/// for the tool that made it (<see cref="BuildManifest.ToolIdentity"/>).
/// </summary>
internal sealed class FrontMatterCache(string cacheDirectory, string tool, bool reuse) : IFrontMatterCache
{
    private readonly ContentFileCache<FilingFrontMatter> _pages = new(Path.Combine(cacheDirectory, "pages"), tool, CacheCodecs.FrontMatter, reuse);

    public FilingFrontMatter? Find(string path, string frontMatterSha256) => _pages.Find(path, frontMatterSha256);

    public void Add(string path, string frontMatterSha256, FilingFrontMatter meta) => _pages.Put(path, frontMatterSha256, meta);

    /// <summary>Writes what changed; a warning when some of it cannot be written.</summary>
    public Diagnostic? Save() => _pages.Save("front-matter cache", "reads every filing page again");
}
