using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Import;

namespace ImmunoGen.Kb.Tests.Import;

/// <summary>The four seeds, parsed and written as pages, match the expected pages checked in under TestData/Import.</summary>
public class FilingParserGoldenTests
{
    public static TheoryData<string> Seeds => new(ImportTestFiles.Seeds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_ParsesToTheExpectedPage(string seed)
    {
        var (filing, diagnostics) = FilingParser.Parse(ImportTestFiles.SeedText(seed), $"raw/{seed}.txt");

        Assert.Empty(diagnostics);
        Assert.NotNull(filing);
        ImportTestFiles.AssertGolden(ImportTestFiles.Data(seed + ".expected.md"), FilingPage.Write(filing.Meta, filing.Body.ToString()));
    }
}
