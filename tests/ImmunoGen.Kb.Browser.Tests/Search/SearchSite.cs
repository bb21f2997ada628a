using System.Net;
using System.Net.Sockets;
using ImmunoGen.Kb.Render;
using ImmunoGen.Kb.Search;
using ImmunoGen.Kb.Tests.Search;

namespace ImmunoGen.Kb.Browser.Tests.Search;

/// <summary>
/// A small site in a temp folder built the way the real build does it: templates/layouts/search.hbs rendered through
/// <see cref="HandlebarsTemplateEngine"/> into this fixture's base layout, templates/assets/search.js and search.css, the
/// index files of the seed graph, and a plain page at every result URL so Enter has somewhere to go.
/// </summary>
public sealed class SearchSite : IDisposable
{
    /// <param name="layout">How the index is cut into pieces; the site's default unless a test wants many tiny pieces.</param>
    public SearchSite(SearchLayout? layout = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "kb-search-" + Guid.NewGuid().ToString("N"));
        var repo = SeedGraph.RepositoryRoot();
        var templates = Path.Combine(Root, "_templates", "layouts");
        Directory.CreateDirectory(templates);
        File.Copy(Path.Combine(repo, "templates", "layouts", "search.hbs"), Path.Combine(templates, "search.hbs"));
        File.Copy(Path.Combine(repo, "tests", "ImmunoGen.Kb.Browser.Tests", "Search", "templates", "layouts", "base.hbs"), Path.Combine(templates, "base.hbs"));

        var diagnostics = new List<ImmunoGen.Kb.Diagnostics.Diagnostic>();
        var set = new HandlebarsTemplateEngine().Load(Path.Combine(Root, "_templates"), diagnostics);
        if (diagnostics.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", diagnostics));
        }

        var body = set.Render("search", new { root = "", title = "Search" });
        Write("search.html", set.Render("base", new { root = "", title = "Search", body }));
        Write("assets/search.js", File.ReadAllText(Path.Combine(repo, "templates", "assets", "search.js")));
        Write("assets/search.css", File.ReadAllText(Path.Combine(repo, "templates", "assets", "search.css")));
        Write("assets/site.css", "body { font-family: sans-serif; }\n");

        var index = SearchIndexBuilder.Build(SeedGraph.Build());
        foreach (var (path, content) in SearchIndexWriter.Write(index, layout))
        {
            Write(path, content);
        }

        foreach (var (url, title) in index.Entities.Select(e => (e.Url, e.Name)).Concat(index.Filings.Select(f => (f.Url, f.Title))))
        {
            Write(url, set.Render("base", new { root = "../", title, body = $"<h1>{WebUtility.HtmlEncode(title)}</h1>" }));
        }
    }

    public string Root { get; }

    public string FileUrl(string page) => new Uri(Path.Combine(Root, page)).AbsoluteUri;

    private void Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Serves the site under <c>http://127.0.0.1:PORT/kb/</c> until disposed: the sub-path case.</summary>
    public SubPathServer Serve() => new(Root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    public sealed class SubPathServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public SubPathServer(string root)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUrl = $"http://127.0.0.1:{port}/kb/";
            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext ctx;
                    try
                    {
                        ctx = await _listener.GetContextAsync();
                    }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }

                    var rel = Uri.UnescapeDataString(ctx.Request.Url!.AbsolutePath)["/kb/".Length..];
                    var file = Path.GetFullPath(Path.Combine(root, rel));
                    if (file.StartsWith(root, StringComparison.Ordinal) && File.Exists(file))
                    {
                        ctx.Response.ContentType = file.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript"
                            : file.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/html; charset=utf-8";
                        var bytes = await File.ReadAllBytesAsync(file);
                        await ctx.Response.OutputStream.WriteAsync(bytes);
                    }
                    else
                    {
                        ctx.Response.StatusCode = 404;
                    }

                    ctx.Response.Close();
                }
            });
        }

        public string BaseUrl { get; }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
