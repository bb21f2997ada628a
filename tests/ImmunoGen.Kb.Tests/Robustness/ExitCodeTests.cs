using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Cli;
using ImmunoGen.Kb.Cli.Commands;
using ImmunoGen.Kb.Tests.Build;

namespace ImmunoGen.Kb.Tests.Robustness;

/// <summary>The kb build verb's exit codes: 0 for good input, 1 when some input was bad (and the rest was built).</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private BuildOptions Options()
    {
        var content = _temp.Sub("content");
        TempDirectory.Copy(RepositoryPaths.Content, content);
        return new BuildOptions
        {
            ContentDirectory = content,
            TemplatesDirectory = RepositoryPaths.Templates,
            OutputDirectory = _temp.Sub("site"),
            CacheDirectory = _temp.Sub("cache"),
        };
    }

    [Fact]
    public void Build_OfTheShippedContent_ExitsWith0()
    {
        Assert.Equal(ExitCodes.Success, BuildCommand.Run(Options()));
    }

    [Fact]
    public void Build_WithABadRawFilingAndABrokenEntityPage_ExitsWith1_AndStillBuildsTheRest()
    {
        var options = Options();
        File.WriteAllBytes(Path.Combine(options.ContentDirectory, "raw", "zz-empty.txt"), []);
        File.WriteAllText(Path.Combine(options.ContentDirectory, "people", "zz-broken.md"), "---\nname: [unclosed\n---\n");

        Assert.Equal(ExitCodes.BadInput, BuildCommand.Run(options));
        Assert.True(File.Exists(Path.Combine(options.OutputDirectory, "compounds", "sar3419.html")));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(options.OutputDirectory, "filings"), "20*.html").Length);
    }
}
