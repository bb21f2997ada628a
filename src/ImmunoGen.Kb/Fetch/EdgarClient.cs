using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Fetch;

/// <summary>
/// Asks EDGAR for a company's filing index and downloads full submissions, within SEC's fair-access rules: the declared
/// User-Agent on every request, request starts paced to <see cref="EdgarOptions.MaxRequestsPerSecond"/>, and 429, 5xx,
/// timeouts and dropped connections retried with doubling waits (or the server's Retry-After) up to
/// <see cref="EdgarOptions.MaxAttempts"/>. Failures come back as diagnostics; only cancellation throws.
/// </summary>
/// <remarks>
/// The <see cref="HttpClient"/> is the caller's (one per process); give it automatic decompression and an infinite
/// <see cref="HttpClient.Timeout"/>, since each attempt here has its own <see cref="EdgarOptions.RequestTimeout"/>.
/// </remarks>
public sealed class EdgarClient
{
    /// <summary>The suffix of a download that is not complete yet; only such files are ever deleted by a fetch.</summary>
    internal const string TemporarySuffix = ".fetch.tmp";

    private readonly HttpClient _http;
    private readonly RequestPacer _pacer;

    public EdgarClient(HttpClient http, EdgarOptions options)
    {
        _http = http;
        Options = options with { ApiBase = AsFolder(options.ApiBase), ArchiveBase = AsFolder(options.ArchiveBase) };
        _pacer = new RequestPacer(options.MaxRequestsPerSecond, options.Clock, options.Delay);
    }

    public EdgarOptions Options { get; }

    /// <summary><c>https://data.sec.gov/submissions/CIK0000855654.json</c>: the CIK zero-padded to 10 digits.</summary>
    public Uri SubmissionsAddress(long cik) =>
        new(Options.ApiBase, string.Create(CultureInfo.InvariantCulture, $"submissions/CIK{cik:D10}.json"));

    /// <summary><c>https://data.sec.gov/submissions/CIK0000855654-submissions-001.json</c>.</summary>
    public Uri OlderSubmissionsAddress(string pageName) => new(Options.ApiBase, "submissions/" + pageName);

    /// <summary><c>https://www.sec.gov/Archives/edgar/data/855654/000085565406000123/0000855654-06-000123.txt</c>: the CIK without leading zeros.</summary>
    public Uri FullSubmissionAddress(long cik, AccessionNumber accession) =>
        new(Options.ArchiveBase, string.Create(CultureInfo.InvariantCulture, $"Archives/edgar/data/{cik}/{accession.Digits}/{accession.Value}.txt"));

    /// <summary>
    /// Lists the company's filings: the recent block and each older page, except pages that end before
    /// <paramref name="since"/> (they hold nothing newer, so asking for them would only spend requests).
    /// </summary>
    public async Task<FilingIndex> GetFilingIndexAsync(long cik, DateOnly? since, CancellationToken cancellationToken)
    {
        if (EdgarUserAgent.Problem(Options.UserAgent) is { } refusal)
        {
            return new FilingIndex(null, [], [Diagnostic.Error(DiagnosticCodes.Fetch.NoUserAgent, "", refusal)]);
        }

        var diagnostics = new List<Diagnostic>();
        var mainAddress = SubmissionsAddress(cik);
        var main = await GetAsync(mainAddress, ReadAllBytesAsync, cancellationToken).ConfigureAwait(false);
        if (main.Failure is not null)
        {
            diagnostics.Add(main.Failure);
        }

        var page = main.Value is { } json ? SubmissionsDocument.ReadMain(json, mainAddress.ToString(), diagnostics) : null;
        if (page is null)
        {
            return new FilingIndex(null, [], diagnostics);
        }

        var filings = new List<EdgarFiling>(page.Filings);
        foreach (var older in page.OlderPages)
        {
            if (since is { } first && older.FilingTo is { } last && last < first)
            {
                continue;
            }

            var address = OlderSubmissionsAddress(older.Name);
            var response = await GetAsync(address, ReadAllBytesAsync, cancellationToken).ConfigureAwait(false);
            if (response.Failure is not null)
            {
                diagnostics.Add(response.Failure);
            }

            if (response.Value is { } olderJson && SubmissionsDocument.ReadOlder(olderJson, address.ToString(), diagnostics) is { } rows)
            {
                filings.AddRange(rows);
            }
        }

        return new FilingIndex(page.CompanyName, filings, diagnostics);
    }

