using System.Net;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Fetch;
using static ImmunoGen.Kb.Tests.Fetch.FetchWorkspace;

namespace ImmunoGen.Kb.Tests.Fetch;

public sealed class FilingFetcherTests : IDisposable
{
    // The seed texts as the repository keeps them in content/raw: plain text, no SEC header.
    private static readonly string SeedDirectory = Path.Combine(RepositoryRoot(), "content", "raw");
    private readonly FetchWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Fetch_IntoAnEmptyFolder_DownloadsEvery8K_OldestFirst_IncludingTheOlderPage()
    {
        var result = await _work.FetchAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Equal([Oct2006Older8K, Oct2006Licence8K, Nov2006Clinical8K, Oct2007Milestone8K], result.Downloaded.Select(f => f.Filing.Accession.Value));
        Assert.Empty(result.AlreadyPresent);
        Assert.Empty(result.Failed);
        Assert.Equal("fetched 4 new filings (0 already present, 0 failed)", result.Summary);
        Assert.Equal(
            [SubmissionsPath, OlderSubmissionsPath, .. result.Downloaded.Select(f => EdgarFixtureServer.ArchivePath(f.Filing.Accession.Value))],
            _work.Server.Requests.Select(r => r.Path));
        foreach (var fetched in result.Downloaded)
        {
            var accession = fetched.Filing.Accession.Value;
            Assert.EndsWith($"/raw/{accession}.txt", fetched.Path, StringComparison.Ordinal);
            Assert.Equal(EdgarFixtureServer.FixtureBytes(EdgarFixtureServer.ArchivePath(accession)), _work.RawBytes(accession + ".txt"));
        }

        Assert.Equal(result.Downloaded.Select(f => f.Filing.Accession.Value + ".txt"), _work.RawFileNames());
    }

    [Fact]
    public async Task Fetch_ListsEachFilingWithItsIndexFacts()
    {
        var result = await _work.FetchAsync();

        var older = result.Downloaded[0].Filing;
        Assert.Equal("8-K", older.Form);
        Assert.Equal(new DateOnly(2006, 10, 5), older.FilingDate);
        Assert.Equal(new DateOnly(2006, 10, 4), older.ReportDate);
        Assert.Equal("d8k.txt", older.PrimaryDocument);
    }

    [Fact]
    public async Task Fetch_DownloadsExactlyTheMissingFilings()
    {
        // Given one filing saved under its accession name, one under another name (found by its SEC header),
        // and the seed texts, which have no header at all.
        File.WriteAllBytes(Path.Combine(_work.RawDirectory, Oct2006Licence8K + ".txt"), EdgarFixtureServer.FixtureBytes(EdgarFixtureServer.ArchivePath(Oct2006Licence8K)));
        File.WriteAllBytes(Path.Combine(_work.RawDirectory, "imgn-2007-10-17-sar3419.txt"), EdgarFixtureServer.FixtureBytes(EdgarFixtureServer.ArchivePath(Oct2007Milestone8K)));
        var seeds = Directory.GetFiles(SeedDirectory, "*.txt").Order(StringComparer.Ordinal).ToList();
        foreach (var seed in seeds)
        {
            File.Copy(seed, Path.Combine(_work.RawDirectory, Path.GetFileName(seed)));
        }

        // When
        var result = await _work.FetchAsync();

        // Then only the two missing ones were asked for and written; nothing else in the folder changed.
        Assert.Empty(result.Diagnostics);
        Assert.Equal([Oct2006Older8K, Nov2006Clinical8K], result.Downloaded.Select(f => f.Filing.Accession.Value));
        Assert.Equal([EdgarFixtureServer.ArchivePath(Oct2006Older8K), EdgarFixtureServer.ArchivePath(Nov2006Clinical8K)], _work.ArchiveRequests());
        Assert.Equal(
            [(Oct2006Licence8K, Oct2006Licence8K + ".txt"), (Oct2007Milestone8K, "imgn-2007-10-17-sar3419.txt")],
            result.AlreadyPresent.Select(f => (f.Filing.Accession.Value, Path.GetFileName(f.Path))));
        Assert.Equal("fetched 2 new filings (2 already present, 0 failed)", result.Summary);
        Assert.Equal(
            new[] { Oct2006Older8K + ".txt", Oct2006Licence8K + ".txt", Nov2006Clinical8K + ".txt" }
                .Concat(seeds.Select(Path.GetFileName)).Append("imgn-2007-10-17-sar3419.txt").Order(StringComparer.Ordinal),
            _work.RawFileNames());
        foreach (var seed in seeds)
        {
            Assert.Equal(File.ReadAllBytes(seed), _work.RawBytes(Path.GetFileName(seed)));
        }
    }

