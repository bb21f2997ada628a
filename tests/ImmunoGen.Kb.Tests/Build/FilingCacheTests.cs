using System.Text;
using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Import;
using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Tests.Build;

/// <summary>
/// The per-filing caches (issue 7): an unchanged raw file is neither parsed nor analyzed again, nor its page generated
/// again; an unchanged filing page's front-matter is not parsed again, and a build that uses the caches writes exactly
/// the content and site a build without them writes. Whether an entry was used is seen by planting a recognizable value
/// in it (a whole, valid file): a build that trusts the entry writes the planted value.
/// </summary>
public sealed class FilingCacheTests : IDisposable
{
    private const string Seed = "raw/003_35968dba8423dc4d.txt";
    private const string PlantedTitle = "Planted By The Test";
    private const string PlantedCompound = "planted-compound";

    private readonly TempDirectory _temp = new();
    private readonly BuildOptions _options;

    public FilingCacheTests() => _options = _temp.RepositoryCopy();

    public void Dispose() => _temp.Dispose();

    private string Parses => Path.Combine(_options.ResolvedCacheDirectory, "parses");

    private string Analyses => Path.Combine(_options.ResolvedCacheDirectory, "analyses");

    private string Pages => Path.Combine(_options.ResolvedCacheDirectory, "pages");

    private string Generated => Path.Combine(_options.ResolvedCacheDirectory, "generated");

    private string SearchTexts => Path.Combine(_options.ResolvedCacheDirectory, "search");

    private string BlockIds => Path.Combine(_options.ResolvedCacheDirectory, "anchors");

    [Fact]
    public void WarmBuilds_AfterNewFilings_AndWithNothingChanged_EqualBuildsWithoutTheCache()
    {
        Build(_options);
        var edits = new ContentEdits(_options.ContentDirectory);
        edits.AddFiling(1, compound: "AVE9633");
        // A new code name: discovery writes a stub page and analyzes again the filings that may name it.
        edits.AddFiling(2);

        var afterNewFilings = BuildAndCompareWithClean("new-filings");
        Assert.Equal(1, afterNewFilings.Counts.EntitiesDiscovered);

        var cacheFiles = WriteTimes(_options.ResolvedCacheDirectory);
        TouchARawFile();
        BuildAndCompareWithClean("touched");
        // Every entry was found: no cache file needed writing.
        Assert.Equal(cacheFiles, WriteTimes(_options.ResolvedCacheDirectory));
    }