    /// <summary>
    /// Downloads one full submission to <paramref name="destination"/>. The bytes go to a temp file next to it, which is
    /// checked (right accession, ends with <c>&lt;/SEC-DOCUMENT&gt;</c>) and only then renamed into place, so an
    /// interrupted or failed download never leaves a partial <c>.txt</c>.
    /// </summary>
    /// <returns>Null when the file is in place, else the one diagnostic that says why not.</returns>
    public async Task<Diagnostic?> DownloadFullSubmissionAsync(long cik, AccessionNumber accession, string destination, CancellationToken cancellationToken)
    {
        if (EdgarUserAgent.Problem(Options.UserAgent) is { } refusal)
        {
            return Diagnostic.Error(DiagnosticCodes.Fetch.NoUserAgent, "", refusal);
        }

        var address = FullSubmissionAddress(cik, accession);
        var temporary = TemporaryPathFor(destination);
        var response = await GetAsync(address, (content, ct) => WriteCheckedAsync(content, temporary, accession, ct), cancellationToken).ConfigureAwait(false);
        if (response.Failure is not null)
        {
            return response.Failure;
        }

        if (response.Value is { } problem)
        {
            RawFilingFolder.TryDelete(temporary);
            return Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, address.ToString(), problem);
        }

        try
        {
            File.Move(temporary, destination, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RawFilingFolder.TryDelete(temporary);
            return Diagnostic.Error(DiagnosticCodes.Fetch.WriteFailed, destination, e.Message);
        }
    }

    /// <summary>The hidden temp file a download of <paramref name="destination"/> is written to: not <c>*.txt</c>, so no importer reads it.</summary>
    internal static string TemporaryPathFor(string destination) =>
        Path.Combine(Path.GetDirectoryName(destination) ?? ".", "." + Path.GetFileName(destination) + TemporarySuffix);

    private async Task<(T? Value, Diagnostic? Failure)> GetAsync<T>(Uri address, Func<HttpContent, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var source = address.ToString();
        for (var attempt = 1; ; attempt++)
        {
            await _pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            string failure;
            TimeSpan? serverWait = null;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(Options.RequestTimeout);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, address);

                    // Added unvalidated: "Name admin@example.com" is what SEC asks for, but '@' is not an RFC 9110 product token.
                    request.Headers.TryAddWithoutValidation("User-Agent", Options.UserAgent);
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return (await read(response.Content, attemptTimeout.Token).ConfigureAwait(false), null);
                    }

                    var status = (int)response.StatusCode;
                    failure = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
                    if (!IsTransient(response.StatusCode))
                    {
                        if (response.StatusCode == HttpStatusCode.Forbidden)
                        {
                            failure += " (EDGAR refuses requests without a declared User-Agent, and for a while after too many requests)";
                        }

                        return (default, Diagnostic.Error(DiagnosticCodes.Fetch.HttpFailed, source, failure));
                    }

                    serverWait = RetryAfter(response.Headers.RetryAfter);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"no complete response within {Options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
                }
                catch (HttpRequestException e)
                {
                    failure = e.Message;
                }
                catch (IOException e)
                {
                    failure = e.Message;
                }
                catch (UnauthorizedAccessException e)
                {
                    // The temp file could not be written: asking again will not change that.
                    return (default, Diagnostic.Error(DiagnosticCodes.Fetch.WriteFailed, source, e.Message));
                }
            }

            if (attempt >= Options.MaxAttempts)
            {
                var tries = attempt == 1 ? "1 attempt" : $"{attempt} attempts";
                return (default, Diagnostic.Error(DiagnosticCodes.Fetch.HttpFailed, source, $"gave up after {tries}: {failure}"));
            }

            await Options.Delay(WaitBeforeRetry(attempt, serverWait), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The server's Retry-After when it gave one (capped), else the doubling back-off for this many failures.</summary>
    internal TimeSpan WaitBeforeRetry(int failedAttempts, TimeSpan? serverWait)
    {
        if (serverWait is { } wait)
        {
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > Options.MaxRetryAfter ? Options.MaxRetryAfter : wait;
        }

        var doubled = Options.FirstRetryDelay * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        return doubled > Options.MaxRetryDelay ? Options.MaxRetryDelay : doubled;
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - Options.Clock.GetUtcNow() : null);

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static Task<byte[]> ReadAllBytesAsync(HttpContent content, CancellationToken cancellationToken) =>
        content.ReadAsByteArrayAsync(cancellationToken);

    /// <returns>Null when the temp file holds the complete submission, else why it does not.</returns>
    private static async Task<string?> WriteCheckedAsync(HttpContent content, string temporary, AccessionNumber accession, CancellationToken cancellationToken)
    {
        try
        {
            var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                var body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    await body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }

                // On disk before the rename, so a crash right after cannot leave a named but empty filing.
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            return FullSubmissionText.Problem(temporary, accession);
        }
        catch
        {
            RawFilingFolder.TryDelete(temporary);
            throw;
        }
    }

    private static Uri AsFolder(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
