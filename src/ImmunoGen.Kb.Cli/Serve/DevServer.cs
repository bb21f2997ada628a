using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace ImmunoGen.Kb.Cli.Serve;

/// <summary>The outcome of one rebuild, as the dev server shows it.</summary>
/// <param name="Succeeded">False when the build reported errors; the site keeps its last good pages.</param>
/// <param name="Summary">One line: counts of pages rendered and written.</param>
/// <param name="Errors">The diagnostics to show in the page when the build failed.</param>
internal sealed record RebuildOutcome(bool Succeeded, string Summary, IReadOnlyList<string> Errors);

/// <summary>
/// <c>kb serve</c>: serves the built site on 127.0.0.1 under a base path, rebuilds when content/ or templates/ change,
/// and reloads open pages through a server-sent event. A failed rebuild shows its errors in the page; the server keeps running.
/// The reload script is injected into responses only, never written to site/.
/// </summary>
internal sealed class DevServer(string siteDirectory, IReadOnlyList<string> watchedDirectories, string basePath, int port, Func<RebuildOutcome> rebuild, TextWriter log)
{
    private const string EventsPath = "__kb/events";
    private readonly object _gate = new();
    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RebuildOutcome _last = new(true, "", []);
    private string _fingerprint = "";

    public string BasePath { get; } = NormalizeBasePath(basePath);

    public static string NormalizeBasePath(string basePath)
    {
        var trimmed = basePath.Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : $"/{trimmed}/";
    }

    public async Task RunAsync(CancellationToken cancellation)
    {
        Rebuild();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(HandleAsync);

        using var watch = StartWatching(cancellation);
        await app.StartAsync(cancellation).ConfigureAwait(false);
        log.WriteLine($"kb serve: http://127.0.0.1:{port}{BasePath} (watching {string.Join(", ", watchedDirectories)}; Ctrl+C to stop)");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == BasePath)
            {
                context.Response.Redirect(BasePath);
                return;
            }

            context.Response.StatusCode = (int)HttpStatusCode.NotFound;
            return;
        }

        var relative = Uri.UnescapeDataString(path[BasePath.Length..]);
        if (relative == EventsPath)
        {
            await StreamReloadsAsync(context).ConfigureAwait(false);
            return;
        }

        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        var file = Path.GetFullPath(Path.Combine(siteDirectory, relative));
        var root = Path.GetFullPath(siteDirectory) + Path.DirectorySeparatorChar;
        var status = HttpStatusCode.OK;
        if (!file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file))
        {
            status = HttpStatusCode.NotFound;
            file = Path.Combine(siteDirectory, "404.html");
        }

        RebuildOutcome last;
        lock (_gate)
        {
            last = _last;
        }

        var isHtml = file.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
        if (isHtml && !last.Succeeded)
        {
            await WriteHtmlAsync(context, HttpStatusCode.InternalServerError, ErrorPage(last)).ConfigureAwait(false);
            return;
        }

        if (!File.Exists(file))
        {
            context.Response.StatusCode = (int)status;
            return;
        }

        if (isHtml)
        {
            var html = await File.ReadAllTextAsync(file, context.RequestAborted).ConfigureAwait(false);
            await WriteHtmlAsync(context, status, InjectReload(html)).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = (int)status;
        context.Response.ContentType = _contentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteHtmlAsync(HttpContext context, HttpStatusCode status, string html)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }

    private string InjectReload(string html)
    {
        var script = $"<script>new EventSource(\"{BasePath}{EventsPath}\").onmessage=function(){{location.reload();}};</script>";
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + script : html.Insert(at, script);
    }

    private string ErrorPage(RebuildOutcome outcome)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed · kb serve</title>")
            .Append("<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}pre{background:#fff3f3;border-left:4px solid #c00;padding:1rem;white-space:pre-wrap}</style>")
            .Append("</head><body><main><h1>The last build failed</h1><p>Fix the input below and save: this page reloads when the build succeeds.</p><pre>");
        foreach (var line in outcome.Errors)
        {
            sb.Append(WebUtility.HtmlEncode(line)).Append('\n');
        }

        sb.Append("</pre></main></body></html>");
        return InjectReload(sb.ToString());
    }

    private async Task StreamReloadsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                Task changed;
                lock (_gate)
                {
                    changed = _changed.Task;
                }

                await changed.WaitAsync(context.RequestAborted).ConfigureAwait(false);
                await context.Response.WriteAsync("data: reload\n\n", context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Rebuild()
    {
        RebuildOutcome outcome;
        try
        {
            outcome = rebuild();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            outcome = new RebuildOutcome(false, "build failed", [ex.Message]);
        }

        TaskCompletionSource done;
        lock (_gate)
        {
            _last = outcome;
            // The build itself writes under content/; remember the tree as it stands so those writes do not trigger another build.
            _fingerprint = Fingerprint();
            done = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        log.WriteLine(outcome.Succeeded ? $"kb serve: rebuilt: {outcome.Summary}" : $"kb serve: build failed: {string.Join(" | ", outcome.Errors.Take(3))}");
        done.TrySetResult();
    }

    private CompositeDisposable StartWatching(CancellationToken cancellation)
    {
        var watchers = new List<FileSystemWatcher>();
        var pending = 0;
        void OnChange(object? sender, FileSystemEventArgs e)
        {
            if (e.Name is { } name && (name.EndsWith(".tmp", StringComparison.Ordinal) || name.EndsWith(".lock", StringComparison.Ordinal)))
            {
                return;
            }

            // Debounce: an editor's save is often several events; build once they settle.
            if (Interlocked.Exchange(ref pending, 1) == 0)
            {
                _ = Task.Run(
                    async () =>
                    {
                        await Task.Delay(300, cancellation).ConfigureAwait(false);
                        Interlocked.Exchange(ref pending, 0);
                        string before;
                        lock (_gate)
                        {
                            before = _fingerprint;
                        }

                        if (Fingerprint() != before)
                        {
                            Rebuild();
                        }
                    },
                    cancellation);
            }
        }

        foreach (var dir in watchedDirectories.Where(Directory.Exists))
        {
            var w = new FileSystemWatcher(dir) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            w.Changed += OnChange;
            w.Created += OnChange;
            w.Deleted += OnChange;
            w.Renamed += OnChange;
            watchers.Add(w);
        }

        return new CompositeDisposable(watchers);
    }

    private string Fingerprint()
    {
        var sb = new StringBuilder();
        foreach (var dir in watchedDirectories.Where(Directory.Exists))
        {
            foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (f.EndsWith(".tmp", StringComparison.Ordinal) || f.EndsWith(".lock", StringComparison.Ordinal))
                {
                    continue;
                }

                var info = new FileInfo(f);
                if (info.Exists)
                {
                    sb.Append(f).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    private sealed class CompositeDisposable(List<FileSystemWatcher> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var i in items)
            {
                i.Dispose();
            }
        }
    }
}
