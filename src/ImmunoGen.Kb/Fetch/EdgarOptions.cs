namespace ImmunoGen.Kb.Fetch;

/// <summary>
/// How <see cref="EdgarClient"/> talks to EDGAR: who we say we are, where the two hosts are, and how politely we ask
/// (SEC's fair-access policy: a declared User-Agent and at most 10 requests a second).
/// </summary>
public sealed record EdgarOptions
{
    /// <summary>The host of the submissions API (<c>/submissions/CIK##########.json</c>).</summary>
    public static readonly Uri DefaultApiBase = new("https://data.sec.gov/");

    /// <summary>The host of the filing archive (<c>/Archives/edgar/data/…</c>).</summary>
    public static readonly Uri DefaultArchiveBase = new("https://www.sec.gov/");

    /// <summary>The identity SEC requires on every request: <c>Company Name admin@example.com</c>.</summary>
    public required string UserAgent { get; init; }

    public Uri ApiBase { get; init; } = DefaultApiBase;

    public Uri ArchiveBase { get; init; } = DefaultArchiveBase;

    /// <summary>No more requests than this start in any one second (SEC allows 10).</summary>
    public int MaxRequestsPerSecond { get; init; } = 10;

    /// <summary>How many times one address is asked before it counts as failed (the first try included).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait after the first failed attempt when the server names none; it doubles with each further failure.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest doubled wait.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait a server's Retry-After is obeyed for (SEC blocks an over-eager client for about ten minutes).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>One attempt, headers and body, gets this long before it counts as timed out and is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The clock the request pacing and HTTP-date Retry-After values are measured with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How a wait is done; tests pass one that moves a virtual <see cref="Clock"/> instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;
}

/// <summary>The User-Agent rule of SEC's fair-access policy: a name and a contact e-mail address.</summary>
public static class EdgarUserAgent
{
    /// <summary>Where <c>kb fetch</c> looks for the identity when <c>--user-agent</c> is not given.</summary>
    public const string EnvironmentVariable = "KB_EDGAR_USER_AGENT";

    /// <summary>Why <paramref name="userAgent"/> cannot be sent to EDGAR, or null when it can.</summary>
    public static string? Problem(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return $"EDGAR requires a User-Agent naming you and a contact address: pass --user-agent \"Company Name admin@example.com\" or set {EnvironmentVariable}";
        }

        if (userAgent.Any(char.IsControl))
        {
            return "the User-Agent must be one line of text";
        }

        // SEC asks for "Sample Company Name AdminContact@<sample company domain>.com": without an address it blocks the client.
        var hasAddress = userAgent.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && word.IndexOf('.', at) > at + 1);
        return hasAddress
            ? null
            : $"the User-Agent \"{userAgent}\" has no contact e-mail address; EDGAR requires one, e.g. \"Company Name admin@example.com\"";
    }
}
