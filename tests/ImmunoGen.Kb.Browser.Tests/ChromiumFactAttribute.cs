namespace ImmunoGen.Kb.Browser.Tests;

/// <summary>
/// A test that needs Debian's Chromium. On a developer machine without it the test is skipped with the reason
/// shown; under CI (CI=true, where .ci/run installs Chromium first) it always runs, so a missing browser fails loudly.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath) && !Chromium.IsCi)
        {
            Skip = $"{Chromium.ExecutablePath} is not installed (apt-get install chromium, or run .ci/run)";
        }
    }
}
