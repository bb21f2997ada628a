using ImmunoGen.Kb.Check;
using ImmunoGen.Kb.Site.Tests.Fixtures;

namespace ImmunoGen.Kb.Site.Tests;

public class SiteSmokeTests
{
    [Fact]
    public void FixtureSite_PassesTheChecker()
    {
        var site = new FixtureSite();
        var dir = site.WriteToTemp();
        try
        {
            var diagnostics = SiteChecker.Check(dir, site.Graph.Corpus);
            Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
