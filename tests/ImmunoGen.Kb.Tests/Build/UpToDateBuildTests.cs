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

    public UpToDateBuildTests() => _options = _temp.RepositoryCopy();

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

    [Fact]
    public void TheSummaryANoChangeBuildReads_IsTheManifestWithoutItsFingerprints()
    {
        BuildTwice(_options);

        var manifest = BuildManifest.Load(_options.ResolvedCacheDirectory)!;
        var summary = BuildSummary.Load(_options.ResolvedCacheDirectory)!;

        Assert.NotEmpty(manifest.Outputs);
        Assert.IsType<BuildSummary>(summary);
        Assert.Equal(
            (manifest.Tool, manifest.Templates, manifest.Output, manifest.Snapshot, manifest.Checked, manifest.Files),
            (summary.Tool, summary.Templates, summary.Output, summary.Snapshot, summary.Checked, summary.Files));
        Assert.Equal(manifest.Diagnostics, summary.Diagnostics);
        Assert.NotEmpty(summary.Snapshot);
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
        var clean = _temp.CleanCopy(_options, "clean");
        var result = SiteBuilder.Build(_options);
        SiteBuilder.Build(clean);

        Assert.False(result.UpToDate, change);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        TempDirectory.AssertSameTree(clean.OutputDirectory, _options.OutputDirectory, "a clean build");
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
}
