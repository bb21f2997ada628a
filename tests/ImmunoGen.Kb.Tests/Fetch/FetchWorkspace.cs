using ImmunoGen.Kb.Fetch;

namespace ImmunoGen.Kb.Tests.Fetch;

/// <summary>
/// One test's world: a content folder in a temp directory, the fixture server, a virtual clock, and the client
/// and fetcher wired to them the way <c>kb fetch</c> wires them to EDGAR.
/// </summary>
internal sealed class FetchWorkspace : IDisposable
{
    public const string UserAgent = "ImmunoGen.Kb tests kb-tests@example.com";
    public const long ImmunoGen = 855654;

    /// <summary>The fixture's filings, by role.</summary>
    public const string Oct2006Older8K = "0000855654-06-000141";
    public const string Oct2006Licence8K = "0000855654-06-000149";
    public const string Oct2006Licence8KA = "0000855654-06-000151";
    public const string Nov2006Clinical8K = "0000855654-06-000158";
    public const string Nov2006TenQ = "0000855654-06-000162";
    public const string Oct2007Milestone8K = "0000855654-07-000031";

    public const string SubmissionsPath = "/submissions/CIK0000855654.json";
    public const string OlderSubmissionsPath = "/submissions/CIK0000855654-submissions-001.json";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "kb-fetch-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public FetchWorkspace()
    {
        Directory.CreateDirectory(RawDirectory);
        Server = EdgarFixtureServer.Start(Clock);
    }

    public VirtualClock Clock { get; } = new();

    public EdgarFixtureServer Server { get; }

    public string ContentDirectory => Path.Combine(_root, "content");

    public string RawDirectory => Path.Combine(ContentDirectory, "raw");

    public EdgarOptions EdgarOptions => new()
    {
        UserAgent = UserAgent,
        ApiBase = Server.BaseAddress,
        ArchiveBase = Server.BaseAddress,
        Clock = Clock,
        Delay = Clock.Delay,
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    public FetchOptions FetchOptions => new() { Cik = ImmunoGen, ContentDirectory = ContentDirectory };

    public EdgarClient Client(EdgarOptions? options = null) => new(_http, options ?? EdgarOptions);

    public Task<FetchResult> FetchAsync(FetchOptions? options = null, EdgarOptions? edgar = null, CancellationToken cancellationToken = default) =>
        new FilingFetcher(Client(edgar)).FetchAsync(options ?? FetchOptions, cancellationToken);

    /// <summary>File names in content/raw, hidden ones included, sorted.</summary>
    public IReadOnlyList<string> RawFileNames() =>
        Directory.EnumerateFiles(RawDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    public byte[] RawBytes(string fileName) => File.ReadAllBytes(Path.Combine(RawDirectory, fileName));

    /// <summary>The archive paths requested, in request order.</summary>
    public IReadOnlyList<string> ArchiveRequests() =>
        Server.Requests.Select(r => r.Path).Where(p => p.StartsWith("/Archives/", StringComparison.Ordinal)).ToList();

    public void Dispose()
    {
        Server.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
