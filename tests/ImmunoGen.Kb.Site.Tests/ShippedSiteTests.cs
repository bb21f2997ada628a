using ImmunoGen.Kb.Check;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Site.Tests.Fixtures;

namespace ImmunoGen.Kb.Site.Tests;

/// <summary>kb check on the committed site/ and content/: what users open must have no broken link, anchor or page.</summary>
public class ShippedSiteTests
{
    [ShippedSiteFact]
    public void ShippedSite_PassesKbCheck()
    {
        var root = FixtureSite.RepositoryRoot;
        var bag = new DiagnosticBag();
        var corpus = new ContentStore(Path.Combine(root, "content")).Load(bag);

        var diagnostics = SiteChecker.Check(Path.Combine(root, "site"), corpus);

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }
}
