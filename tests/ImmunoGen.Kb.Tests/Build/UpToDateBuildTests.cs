using ImmunoGen.Kb.Build;

namespace ImmunoGen.Kb.Tests.Build;

/// <summary>
/// A build with nothing changed since the last one (which reported nothing) does nothing: no stage runs, no file is
/// touched. Any change to what a build reads or writes, or a problem still to report, makes it a real build again.
/// </summary>
public sealed class UpToDateBuildTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly BuildOptions _options;

    public UpToDateBuildTests()
    {
        var content = _temp.Sub("content");
        var templates = _temp.Sub("templates");
        TempDirectory.Copy(RepositoryPaths.Content, content);
        TempDirectory.Copy(RepositoryPaths.Templates, templates);
        _options = new BuildOptions
        {
            ContentDirectory = content,
            TemplatesDirectory = templates,
            OutputDirectory = _temp.Sub("site"),
            CacheDirectory = _temp.Sub("cache"),
            Check = false,
        };
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void NothingChanged_NoStageRuns_AndNoFileIsTouched()
    {
        var settled = BuildTwice(_options);
        var before = WriteTimes(_options.OutputDirectory);

        var again = SiteBuilder.Build(_options);

        Assert.True(again.UpToDate);
        Assert.Empty(again.Rendered);
        Assert.Equal(["snapshot"], again.Timings.Select(t => t.Stage));
        Assert.Equal(settled.Counts.FilesUnchanged, again.Counts.FilesUnchanged);
        Assert.Equal(before, WriteTimes(_options.OutputDirectory));
    }

    public static TheoryData<string> Changes() =>
    [
        "edit an entity page",
        "touch a raw filing",
        "add a raw filing",
        "delete a site page",
        "add a stray file to the site",
        "edit a template",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void AnyChange_MakesItARealBuild_ThatEqualsACleanOne(string change)
    {
        BuildTwice(_options);

        Apply(change);
        // The same inputs built clean: a copy of content/ as it stands before the build writes to it.
        var cleanContent = _temp.Sub("clean/content");
        TempDirectory.Copy(_options.ContentDirectory, cleanContent);
        var result = SiteBuilder.Build(_options);
        var clean = _options with { ContentDirectory = cleanContent, OutputDirectory = _temp.Sub("clean/site"), CacheDirectory = _temp.Sub("clean/cache") };
        SiteBuilder.Build(clean);

        Assert.False(result.UpToDate, change);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        AssertSameTree(clean.OutputDirectory, _options.OutputDirectory);
    }

    [Fact]
    public void ChangingTheBaseUrl_IsARealBuild()
    {
        BuildTwice(_options);

        var result = SiteBuilder.Build(_options with { BaseUrl = "https://elsewhere.example/" });

        Assert.False(result.UpToDate);
        Assert.Contains("https://elsewhere.example/", File.ReadAllText(Path.Combine(_options.OutputDirectory, "sitemap.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void AProblemIsReportedAgain_ByEveryBuildUntilItIsDealtWith()
    {
        var bad = Path.Combine(_options.ContentDirectory, "raw", "zz-empty.txt");
        File.WriteAllText(bad, "");

        var results = Enumerable.Range(0, 3).Select(_ => SiteBuilder.Build(_options)).ToList();
        File.Delete(bad);
        var fixedBuild = SiteBuilder.Build(_options);

        Assert.Equal([false, true, true], results.Select(r => r.UpToDate));
        Assert.All(results, r => Assert.Equal(results[0].Diagnostics, r.Diagnostics));
        Assert.Contains(results[2].Diagnostics, d => d.IsError && d.Path.EndsWith("raw/zz-empty.txt", StringComparison.Ordinal));
        Assert.False(fixedBuild.UpToDate);
        Assert.DoesNotContain(fixedBuild.Diagnostics, d => d.Path.EndsWith("raw/zz-empty.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void ABuildAskedToCheck_IsNotSkippedAfterOneThatDidNotCheck()
    {
        BuildTwice(_options);

        var checkedBuild = SiteBuilder.Build(_options with { Check = true });

        Assert.False(checkedBuild.UpToDate);
        Assert.Contains(checkedBuild.Timings, t => t.Stage == "check");
    }

    // A full build, then one with nothing changed: the second must already be up to date (the first waited out the
    // file system's clock tick before taking its snapshot, see FileSnapshot.Settled).
    private static BuildResult BuildTwice(BuildOptions options)
    {
        var full = SiteBuilder.Build(options);
        Assert.False(full.HasErrors, string.Join("\n", full.Diagnostics));

        var again = SiteBuilder.Build(options);

        Assert.True(again.UpToDate, "the build right after a build with nothing changed is up to date");
        return again;
    }

    private void Apply(string change)
    {
        var content = _options.ContentDirectory;
        var site = _options.OutputDirectory;
        switch (change)
        {
            case "edit an entity page":
                var page = Path.Combine(content, "compounds", "sar3419.md");
                File.WriteAllText(page, File.ReadAllText(page) + "\nEdited by an analyst.\n");
                break;
            case "touch a raw filing":
                File.SetLastWriteTimeUtc(Directory.GetFiles(Path.Combine(content, "raw")).Order(StringComparer.Ordinal).First(), DateTime.UtcNow.AddMinutes(-5));
                break;
            case "add a raw filing":
                new ContentEdits(content).AddFiling(1, compound: "AVE9633");
                break;
            case "delete a site page":
                File.Delete(Path.Combine(site, "compounds", "sar3419.html"));
                break;
            case "add a stray file to the site":
                File.WriteAllText(Path.Combine(site, "compounds", "stray.html"), "not ours");
                break;
            case "edit a template":
                File.AppendAllText(Path.Combine(_options.TemplatesDirectory, "partials", "footer.hbs"), "\n<!-- changed -->\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    private static SortedDictionary<string, DateTime> WriteTimes(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.GetLastWriteTimeUtc), StringComparer.Ordinal);

    private static void AssertSameTree(string expectedRoot, string actualRoot)
    {
        var expected = TempDirectory.Snapshot(expectedRoot);
        var actual = TempDirectory.Snapshot(actualRoot);
        Assert.Equal(expected.Keys.ToList(), actual.Keys.ToList());
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from a clean build");
        }
    }
}
