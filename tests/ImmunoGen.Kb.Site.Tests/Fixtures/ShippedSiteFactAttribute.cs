namespace ImmunoGen.Kb.Site.Tests.Fixtures;

/// <summary>
/// A test of the committed site/ built from the shipped content/. Skipped on a working copy that has no built site yet;
/// under CI (CI=true) it always runs, so a missing or stale site/ fails loudly.
/// </summary>
public sealed class ShippedSiteFactAttribute : FactAttribute
{
    public ShippedSiteFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(Path.Combine(FixtureSite.RepositoryRoot, "site", "index.html")) && !ci)
        {
            Skip = "site/ has not been built in this working copy (run kb build)";
        }
    }
}