    [Fact]
    public async Task Fetch_RunAgain_DownloadsNothing()
    {
        await _work.FetchAsync();
        var before = _work.Server.Requests.Count;

        var again = await _work.FetchAsync();

        Assert.Empty(again.Downloaded);
        Assert.Equal(4, again.AlreadyPresent.Count);
        Assert.Equal([SubmissionsPath, OlderSubmissionsPath], _work.Server.Requests.Skip(before).Select(r => r.Path));
    }

    [Fact]
    public async Task Fetch_Since_KeepsFilingsFiledThatDayOrLater_AndSkipsOlderPagesThatEndBefore()
    {
        var result = await _work.FetchAsync(_work.FetchOptions with { Since = new DateOnly(2006, 11, 8) });

        Assert.Equal([Nov2006Clinical8K, Oct2007Milestone8K], result.Downloaded.Select(f => f.Filing.Accession.Value));
        Assert.DoesNotContain(OlderSubmissionsPath, _work.Server.Requests.Select(r => r.Path));
    }

    [Theory]
    [InlineData("8-K/A", new[] { Oct2006Licence8KA })]
    [InlineData("8-k/a", new[] { Oct2006Licence8KA })]
    [InlineData("8-K,8-K/A", new[] { Oct2006Older8K, Oct2006Licence8K, Oct2006Licence8KA, Nov2006Clinical8K, Oct2007Milestone8K })]
    public async Task Fetch_Forms_MatchesFormTypesExactly(string forms, string[] expected)
    {
        var result = await _work.FetchAsync(_work.FetchOptions with { Forms = forms.Split(',') });

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Downloaded.Select(f => f.Filing.Accession.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ImmunoGen.Kb tests")]
    public async Task Fetch_WithoutAProperUserAgent_RefusesBeforeAnyRequest(string userAgent)
    {
        var result = await _work.FetchAsync(edgar: _work.EdgarOptions with { UserAgent = userAgent });

        var refusal = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Fetch.NoUserAgent, refusal.Code);
        Assert.True(result.HasErrors);
        Assert.Empty(_work.Server.Requests);
        Assert.Empty(_work.RawFileNames());
    }

    [Fact]
    public async Task Fetch_SendsTheUserAgentOnEveryRequest()
    {
        _work.Server.Fail(EdgarFixtureServer.ArchivePath(Oct2006Licence8K), 1, HttpStatusCode.ServiceUnavailable);

        await _work.FetchAsync();

        Assert.Equal(7, _work.Server.Requests.Count);
        Assert.All(_work.Server.Requests, r => Assert.Equal(UserAgent, r.UserAgent));
    }

    [Fact]
    public async Task Fetch_On429_WaitsAsLongAsRetryAfterSays_ThenSucceeds()
    {
        var path = EdgarFixtureServer.ArchivePath(Oct2006Licence8K);
        _work.Server.Fail(path, 2, HttpStatusCode.TooManyRequests, retryAfter: "7");

        var result = await _work.FetchAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Downloaded, f => f.Filing.Accession.Value == Oct2006Licence8K);
        Assert.Equal([429, 429, 200], _work.Server.Requests.Where(r => r.Path == path).Select(r => r.Status));
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], _work.Clock.Delays.Where(d => d >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Fetch_On503WithoutRetryAfter_BacksOffDoubling_ThenSucceeds()
    {
        var path = EdgarFixtureServer.ArchivePath(Nov2006Clinical8K);
        _work.Server.Fail(path, 3, HttpStatusCode.ServiceUnavailable);

        var result = await _work.FetchAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Equal([503, 503, 503, 200], _work.Server.Requests.Where(r => r.Path == path).Select(r => r.Status));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _work.Clock.Delays.Where(d => d >= TimeSpan.FromSeconds(1)));
        Assert.Equal(EdgarFixtureServer.FixtureBytes(path), _work.RawBytes(Nov2006Clinical8K + ".txt"));
    }

