using Microsoft.Playwright;

namespace ImmunoGen.Kb.Browser.Tests;

/// <summary>Launches Debian's Chromium through Playwright, headless, with no network beyond the machine.</summary>
public static class Chromium
{
    /// <summary>Debian's Chromium, unless KB_CHROMIUM names another Chromium-based browser (GitHub's runners ship Google Chrome).</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("KB_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    // Running as root needs --no-sandbox; the networking flags stop Chromium's own calls home, which this machine refuses.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--allow-file-access-from-files",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // Expect() polls for 5 s by default; a loaded CI runner can take longer, so give it the 30 s actions get.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
        return (playwright, browser);
    }
}
