using System.Diagnostics;
using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Tests.Build;

namespace ImmunoGen.Kb.Tests.Robustness;

/// <summary>
/// A kb build killed at any moment leaves content/ and site/ readable and consistent: every page whole, nothing
/// half-written, and the next build ends where a clean build of the same inputs ends.
/// </summary>
public sealed class KilledBuildTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(300)]
    [InlineData(900)]
    [InlineData(1800)]
    public void BuildKilledMidway_LeavesWholeFiles_AndTheNextBuildEqualsACleanOne(int killAfterMs)
    {
        var options = new BuildOptions
        {
            ContentDirectory = _temp.Sub("content"),
            TemplatesDirectory = RepositoryPaths.Templates,
            OutputDirectory = _temp.Sub("site"),
            CacheDirectory = _temp.Sub("cache"),
            Check = false,
        };
        TempDirectory.Copy(RepositoryPaths.Content, options.ContentDirectory);
        Assert.False(SiteBuilder.Build(options).HasErrors);
        var edits = new ContentEdits(options.ContentDirectory);
        edits.AddFiling(1);
        edits.AddFiling(2, compound: "AVE9633");

        using (var build = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "kb.dll"), "build", "--content", options.ContentDirectory, "--out", options.OutputDirectory, "--templates", options.TemplatesDirectory, "--no-check" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!)
        {
            if (!build.WaitForExit(killAfterMs))
            {
                build.Kill(entireProcessTree: true);
                build.WaitForExit();
            }
        }

        AssertWhole(options);

        // The next build finishes the job: its content/ and site/ are those of a clean build of the same inputs.
        var cleanContent = _temp.Sub("clean/content");
        TempDirectory.Copy(options.ContentDirectory, cleanContent);
        Assert.False(SiteBuilder.Build(options).HasErrors);
        var clean = options with { ContentDirectory = cleanContent, OutputDirectory = _temp.Sub("clean/site"), CacheDirectory = _temp.Sub("clean/cache") };
        Assert.False(SiteBuilder.Build(clean).HasErrors);
        Assert.Equal(TempDirectory.Snapshot(cleanContent).Keys, TempDirectory.Snapshot(options.ContentDirectory).Keys);
        foreach (var (path, bytes) in TempDirectory.Snapshot(clean.OutputDirectory))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(options.OutputDirectory, path)).AsSpan().SequenceEqual(bytes), $"site/{path} differs from a clean build");
        }
    }

    // Every page in content/ parses, and every HTML page in site/ is complete.
    private static void AssertWhole(BuildOptions options)
    {
        foreach (var page in Directory.GetFiles(Path.Combine(options.ContentDirectory, "filings"), "*.md"))
        {
            var diagnostics = new List<Diagnostic>();
            Assert.NotNull(FilingPage.Read("filings/" + Path.GetFileName(page), File.ReadAllText(page), diagnostics));
        }

        foreach (var kind in EntityKinds.All)
        {
            foreach (var page in Directory.GetFiles(Path.Combine(options.ContentDirectory, kind.Folder()), "*.md"))
            {
                Assert.NotNull(EntityPage.Read(kind, $"{kind.Folder()}/{Path.GetFileName(page)}", File.ReadAllText(page), []));
            }
        }

        foreach (var html in Directory.GetFiles(options.OutputDirectory, "*.html", SearchOption.AllDirectories))
        {
            Assert.EndsWith("</html>\n", File.ReadAllText(html), StringComparison.Ordinal);
        }
    }
}
