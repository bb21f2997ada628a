namespace ImmunoGen.Kb.Site.Tests.Fixtures;

/// <summary>Compares output with a file under TestData/Golden; <c>KB_UPDATE_GOLDEN=1</c> rewrites the file in the source tree instead.</summary>
public static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var source = Path.Combine(FixtureSite.RepositoryRoot, "tests", "ImmunoGen.Kb.Site.Tests", "TestData", "Golden", name);
        if (Environment.GetEnvironmentVariable("KB_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
            return;
        }

        Assert.True(File.Exists(source), $"golden file {source} is missing; run the tests with KB_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(source).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
