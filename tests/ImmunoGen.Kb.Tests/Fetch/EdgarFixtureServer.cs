using System.Net;
using System.Net.Sockets;

namespace ImmunoGen.Kb.Tests.Fetch;

/// <summary>One request as the server saw it, timed with the test's clock.</summary>
internal sealed record RecordedRequest(string Path, DateTimeOffset At, string? UserAgent, int Status);

/// <summary>
/// A stand-in for both EDGAR hosts on 127.0.0.1: serves <c>TestData/Fetch/edgar/</c> at the same paths EDGAR uses
/// (<c>/submissions/…</c>, <c>/Archives/edgar/data/…</c>), records every request, and can be told to misbehave
/// for the first requests of a path.
/// </summary>
internal sealed class EdgarFixtureServer : IDisposable
{
    public static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "TestData", "Fetch", "edgar");

    private readonly HttpListener _listener;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, Queue<Misbehaviour>> _plans = new(StringComparer.Ordinal);
    private readonly Task _serving;

    private EdgarFixtureServer(HttpListener listener, Uri baseAddress, TimeProvider clock)
    {
        _listener = listener;
        _clock = clock;
        BaseAddress = baseAddress;
        _serving = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static EdgarFixtureServer Start(TimeProvider clock)
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new EdgarFixtureServer(listener, new Uri(prefix), clock);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between the probe and the listener: pick another.
                listener.Close();
            }
        }
    }

    /// <summary>The path of a full submission, as EDGAR lays out its archive.</summary>
    public static string ArchivePath(string accession) =>
        $"/Archives/edgar/data/855654/{accession.Replace("-", "", StringComparison.Ordinal)}/{accession}.txt";

    public static byte[] FixtureBytes(string path) => File.ReadAllBytes(Path.Combine(FixtureRoot, path.TrimStart('/')));

    /// <summary>The next <paramref name="times"/> requests for <paramref name="path"/> get <paramref name="status"/>.</summary>
    public void Fail(string path, int times, HttpStatusCode status, string? retryAfter = null) =>
        Plan(path, times, new Misbehaviour { Status = status, RetryAfter = retryAfter });

    /// <summary>The next <paramref name="times"/> requests for <paramref name="path"/> are answered only after <paramref name="delay"/> of real time.</summary>
    public void Hold(string path, int times, TimeSpan delay) => Plan(path, times, new Misbehaviour { Delay = delay });

    /// <summary>The next request for <paramref name="path"/> gets <paramref name="body"/> instead of the fixture.</summary>
    public void ServeInstead(string path, byte[] body) => Plan(path, 1, new Misbehaviour { Body = body });

    /// <summary>
    /// The next request for <paramref name="path"/> gets its headers and half its body, then nothing more.
    /// The returned task completes once that half has been sent.
    /// </summary>
    public Task Stall(string path)
    {
        var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Plan(path, 1, new Misbehaviour { HalfSent = halfSent });
        return halfSent.Task;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stopping.Dispose();
    }

    private void Plan(string path, int times, Misbehaviour misbehaviour)
    {
        lock (_gate)
        {
            if (!_plans.TryGetValue(path, out var queue))
            {
                _plans[path] = queue = new Queue<Misbehaviour>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(misbehaviour);
            }
        }
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            Misbehaviour? plan = null;
            var file = Path.GetFullPath(Path.Combine(FixtureRoot, Uri.UnescapeDataString(path).TrimStart('/')));
            var exists = file.StartsWith(FixtureRoot, StringComparison.Ordinal) && File.Exists(file);
            int status;
            lock (_gate)
            {
                if (_plans.TryGetValue(path, out var queue) && queue.Count > 0)
                {
                    plan = queue.Dequeue();
                }

                status = plan?.Status is { } s ? (int)s : exists || plan?.Body is not null ? 200 : 404;
                _requests.Add(new RecordedRequest(path, _clock.GetUtcNow(), context.Request.Headers["User-Agent"], status));
            }

            if (plan?.Delay is { } delay)
            {
                await Task.Delay(delay, _stopping.Token);
            }

            response.StatusCode = status;
            if (plan?.RetryAfter is { } retryAfter)
            {
                response.Headers["Retry-After"] = retryAfter;
            }

            if (status != 200)
            {
                response.Close();
                return;
            }

            var body = plan?.Body ?? await File.ReadAllBytesAsync(file);
            response.ContentType = path.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/plain";
            response.ContentLength64 = body.Length;
            if (plan?.HalfSent is { } halfSent)
            {
                await response.OutputStream.WriteAsync(body.AsMemory(0, body.Length / 2));
                await response.OutputStream.FlushAsync();
                halfSent.SetResult();
                await Task.Delay(Timeout.Infinite, _stopping.Token);
            }

            await response.OutputStream.WriteAsync(body);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client gave up (timeout, cancellation) or the server is stopping: nothing to answer.
            response.Abort();
        }
    }

    private sealed record Misbehaviour
    {
        public HttpStatusCode? Status { get; init; }

        public string? RetryAfter { get; init; }

        public TimeSpan? Delay { get; init; }

        public byte[]? Body { get; init; }

        public TaskCompletionSource? HalfSent { get; init; }
    }
}
