using System.Net;
using System.Net.Sockets;
using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Cli.Commands;
using ImmunoGen.Kb.Cli.Serve;
using ImmunoGen.Kb.Tests.Build;

namespace ImmunoGen.Kb.Tests.Serve;

/// <summary>
/// kb serve on 127.0.0.1: serves the site under a base path, rebuilds when content changes, tells open pages to reload,
/// and shows a bad edit's error in the page instead of stopping.
/// </summary>
public sealed class DevServerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_AnswersUnderItsBasePath_ReloadsAfterAnEdit_AndShowsABadEditsError()
    {
        var content = _temp.Sub("content");
        TempDirectory.Copy(RepositoryPaths.Content, content);
        var options = new BuildOptions
        {
            ContentDirectory = content,
            TemplatesDirectory = RepositoryPaths.Templates,
            OutputDirectory = _temp.Sub("site"),
            CacheDirectory = _temp.Sub("cache"),
            Check = false,
        };
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var server = new DevServer(options.OutputDirectory, [content, RepositoryPaths.Templates], "/kb/", port, () => ServeCommand.Rebuild(options), TextWriter.Null);
        var running = server.RunAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Patience };
        try
        {
            var home = await WaitForAsync(http, "kb/");
            Assert.Contains(">ImmunoGen 8-K Knowledge Base</h1>", home, StringComparison.Ordinal);
            Assert.Contains("new EventSource(\"/kb/__kb/events\")", home, StringComparison.Ordinal);
            Assert.False(File.ReadAllText(Path.Combine(options.OutputDirectory, "index.html")).Contains("EventSource", StringComparison.Ordinal), "the reload script is never written to site/");
            using (var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = http.BaseAddress })
            {
                var root = await noRedirect.GetAsync(new Uri("/", UriKind.Relative));
                Assert.Equal((HttpStatusCode.Redirect, "/kb/"), (root.StatusCode, root.Headers.Location?.OriginalString));
            }

            using var events = new StreamReader(await http.GetStreamAsync(new Uri("kb/__kb/events", UriKind.Relative)));
            Assert.Equal(": connected", await events.ReadLineAsync());

            var page = Path.Combine(content, "compounds", "sar3419.md");
            await File.AppendAllTextAsync(page, "\nA sentence added while the server runs.\n");
            await WaitForReloadAsync(events);
            Assert.Contains("A sentence added while the server runs.", await http.GetStringAsync(new Uri("kb/compounds/sar3419.html", UriKind.Relative)), StringComparison.Ordinal);

            await File.WriteAllTextAsync(page, "---\nname: SAR3419\naliases: [unclosed\n---\n");
            await WaitForReloadAsync(events);
            var broken = await http.GetAsync(new Uri("kb/index.html", UriKind.Relative));
            Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
            var error = await broken.Content.ReadAsStringAsync();
            Assert.Contains("The last build failed", error, StringComparison.Ordinal);
            Assert.Matches(@"compounds/sar3419\.md:\d+: error KB2001: invalid YAML front-matter", error);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    private static async Task<string> WaitForAsync(HttpClient http, string path)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await http.GetStringAsync(new Uri(path, UriKind.Relative));
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task WaitForReloadAsync(StreamReader events)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "data: reload")
            {
                return;
            }
        }

        Assert.Fail("the event stream ended without a reload");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
