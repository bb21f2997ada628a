using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Import;
using ImmunoGen.Kb.Tests.Import;

namespace ImmunoGen.Kb.Tests.Extract;

/// <summary>
/// Real EDGAR full submissions of other companies (read in place from /work/shared/fixtures/edgar): whole SGML
/// submissions with uuencoded attachments, HTML and accounting vocabulary. The analyzer must get through them and
/// must not turn file numbers, accounting standards or encoded data into compounds or partners.
/// </summary>
public class OtherFilersTests
{
    private static readonly string? Fixtures = ImportTestFiles.EdgarFixtures;

    public static TheoryData<string> Submissions() => new(Fixtures is null ? [] : Directory.GetFiles(Fixtures, "*.txt").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [EdgarFixturesTheory]
    [MemberData(nameof(Submissions))]
    public void Submission_DiscoversNoCompoundOrPartnerFromFilingVocabulary(string file)
    {
        var analyzer = new FilingAnalyzer(SeedFilings.Registry());
        var (filing, _) = FilingParser.Parse(File.ReadAllText(Path.Combine(Fixtures!, file)), file);
        Assert.NotNull(filing);

        var a = analyzer.Analyze(filing.Meta, FilingBody.Parse(filing.Body.ToString()));

        Assert.Empty(a.Compounds);
        Assert.Empty(a.Partners);
        Assert.DoesNotContain(a.Events, e => e.Type != EventTypes.MilestonePayment);
    }
}