    [Fact]
    public async Task Fetch_WhenOneFilingKeepsFailing_GivesUpAfterMaxAttempts_WithOneErrorLine_AndFetchesTheRest()
    {
        var path = EdgarFixtureServer.ArchivePath(Oct2006Licence8K);
        _work.Server.Fail(path, 100, HttpStatusCode.ServiceUnavailable);

        var result = await _work.FetchAsync(edgar: _work.EdgarOptions with { MaxAttempts = 3 });

        Assert.Equal(3, _work.Server.Requests.Count(r => r.Path == path));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(
            $"{_work.Server.BaseAddress}Archives/edgar/data/855654/000085565406000149/{Oct2006Licence8K}.txt: error KB7002: gave up after 3 attempts: HTTP 503 Service Unavailable",
            error.ToString());
        Assert.Equal([Oct2006Licence8K], result.Failed.Select(f => f.Accession.Value));
        Assert.Equal([Oct2006Older8K, Nov2006Clinical8K, Oct2007Milestone8K], result.Downloaded.Select(f => f.Filing.Accession.Value));
        Assert.Equal("fetched 3 new filings (0 already present, 1 failed)", result.Summary);
        Assert.True(result.HasErrors);
        Assert.Equal([Oct2006Older8K + ".txt", Nov2006Clinical8K + ".txt", Oct2007Milestone8K + ".txt"], _work.RawFileNames());
    }

