using ImmunoGen.Kb.Build;
using Xunit.Abstractions;

namespace ImmunoGen.Kb.Tests.Build;

/// <summary>
/// The rebuild invariant: after any sequence of adds, edits and deletes of filings and entity pages, an incremental
/// build gives byte for byte the content/ and site/ that a clean build of the same inputs gives.
/// </summary>
public sealed class IncrementalBuildTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RandomEditSequences_IncrementalEqualsClean()
    {
        var content = _temp.Sub("content");
        var site = _temp.Sub("site");
        var cache = _temp.Sub("cache");
        TempDirectory.Copy(RepositoryPaths.Content, content);
        var incremental = Options(content, site, cache);
        Build(incremental);

        var random = new Random(20261121);
        var edits = new ContentEdits(content);
        for (var step = 1; step <= 10; step++)
        {
            var what = edits.ApplyRandom(random, step);
            output.WriteLine($"step {step}: {what}");

            // The same inputs, built clean: a copy of content/ as it stands before either build writes to it.
            var cleanContent = _temp.Sub($"clean-{step}/content");
            TempDirectory.Copy(content, cleanContent);
            var incrementalResult = Build(incremental);
            var clean = Options(cleanContent, _temp.Sub($"clean-{step}/site"), _temp.Sub($"clean-{step}/cache"));
            var cleanResult = Build(clean);

            Assert.True(incrementalResult.WasIncremental, $"step {step}: the second and later builds read the manifest");
            Assert.False(cleanResult.WasIncremental);
            TempDirectory.AssertSameTree(cleanContent, content, $"a clean build: step {step} ({what}), content/");
            TempDirectory.AssertSameTree(clean.OutputDirectory, site, $"a clean build: step {step} ({what}), site/");
        }
    }

    [Fact]
    public void AddingOneFiling_RendersOnlyThePagesThatDependOnIt()
    {
        var content = _temp.Sub("content");
        TempDirectory.Copy(RepositoryPaths.Content, content);
        var options = Options(content, _temp.Sub("site"), _temp.Sub("cache"));
        var full = Build(options);
        var unchanged = Build(options);

        // A filing about a known compound: no new entity, so the registry and every other filing page stay as they are.
        new ContentEdits(content).AddFiling(1, compound: "AVE9633");
        var added = Build(options);

        output.WriteLine($"full: {full.Counts}\nno change: {unchanged.Counts}\none filing added: {added.Counts}");
        output.WriteLine("rendered after adding: " + string.Join(", ", added.Rendered));
        Assert.Equal(0, unchanged.Counts.FilesWritten);
        Assert.Equal(0, unchanged.Counts.FilesDeleted);
        Assert.DoesNotContain(unchanged.Rendered, IsPerFilingOrEntityPage);

        Assert.Equal(1, added.Counts.FilingsImported);
        Assert.Equal(0, added.Counts.EntitiesDiscovered);
        var newest = Directory.GetFiles(Path.Combine(content, "filings"), "2009-*.md").Select(Path.GetFileNameWithoutExtension).Single();
        // The new filing, and the one before it (its "next" link changed); no other filing page.
        Assert.Equal(
            [$"filings/2007-10-17-immunogen-inc-earns-milestone-with-start-of-sar3419-clinical-testing.html", $"filings/{newest}.html"],
            added.Rendered.Where(p => p.StartsWith("filings/20", StringComparison.Ordinal)));
        // Entity pages of what it names are rendered again; partners it does not touch are not.
        Assert.Contains("compounds/ave9633.html", added.Rendered);
        Assert.Contains("partners/sanofi-aventis.html", added.Rendered);
        Assert.DoesNotContain("partners/amgen.html", added.Rendered);
        Assert.DoesNotContain("partners/centocor.xml", added.Rendered);
        Assert.True(added.Counts.PagesRendered < full.Counts.PagesRendered, $"one new filing rendered {added.Counts.PagesRendered} of {full.Counts.PagesRendered}");
    }

    [Fact]
    public void AFilingAboutACompound_RendersItsPartnersPages_ButNotTheirOtherCompoundsPages()
    {
        var options = _temp.RepositoryCopy();
        Build(options);

        // Within the corpus' dates, so no stage chart's time axis moves.
        var added = BuildIncrementallyAndClean(options, edits => edits.AddFiling(1, compound: "AVE9633", date: "March 5, 2007"), "a clean build after a filing about AVE9633");

        // A partner's page shows each of its compounds' stage and latest event: sanofi-aventis's is rendered again.
        // SAR3419 is sanofi-aventis's too, but the new filing does not name it and its page shows nothing of AVE9633's.
        Assert.Contains("compounds/ave9633.html", added.Rendered);
        Assert.Contains("partners/sanofi-aventis.html", added.Rendered);
        Assert.DoesNotContain("compounds/sar3419.html", added.Rendered);
        Assert.DoesNotContain("compounds/sar3419.xml", added.Rendered);
        // The filings lists filtered by what it is listed under are rendered again; the other facets' menus show names only.
        Assert.Contains("filings/compound-ave9633.html", added.Rendered);
        Assert.Contains("filings/partner-sanofi-aventis.html", added.Rendered);
        Assert.Contains("filings/item-8-01.html", added.Rendered);
        Assert.Contains("filings/index.html", added.Rendered);
        Assert.DoesNotContain("filings/compound-sar3419.html", added.Rendered);
        Assert.DoesNotContain("filings/partner-amgen.html", added.Rendered);
    }

    [Fact]
    public void AFilingThatOnlyNamesACompound_LeavesItsPartnersPagesAlone()
    {
        var options = _temp.RepositoryCopy();
        Build(options);

        // No event and no stage: trastuzumab-DM1's row on Genentech's page (stage, latest event) stays as it is.
        var added = BuildIncrementallyAndClean(
            options,
            edits => edits.AddPlainFiling("March 5, 2007", "The Company will host its annual meeting of shareholders; trastuzumab-DM1 will be discussed."),
            "a clean build after a filing naming trastuzumab-DM1");

        Assert.Contains("compounds/trastuzumab-dm1.html", added.Rendered);
        Assert.DoesNotContain("partners/genentech.html", added.Rendered);
    }

    [Fact]
    public void AFilingThatMovesACompoundsStage_RendersItsPartnersPages_ThoughItDoesNotNameThem()
    {
        var options = _temp.RepositoryCopy();
        Build(options);
        var row = CompoundRowOn(Path.Combine(options.OutputDirectory, "partners", "genentech.html"), "trastuzumab-DM1");

        var added = BuildIncrementallyAndClean(options, edits => edits.AddPlainFiling("November 5, 2007", "trastuzumab-DM1 is now in Phase II clinical testing."), "a clean build after a filing moving trastuzumab-DM1's stage");

        Assert.Contains("partners/genentech.html", added.Rendered);
        Assert.NotEqual(row, CompoundRowOn(Path.Combine(options.OutputDirectory, "partners", "genentech.html"), "trastuzumab-DM1"));
    }

    private static string CompoundRowOn(string page, string compound)
    {
        var html = File.ReadAllText(page);
        var at = html.IndexOf($">{compound}</a></td>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{page} lists {compound}");
        return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    [Fact]
    public void AFilingLaterThanAllOthers_InTheSameYear_RedrawsNoStageChart()
    {
        var options = _temp.RepositoryCopy();
        Build(options);

        // The corpus' last filing is from October 2007: the charts' time axes end with 2007 either way.
        var added = BuildIncrementallyAndClean(options, edits => edits.AddPlainFiling("November 5, 2007"), "a clean build after a filing later than all others, in the same year");

        Assert.DoesNotContain("compounds/trastuzumab-dm1.html", added.Rendered);
        Assert.DoesNotContain("compounds/sar3419.html", added.Rendered);
    }

    [Fact]
    public void AFilingInALaterYear_RedrawsEveryStageChart_AndRedatesEmptyFeeds_AsACleanBuildDoes()
    {
        var options = _temp.RepositoryCopy();
        // No filing names it: its feed has no entry and says it was updated on the corpus' last date.
        File.WriteAllText(Path.Combine(options.ContentDirectory, "compounds", "sar5999.md"), "---\nname: SAR5999\nkind: antibody-drug conjugate\n---\n\nAdded by hand.\n");
        Build(options);
        var chart = ChartOf(Path.Combine(options.OutputDirectory, "compounds", "trastuzumab-dm1.html"));

        // It names nothing: trastuzumab-DM1's page has nothing to do with it but its chart's time axis, which now ends with 2012.
        var added = BuildIncrementallyAndClean(options, edits => edits.AddPlainFiling("March 5, 2012"), "a clean build after a filing later than all others");

        Assert.Contains("compounds/trastuzumab-dm1.html", added.Rendered);
        Assert.NotEqual(chart, ChartOf(Path.Combine(options.OutputDirectory, "compounds", "trastuzumab-dm1.html")));
        Assert.Contains("<updated>2012-03-05T00:00:00Z</updated>", File.ReadAllText(Path.Combine(options.OutputDirectory, "compounds", "sar5999.xml")), StringComparison.Ordinal);
    }

    // Applies the edit, builds incrementally, builds the same inputs clean, checks that both sites are byte-identical and
    // returns the incremental build's result.
    private BuildResult BuildIncrementallyAndClean(BuildOptions options, Action<ContentEdits> edit, string what)
    {
        edit(new ContentEdits(options.ContentDirectory));
        var clean = _temp.CleanCopy(options, "clean");
        var added = Build(options);
        Build(clean);
        TempDirectory.AssertSameTree(clean.OutputDirectory, options.OutputDirectory, what);
        return added;
    }

    private static string ChartOf(string page)
    {
        var html = File.ReadAllText(page);
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{page} has a stage chart");
        return html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
    }

    private static bool IsPerFilingOrEntityPage(string path) =>
        path.StartsWith("filings/20", StringComparison.Ordinal)
        || (path.Split('/') is [("compounds" or "partners" or "people"), var file] && !file.StartsWith("index", StringComparison.Ordinal) && !file.StartsWith("by-", StringComparison.Ordinal));

    [Fact]
    public void ChangingATemplate_FallsBackToAFullBuild()
    {
        var content = _temp.Sub("content");
        var templates = _temp.Sub("templates");
        TempDirectory.Copy(RepositoryPaths.Content, content);
        TempDirectory.Copy(RepositoryPaths.Templates, templates);
        var options = Options(content, _temp.Sub("site"), _temp.Sub("cache")) with { TemplatesDirectory = templates };
        var full = Build(options);

        var footer = Path.Combine(templates, "partials", "footer.hbs");
        File.AppendAllText(footer, "\n<!-- changed -->\n");
        var after = Build(options);

        Assert.False(after.WasIncremental);
        Assert.Equal(full.Counts.PagesRendered, after.Counts.PagesRendered);
    }

    [Fact]
    public void AnotherBaseUrl_RewritesEveryFeed()
    {
        var options = _temp.RepositoryCopy();
        Build(options);

        Build(options with { BaseUrl = "https://kb.example.org/immunogen/" });

        var feeds = Directory.GetFiles(Path.Combine(options.OutputDirectory, "compounds"), "*.xml")
            .Concat(Directory.GetFiles(Path.Combine(options.OutputDirectory, "partners"), "*.xml"))
            .Append(Path.Combine(options.OutputDirectory, "feed.xml"))
            .ToList();
        Assert.True(feeds.Count > 10, $"{feeds.Count} feeds");
        Assert.All(feeds, feed =>
        {
            var xml = File.ReadAllText(feed);
            Assert.Contains("<id>https://kb.example.org/immunogen/", xml, StringComparison.Ordinal);
            Assert.DoesNotContain(options.BaseUrl, xml, StringComparison.Ordinal);
        });
    }

    private static BuildOptions Options(string content, string site, string cache) => new()
    {
        ContentDirectory = content,
        OutputDirectory = site,
        CacheDirectory = cache,
        TemplatesDirectory = RepositoryPaths.Templates,
        Check = false,
    };

    private static BuildResult Build(BuildOptions options)
    {
        var result = SiteBuilder.Build(options);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        return result;
    }
}