    [Fact]
    public void AnUnchangedRawFile_IsNotParsedAgain_AndAChangedOneIs()
    {
        Build(_options);
        PlantTitle();

        TouchARawFile();
        Build(_options);
        Assert.Contains($"title: {PlantedTitle}", PageOf(Seed), StringComparison.Ordinal);

        var raw = Path.Combine(_options.ContentDirectory, Seed);
        File.AppendAllText(raw, "\n");
        Build(_options);
        Assert.DoesNotContain(PlantedTitle, PageOf(Seed), StringComparison.Ordinal);
        Assert.Contains("title: ImmunoGen, Inc. Earns Milestone with Start of SAR3419 Clinical Testing", PageOf(Seed), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntityPageEdit_MakesEveryFilingBeAnalyzedAgain()
    {
        Build(_options);
        PlantCompound();
        // Forgotten too: the page generated from the true analysis, or the unchanged page on disk would stand as it is.
        Directory.Delete(Generated, recursive: true);
        TouchARawFile();
        Build(_options);
        Assert.Contains(PlantedCompound, PageOf(Seed), StringComparison.Ordinal);

        // The seed never names cantuzumab mertansine, but it does name the Tumor-Activated Prodrug technology.
        var page = Path.Combine(_options.ContentDirectory, "compounds", "cantuzumab-mertansine.md");
        File.WriteAllText(page, File.ReadAllText(page).Replace("name: cantuzumab mertansine\n", "name: cantuzumab mertansine\naliases: [Tumor-Activated Prodrug]\n", StringComparison.Ordinal));
        BuildAndCompareWithClean("alias-added");

        Assert.DoesNotContain(PlantedCompound, PageOf(Seed), StringComparison.Ordinal);
        Assert.Contains("cantuzumab-mertansine", FrontMatterLine(PageOf(Seed), "compounds:"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnchangedRawFile_DoesNotHaveItsPageGeneratedAgain_AndAChangedOneDoes()
    {
        Build(_options);
        var page = Path.Combine(_options.ContentDirectory, PagePathOf(Seed));
        // Planted: the page on disk, edited by hand, is what the cache says was generated, so it counts as unchanged.
        var edited = File.ReadAllText(page) + "\nA paragraph added by hand.\n";
        File.WriteAllText(page, edited);
        Plant(Generated, CacheCodecs.Text, Seed, _ => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(edited))));

        TouchARawFile();
        var trusted = Build(_options);
        Assert.DoesNotContain(trusted.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.Import.EditedPageKept);
        Assert.Equal(edited, File.ReadAllText(page));

        // New raw bytes: the page is generated again, and (the import state having taken the planted page as the generated
        // one) written over it.
        File.AppendAllText(Path.Combine(_options.ContentDirectory, Seed), "\n");
        Build(_options);
        Assert.DoesNotContain("A paragraph added by hand.", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnchangedFilingPage_IsNotParsedAgain_AndAnEditedOneIs()
    {
        Build(_options);
        var page = PagePathOf(Seed);
        Plant(Pages, CacheCodecs.FrontMatter, page, meta => meta with { Title = PlantedTitle });

        RenderAgain($"filings/{Path.GetFileNameWithoutExtension(page)}.html");
        Assert.Contains(PlantedTitle, SiteFilingOf(page), StringComparison.Ordinal);

        var full = Path.Combine(_options.ContentDirectory, page);
        File.WriteAllText(full, File.ReadAllText(full).Replace("title: ImmunoGen, Inc. Earns Milestone", "title: Edited By Hand, ImmunoGen, Inc. Earns Milestone", StringComparison.Ordinal));
        Build(_options);
        Assert.DoesNotContain(PlantedTitle, SiteFilingOf(page), StringComparison.Ordinal);
        Assert.Contains("Edited By Hand, ImmunoGen, Inc. Earns Milestone", SiteFilingOf(page), StringComparison.Ordinal);
    }

    [Fact]
    public void AFilingPageEditedByHand_IsAnalyzedFromItsOwnText_NotTheImportsAnalysis()
    {
        Build(_options);
        var page = PagePathOf(Seed);
        var link = $"filings/{Path.GetFileNameWithoutExtension(page)}.html";
        Assert.DoesNotContain(link, SiteCompound("cantuzumab-mertansine"), StringComparison.Ordinal);

        var full = Path.Combine(_options.ContentDirectory, page);
        File.WriteAllText(full, File.ReadAllText(full) + "\nA paragraph added by hand names cantuzumab mertansine.\n");
        var result = Build(_options);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Import.EditedPageKept && d.Path.EndsWith(page, StringComparison.Ordinal));
        Assert.Contains(link, SiteCompound("cantuzumab-mertansine"), StringComparison.Ordinal);
        Assert.Contains("A paragraph added by hand names", SiteFilingOf(page), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnchangedFiling_IsNotIndexedAgain_AndAChangedOneIs()
    {
        Build(_options);
        var page = PagePathOf(Seed);
        Plant(SearchTexts, CacheCodecs.SearchText(), page, text => text with { Tokens = [.. text.Tokens, "plantedtoken"] });

        TouchARawFile();
        Build(_options);
        Assert.Contains(SearchFiles(), f => File.ReadAllText(f).Contains("plantedtoken", StringComparison.Ordinal));

        var full = Path.Combine(_options.ContentDirectory, page);
        File.WriteAllText(full, File.ReadAllText(full) + "\nA paragraph added by hand.\n");
        Build(_options);
        Assert.DoesNotContain(SearchFiles(), f => File.ReadAllText(f).Contains("plantedtoken", StringComparison.Ordinal));
        Assert.Contains(SearchFiles(), f => File.ReadAllText(f).Contains("A paragraph added by hand.", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnchangedBody_IsNotParsedAgainForItsAnchors_AndAChangedOneIs()
    {
        Build(_options);
        var page = PagePathOf(Seed);
        var link = $"filings/{Path.GetFileNameWithoutExtension(page)}.html#p1\"";
        Assert.Contains(link, SiteCompound("sar3419"), StringComparison.Ordinal);
        // Planted: the body has no paragraph 1, so a link to it must go to the page instead.
        Plant(BlockIds, CacheCodecs.BlockIds(), page, ids => [.. ids.Where(id => id != "p1")]);

        RenderAgain("compounds/sar3419.html");
        Assert.DoesNotContain(link, SiteCompound("sar3419"), StringComparison.Ordinal);

        var full = Path.Combine(_options.ContentDirectory, page);
        File.WriteAllText(full, File.ReadAllText(full) + "\nA paragraph added by hand.\n");
        RenderAgain("compounds/sar3419.html");
        Assert.Contains(link, SiteCompound("sar3419"), StringComparison.Ordinal);
    }

    [Fact]
    public void AFilingPageWithAnError_IsNotStored_SoEveryBuildReportsIt()
    {
        Build(_options);
        var page = PagePathOf(Seed);
        var full = Path.Combine(_options.ContentDirectory, page);
        File.WriteAllText(full, File.ReadAllText(full).Replace("\ntitle: ", "\nreviewer: someone\ntitle: ", StringComparison.Ordinal));

        var first = SiteBuilder.Build(_options);
        TouchARawFile();
        var second = SiteBuilder.Build(_options);

        Assert.DoesNotContain(page, StoredPaths(Pages, CacheCodecs.FrontMatter));
        foreach (var result in new[] { first, second })
        {
            Assert.False(result.UpToDate);
            Assert.Contains(result.Diagnostics, d => d.IsError && d.Path.EndsWith(page, StringComparison.Ordinal) && d.Message == "unknown front-matter key 'reviewer'");
        }
    }

    public static TheoryData<string> Damages() =>
    [
        "truncated",
        "one byte changed",
        "not a cache file",
        "empty",
        "made by another tool",
        "another format",
    ];

    [Theory]
    [MemberData(nameof(Damages))]
    public void ADamagedCacheFile_IsIgnored_AndTheBuildIsTheSame(string damage)
    {
        Build(_options);
        PlantTitle();
        PlantCompound();
        var page = PagePathOf(Seed);
        Plant(Pages, CacheCodecs.FrontMatter, page, meta => meta with { Title = PlantedTitle });
        Plant(SearchTexts, CacheCodecs.SearchText(), page, text => text with { Tokens = [.. text.Tokens, "plantedtoken"] });
        Plant(BlockIds, CacheCodecs.BlockIds(), page, ids => [.. ids.Where(id => id != "p1")]);
        foreach (var file in CacheFiles(Parses).Concat(CacheFiles(Analyses)).Concat(CacheFiles(Generated)).Concat(CacheFiles(Pages)).Concat(CacheFiles(SearchTexts)).Concat(CacheFiles(BlockIds)))
        {
            Damage(file, damage);
        }

        TouchARawFile();
        File.Delete(Path.Combine(_options.OutputDirectory, "compounds", "sar3419.html"));
        var result = BuildAndCompareWithClean(damage);

        Assert.DoesNotContain(PlantedTitle, PageOf(Seed), StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedCompound, PageOf(Seed), StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedTitle, SiteFilingOf(page), StringComparison.Ordinal);
        Assert.DoesNotContain(SearchFiles(), f => File.ReadAllText(f).Contains("plantedtoken", StringComparison.Ordinal));
        Assert.Empty(result.Diagnostics);
        // The damaged files were replaced: the next build finds every entry again.
        Assert.All(CacheFiles(Parses), f => Assert.NotNull(ContentFileCache<RawParse>.Decode(File.ReadAllBytes(f), Tool, CacheCodecs.Parse)));
        Assert.All(CacheFiles(Analyses), f => Assert.NotNull(ContentFileCache<FilingAnalysis>.Decode(File.ReadAllBytes(f), Tool, CacheCodecs.Analysis)));
        Assert.All(CacheFiles(Generated), f => Assert.NotNull(ContentFileCache<string>.Decode(File.ReadAllBytes(f), Tool, CacheCodecs.Text)));
        Assert.All(CacheFiles(Pages), f => Assert.NotNull(ContentFileCache<FilingFrontMatter>.Decode(File.ReadAllBytes(f), Tool, CacheCodecs.FrontMatter)));
        Assert.All(CacheFiles(SearchTexts), f => Assert.NotNull(ContentFileCache<FilingSearchText>.Decode(File.ReadAllBytes(f), Tool, CacheCodecs.SearchText())));
        Assert.All(CacheFiles(BlockIds), f => Assert.NotNull(ContentFileCache<IReadOnlyList<string>>.Decode(File.ReadAllBytes(f), Tool, CacheCodecs.BlockIds())));
    }

    [Fact]
    public void AFullBuild_IgnoresTheCache_AndStoresItAfresh()
    {
        Build(_options);
        PlantTitle();
        PlantCompound();
        var page = PagePathOf(Seed);
        Plant(Pages, CacheCodecs.FrontMatter, page, meta => meta with { Title = PlantedTitle });
        Plant(SearchTexts, CacheCodecs.SearchText(), page, text => text with { Tokens = [.. text.Tokens, "plantedtoken"] });
        Plant(BlockIds, CacheCodecs.BlockIds(), page, ids => [.. ids.Where(id => id != "p1")]);

        Build(_options with { Full = true });
        Assert.DoesNotContain(PlantedTitle, PageOf(Seed), StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedCompound, PageOf(Seed), StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedTitle, SiteFilingOf(page), StringComparison.Ordinal);
        Assert.DoesNotContain(SearchFiles(), f => File.ReadAllText(f).Contains("plantedtoken", StringComparison.Ordinal));
        Assert.Contains($"filings/{Path.GetFileNameWithoutExtension(page)}.html#p1\"", SiteCompound("sar3419"), StringComparison.Ordinal);

        TouchARawFile();
        Build(_options);
        Assert.DoesNotContain(PlantedTitle, PageOf(Seed), StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedCompound, PageOf(Seed), StringComparison.Ordinal);
    }

    [Fact]
    public void AValueStoredByThisBuild_IsFoundByIt_UnderItsKeyOnly()
    {
        var cache = new ContentFileCache<string>(Path.Combine(_options.ResolvedCacheDirectory, "test"), Tool, CacheCodecs.Text, reuse: true);

        cache.Put("filings/a.md", "key", "value");

        Assert.Equal("value", cache.Find("filings/a.md", "key"));
        Assert.Null(cache.Find("filings/a.md", "other key"));
        Assert.Null(cache.Find("filings/b.md", "key"));
    }

    [Fact]
    public void EntriesOfRemovedRawFiles_AndOtherFiles_AreDropped()
    {
        var added = Path.Combine(_options.ContentDirectory, "raw", "901_added.txt");
        new ContentEdits(_options.ContentDirectory).AddFiling(1, compound: "AVE9633");
        Build(_options);
        Assert.Contains("raw/901_added.txt", StoredPaths(Parses, CacheCodecs.Parse));
        Assert.Contains("raw/901_added.txt", StoredPaths(Analyses, CacheCodecs.Analysis));
        Assert.Contains("raw/901_added.txt", StoredPaths(Generated, CacheCodecs.Text));

        File.Delete(added);
        var stray = Path.Combine(Parses, "old-format.json");
        File.WriteAllText(stray, "{}");
        Build(_options);

        Assert.False(File.Exists(stray));

        var raws = Directory.GetFiles(Path.Combine(_options.ContentDirectory, "raw")).Select(f => "raw/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(raws, StoredPaths(Parses, CacheCodecs.Parse));
        Assert.Equal(raws, StoredPaths(Analyses, CacheCodecs.Analysis));
        Assert.Equal(raws, StoredPaths(Generated, CacheCodecs.Text));
        var pages = Directory.GetFiles(Path.Combine(_options.ContentDirectory, "filings"), "*.md").Select(f => "filings/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(pages, StoredPaths(Pages, CacheCodecs.FrontMatter));
        Assert.Equal(pages, StoredPaths(SearchTexts, CacheCodecs.SearchText()));
        Assert.Equal(pages, StoredPaths(BlockIds, CacheCodecs.BlockIds()));
    }

    [Fact]
    public void ACacheThatCannotBeSaved_IsAWarning_AndTheBuildGoesOn()
    {
        // A file where the cache folder should be: nothing can be written under it.
        var blocked = _options with { CacheDirectory = _temp.Sub("not-a-folder") };
        File.WriteAllText(blocked.ResolvedCacheDirectory, "");

        var result = SiteBuilder.Build(blocked);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.Build.WriteFailed && d.Message.Contains("parse and analysis cache", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.Build.WriteFailed && d.Message.Contains("front-matter cache", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.Build.WriteFailed && d.Message.Contains("search text cache", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == Diagnostics.DiagnosticCodes.Build.WriteFailed && d.Message.Contains("block id cache", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(blocked.OutputDirectory, "index.html")));
    }

    private static BuildResult Build(BuildOptions options)
    {
        var result = SiteBuilder.Build(options);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result;
    }

    // Builds with the cache, and a copy of the same content (taken before the build writes to it) with none: the
    // content and site folders must be byte-identical.
    private BuildResult BuildAndCompareWithClean(string name)
    {
        var clean = _temp.CleanCopy(_options, $"clean-{name}");

        var warm = Build(_options);
        var cold = Build(clean);

        Assert.Equal(cold.Diagnostics, warm.Diagnostics);
        TempDirectory.AssertSameTree(clean.ContentDirectory, _options.ContentDirectory, "a build without the cache");
        TempDirectory.AssertSameTree(clean.OutputDirectory, _options.OutputDirectory, "a build without the cache");
        return warm;
    }

    // A real build (not an up-to-date one) with the same raw bytes.
    private void TouchARawFile() =>
        File.SetLastWriteTimeUtc(Path.Combine(_options.ContentDirectory, "raw", "000_53aae128987dd489.txt"), DateTime.UtcNow.AddMinutes(-5));

    private string PageOf(string rawPath) =>
        Directory.GetFiles(Path.Combine(_options.ContentDirectory, "filings"), "*.md")
            .Select(File.ReadAllText)
            .Single(text => text.Contains($"path: {rawPath}\n", StringComparison.Ordinal));

    /// <summary>The content-relative path of the filing page made from <paramref name="rawPath"/>: <c>filings/x.md</c>.</summary>
    private string PagePathOf(string rawPath) =>
        "filings/" + Path.GetFileName(Directory.GetFiles(Path.Combine(_options.ContentDirectory, "filings"), "*.md")
            .Single(f => File.ReadAllText(f).Contains($"path: {rawPath}\n", StringComparison.Ordinal)));

    private string[] SearchFiles() => Directory.GetFiles(Path.Combine(_options.OutputDirectory, "search"), "*", SearchOption.AllDirectories);

    private string SiteCompound(string slug) => File.ReadAllText(Path.Combine(_options.OutputDirectory, "compounds", slug + ".html"));

    // A build in which a site page is rendered again, its inputs unchanged: its file is gone.
    private void RenderAgain(string sitePath)
    {
        File.Delete(Path.Combine(_options.OutputDirectory, sitePath));
        TouchARawFile();
        Build(_options);
    }

    private string SiteFilingOf(string page) =>
        File.ReadAllText(Path.Combine(_options.OutputDirectory, "filings", Path.GetFileNameWithoutExtension(page) + ".html"));

    private static string FrontMatterLine(string page, string key) =>
        page.Split('\n').Single(line => line.StartsWith(key, StringComparison.Ordinal));

    private static string Tool => BuildManifest.ToolIdentity();

    private void PlantTitle() =>
        Plant(Parses, CacheCodecs.Parse, Seed, parse => parse with { Filing = parse.Filing! with { Meta = parse.Filing.Meta with { Title = PlantedTitle } } });

    private void PlantCompound() =>
        Plant(Analyses, CacheCodecs.Analysis, Seed, analysis => analysis with { Compounds = [PlantedCompound] });

    /// <summary>Changes the stored value of one raw file and writes its cache file back whole (valid checksum).</summary>
    private static void Plant<T>(string kindDirectory, ICacheCodec<T> codec, string rawPath, Func<T, T> edit)
        where T : class
    {
        foreach (var file in CacheFiles(kindDirectory))
        {
            var entries = ContentFileCache<T>.Decode(File.ReadAllBytes(file), Tool, codec)!;
            if (entries.TryGetValue(rawPath, out var entry))
            {
                entries[rawPath] = entry with { Value = edit(entry.Value) };
                File.WriteAllBytes(file, ContentFileCache<T>.Encode(entries, Tool, codec));
                return;
            }
        }

        throw new InvalidOperationException($"{rawPath} is not in {kindDirectory}");
    }

    private static string[] CacheFiles(string kindDirectory) => Directory.GetFiles(kindDirectory, "*.bin");

    private static void Damage(string file, string damage)
    {
        var bytes = File.ReadAllBytes(file);
        var newline = Array.IndexOf(bytes, (byte)'\n');
        var header = Encoding.UTF8.GetString(bytes, 0, newline).Split(' ');
        var body = bytes[(newline + 1)..];
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
                break;
            case "one byte changed":
                bytes[^10] ^= 0x20;
                File.WriteAllBytes(file, bytes);
                break;
            case "not a cache file":
                File.WriteAllText(file, "kb-cache 2 x y\n{{{{");
                break;
            case "empty":
                File.WriteAllBytes(file, []);
                break;
            case "made by another tool":
                File.WriteAllBytes(file, [.. Encoding.UTF8.GetBytes($"{header[0]} {header[1]} {new string('0', 32)} {header[3]}\n"), .. body]);
                break;
            case "another format":
                File.WriteAllBytes(file, [.. Encoding.UTF8.GetBytes($"{header[0]} 999 {header[2]} {header[3]}\n"), .. body]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }

    private static List<string> StoredPaths<T>(string kindDirectory, ICacheCodec<T> codec)
        where T : class =>
        CacheFiles(kindDirectory)
            .SelectMany(f => ContentFileCache<T>.Decode(File.ReadAllBytes(f), Tool, codec)!.Keys)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static SortedDictionary<string, DateTime> WriteTimes(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("build-manifest.json", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f), File.GetLastWriteTimeUtc), StringComparer.Ordinal);
}