    [Fact]
    public async Task Fetch_On404_ReportsOneErrorWithoutRetrying_AndFetchesTheRest()
    {
        // The fixture lists a 10-Q whose submission the archive does not have.
        var result = await _work.FetchAsync(_work.FetchOptions with { Forms = ["8-K", "10-Q"] });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Fetch.HttpFailed, error.Code);
        Assert.EndsWith($"/{Nov2006TenQ}.txt", error.Path, StringComparison.Ordinal);
        Assert.Equal("HTTP 404 Not Found", error.Message);
        Assert.Single(_work.Server.Requests, r => r.Path == EdgarFixtureServer.ArchivePath(Nov2006TenQ));
        Assert.Equal([Nov2006TenQ], result.Failed.Select(f => f.Accession.Value));
        Assert.Equal(4, result.Downloaded.Count);
    }

    [Fact]
    public async Task Fetch_NeverStartsMoreThanTenRequestsInAnyOneSecond()
    {
        // Retry-After: 0 makes every retry ask again at once, so only the pacing stands between the client and the server.
        foreach (var accession in new[] { Oct2006Older8K, Oct2006Licence8K, Nov2006Clinical8K, Oct2007Milestone8K })
        {
            _work.Server.Fail(EdgarFixtureServer.ArchivePath(accession), 3, HttpStatusCode.ServiceUnavailable, retryAfter: "0");
        }

        var result = await _work.FetchAsync();

        Assert.Equal(4, result.Downloaded.Count);
        var starts = _work.Server.Requests.Select(r => r.At).ToList();
        Assert.Equal(18, starts.Count);
        var busiestSecond = starts.Max(t => starts.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)));
        Assert.Equal(10, busiestSecond);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(100), $"{pair.First:ss.fff} -> {pair.Second:ss.fff}"));
    }

    [Fact]
    public async Task Fetch_WhenAResponseTimesOut_AsksAgain()
    {
        var path = EdgarFixtureServer.ArchivePath(Oct2006Older8K);
        _work.Server.Hold(path, 1, TimeSpan.FromSeconds(30));

        var result = await _work.FetchAsync(edgar: _work.EdgarOptions with { RequestTimeout = TimeSpan.FromSeconds(3) });

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, _work.Server.Requests.Count(r => r.Path == path));
        Assert.Equal(EdgarFixtureServer.FixtureBytes(path), _work.RawBytes(Oct2006Older8K + ".txt"));
    }

    [Fact]
    public async Task Fetch_CancelledMidDownload_LeavesNoPartialFile_AndARerunCompletes()
    {
        // Given a download that stalls halfway through the third filing.
        var stalled = _work.Server.Stall(EdgarFixtureServer.ArchivePath(Nov2006Clinical8K));
        using var cancel = new CancellationTokenSource();

        // When the run is cancelled right there.
        var run = _work.FetchAsync(cancellationToken: cancel.Token);
        await stalled.WaitAsync(TimeSpan.FromSeconds(20));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        // Then the two finished filings are whole and nothing else is left behind, not even the lock.
        Assert.Equal([Oct2006Older8K + ".txt", Oct2006Licence8K + ".txt"], _work.RawFileNames());

        // And a second run fetches exactly the rest.
        var rerun = await _work.FetchAsync();
        Assert.Empty(rerun.Diagnostics);
        Assert.Equal([Nov2006Clinical8K, Oct2007Milestone8K], rerun.Downloaded.Select(f => f.Filing.Accession.Value));
        Assert.Equal([Oct2006Older8K, Oct2006Licence8K], rerun.AlreadyPresent.Select(f => f.Filing.Accession.Value));
        foreach (var accession in new[] { Oct2006Older8K, Oct2006Licence8K, Nov2006Clinical8K, Oct2007Milestone8K })
        {
            Assert.Equal(EdgarFixtureServer.FixtureBytes(EdgarFixtureServer.ArchivePath(accession)), _work.RawBytes(accession + ".txt"));
        }
    }

    [Fact]
    public async Task Fetch_AfterAKilledRun_RemovesItsTempFileAndLock_AndDownloadsTheFilingWhole()
    {
        // A killed process leaves its half-written temp file and its lock file; neither holds the lock any more.
        var fixture = EdgarFixtureServer.FixtureBytes(EdgarFixtureServer.ArchivePath(Oct2006Licence8K));
        File.WriteAllBytes(Path.Combine(_work.RawDirectory, $".{Oct2006Licence8K}.txt.fetch.tmp"), fixture[..(fixture.Length / 2)]);
        File.WriteAllBytes(Path.Combine(_work.RawDirectory, ".kb-fetch.lock"), []);

        var result = await _work.FetchAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Downloaded, f => f.Filing.Accession.Value == Oct2006Licence8K);
        Assert.Equal(fixture, _work.RawBytes(Oct2006Licence8K + ".txt"));
        Assert.DoesNotContain(_work.RawFileNames(), name => name.StartsWith('.'));
    }

    [Fact]
    public async Task Fetch_WhileAnotherFetchHoldsTheFolder_RefusesWithoutRequests()
    {
        using var otherFetch = new FileStream(Path.Combine(_work.RawDirectory, ".kb-fetch.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var result = await _work.FetchAsync();

        Assert.Equal(DiagnosticCodes.Fetch.Locked, Assert.Single(result.Diagnostics).Code);
        Assert.Empty(_work.Server.Requests);
    }

    [Fact]
    public async Task Fetch_WhenTheArchiveSendsAnotherSubmission_KeepsNothingAndSaysWhich()
    {
        var path = EdgarFixtureServer.ArchivePath(Nov2006Clinical8K);
        _work.Server.ServeInstead(path, EdgarFixtureServer.FixtureBytes(EdgarFixtureServer.ArchivePath(Oct2006Licence8K)));

        var result = await _work.FetchAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Fetch.BadResponse, error.Code);
        Assert.Equal($"the response is submission {Oct2006Licence8K}, not {Nov2006Clinical8K}", error.Message);
        Assert.Equal([Nov2006Clinical8K], result.Failed.Select(f => f.Accession.Value));
        Assert.DoesNotContain(Nov2006Clinical8K + ".txt", _work.RawFileNames());
        Assert.DoesNotContain(_work.RawFileNames(), name => name.StartsWith('.'));
    }

    [Fact]
    public async Task Fetch_WhenASubmissionArrivesWithoutItsEnd_KeepsNothing()
    {
        var path = EdgarFixtureServer.ArchivePath(Nov2006Clinical8K);
        var whole = EdgarFixtureServer.FixtureBytes(path);
        _work.Server.ServeInstead(path, whole[..(whole.Length - 200)]);

        var result = await _work.FetchAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Fetch.BadResponse, error.Code);
        Assert.Equal("the submission ends before its </SEC-DOCUMENT> tag (truncated)", error.Message);
        Assert.DoesNotContain(Nov2006Clinical8K + ".txt", _work.RawFileNames());
    }

    [Fact]
    public async Task Fetch_WhenTheCompanyIsUnknown_ReportsTheIndexFailure()
    {
        var result = await _work.FetchAsync(_work.FetchOptions with { Cik = 1 });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal($"{_work.Server.BaseAddress}submissions/CIK0000000001.json: error KB7002: HTTP 404 Not Found", error.ToString());
        Assert.Empty(result.Downloaded);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public async Task Fetch_WhenTheOlderPageFails_StillFetchesTheRecentFilings()
    {
        _work.Server.Fail(OlderSubmissionsPath, 100, HttpStatusCode.InternalServerError);

        var result = await _work.FetchAsync(edgar: _work.EdgarOptions with { MaxAttempts = 2 });

        Assert.Equal(DiagnosticCodes.Fetch.HttpFailed, Assert.Single(result.Diagnostics).Code);
        Assert.Equal([Oct2006Licence8K, Nov2006Clinical8K, Oct2007Milestone8K], result.Downloaded.Select(f => f.Filing.Accession.Value));
    }

    [Fact]
    public async Task Fetch_TellsAboutEachFilingAsItLands()
    {
        var told = new List<string>();

        var result = await _work.FetchAsync(_work.FetchOptions with { OnDownloaded = f => told.Add(f.Filing.Accession.Value + " " + File.Exists(f.Path)) });

        Assert.Equal(result.Downloaded.Select(f => f.Filing.Accession.Value + " True"), told);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ImmunoGen.Kb.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("the tests run outside the repository");
    }
}
