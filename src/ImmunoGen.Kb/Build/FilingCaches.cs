using System.Text;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Import;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// The build's per-filing caches in the cache folder (<c>parses/</c>, <c>analyses/</c>, <c>generated/</c>): each raw
/// file's parse, analysis and the hash of the page generated from them, so that a build in which one raw file is new
/// parses, analyzes and generates the page of that one only. All are valid only for the tool that made them
/// (<see cref="BuildManifest.ToolIdentity"/>).
/// </summary>
/// <remarks>
/// A parse is keyed by the raw file's SHA-256 and the path its diagnostics print. An analysis is keyed by the raw
/// file's SHA-256, because the front-matter and body the analyzer reads come from those bytes alone, and by
/// <see cref="RegistryFingerprint"/>, because recognition depends on every entity page. A generated page is made from
/// the parse and the analysis, so it is keyed as the analysis is.
/// </remarks>
internal sealed class FilingCaches : IParseCache
{
    private readonly ContentFileCache<RawParse> _parses;
    private readonly ContentFileCache<FilingAnalysis> _analyses;
    private readonly ContentFileCache<string> _generated;

    /// <param name="reuse">False to start empty (<c>kb build --full</c>): nothing is read, everything is stored afresh.</param>
    public FilingCaches(string cacheDirectory, string tool, bool reuse)
    {
        _parses = new ContentFileCache<RawParse>(Path.Combine(cacheDirectory, "parses"), tool, CacheCodecs.Parse, reuse);
        _analyses = new ContentFileCache<FilingAnalysis>(Path.Combine(cacheDirectory, "analyses"), tool, CacheCodecs.Analysis, reuse);
        _generated = new ContentFileCache<string>(Path.Combine(cacheDirectory, "generated"), tool, CacheCodecs.Text, reuse);
    }

    public RawParse? Find(string rawPath, string shown, string sha256) => _parses.Find(rawPath, ParseKey(shown, sha256));

    public void Add(RawParse parse)
    {
        if (parse.Sha is { } sha)
        {
            _parses.Put(parse.Rel, ParseKey(parse.Shown, sha), parse);
        }
    }

    /// <summary>The analysis stored for this filing's bytes under the registry with <paramref name="registry"/> as its fingerprint, or null.</summary>
    public FilingAnalysis? FindAnalysis(ImportedFiling filing, string registry) =>
        _analyses.Find(filing.RawPath, AnalysisKey(filing, registry));

    public void AddAnalysis(ImportedFiling filing, string registry, FilingAnalysis analysis) =>
        _analyses.Put(filing.RawPath, AnalysisKey(filing, registry), analysis);

    /// <summary>The hashes of the pages generated from filings enriched with their analysis under the registry with <paramref name="registry"/> as its fingerprint.</summary>
    public IGeneratedPageCache GeneratedPages(string registry) => new GeneratedPageCache(_generated, registry);

    /// <summary>Writes what changed; a warning when some of it cannot be written.</summary>
    public Diagnostic? Save()
    {
        const string Name = "parse and analysis cache", Consequence = "parses and analyzes again what it cannot find";
        var parses = _parses.Save(Name, Consequence);
        var analyses = _analyses.Save(Name, Consequence);
        var generated = _generated.Save(Name, Consequence);
        return parses ?? analyses ?? generated;
    }

    /// <summary>
    /// A hash of everything in the registry the analyzer can read: each entity's kind, slug and front-matter (name,
    /// aliases, former names and the rest). The prose below the front-matter is left out: editing it changes no analysis.
    /// </summary>
    public static string RegistryFingerprint(EntityRegistry registry)
    {
        var text = new StringBuilder();
        foreach (var entity in registry.Entities)
        {
            text.Append(EntityRef.Of(entity)).Append('\n').Append(EntityPage.Write(entity with { Body = "" })).Append('\0');
        }

        return Fingerprint.Of(text.ToString());
    }

    private static string ParseKey(string shown, string sha256) => $"{sha256} {shown}";

    private static string AnalysisKey(ImportedFiling filing, string registry) => $"{filing.RawSha256} {registry}";

    private sealed class GeneratedPageCache(ContentFileCache<string> pages, string registry) : IGeneratedPageCache
    {
        public string? Find(ImportedFiling filing) => pages.Find(filing.RawPath, AnalysisKey(filing, registry));

        public void Add(ImportedFiling filing, string pageSha256) => pages.Put(filing.RawPath, AnalysisKey(filing, registry), pageSha256);
    }
}
