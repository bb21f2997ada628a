using System.Runtime.CompilerServices;

namespace ImmunoGen.Kb.Tests.Import;

/// <summary>Where the import tests find their inputs: the repository's seeds, this folder's test data, the shared EDGAR fixtures.</summary>
internal static class ImportTestFiles
{
    public static readonly string RepoRoot = FindRepoRoot();

    public static string RawDir => Path.Combine(RepoRoot, "content", "raw");

    /// <summary>The checked-in test data (the source folder, so KB_UPDATE_GOLDEN=1 rewrites the files git tracks).</summary>
    public static string TestData => Path.Combine(RepoRoot, "tests", "ImmunoGen.Kb.Tests", "TestData", "Import");

    /// <summary>
    /// ../shared/fixtures/edgar from the repository root (from a git worktree nested deeper, the nearest ancestor's
    /// shared/fixtures/edgar); null on machines without the shared folder.
    /// </summary>
    public static readonly string? EdgarFixtures = FindEdgarFixtures();

    public const string NoEdgarFixtures = "../shared/fixtures/edgar (real EDGAR submissions) is not present on this machine";

    private static string? FindEdgarFixtures()
    {
        for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "edgar");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static readonly string[] Seeds =
    [
        "000_53aae128987dd489",
        "001_a60059691f3829e0",
        "002_9fcb631c0bb8cd92",
        "003_35968dba8423dc4d",
    ];

    public static string Seed(string name) => Path.Combine(RawDir, name + ".txt");

    public static string SeedText(string name) => File.ReadAllText(Seed(name)).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static string Data(string name) => Path.Combine(TestData, name);

    /// <summary>Compares with a golden file; KB_UPDATE_GOLDEN=1 writes it instead.</summary>
    public static void AssertGolden(string goldenPath, string actual)
    {
        if (Environment.GetEnvironmentVariable("KB_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, actual);
            return;
        }

        Assert.True(File.Exists(goldenPath), $"golden file {goldenPath} is missing (run with KB_UPDATE_GOLDEN=1)");
        var expected = File.ReadAllText(goldenPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    private static string FindRepoRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "content", "raw")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
