using System.CommandLine;
using ImmunoGen.Kb.Cli.Commands;
using static ImmunoGen.Kb.Tests.Fetch.FetchWorkspace;

namespace ImmunoGen.Kb.Tests.Fetch;

public sealed class FetchCommandTests : IDisposable
{
    private readonly FetchWorkspace _work = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _work.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task Fetch_WithTheUserAgentFromTheEnvironment_PrintsOneLinePerFilingAndTheSummary()
    {
        var exit = await RunAsync(environment: UserAgent, "--cik", "855654");

        Assert.Equal(0, exit);
        Assert.Equal("", _error.ToString());
        Assert.Equal(
            [
                $"{Oct2006Older8K} 8-K filed 2006-10-05 -> {RawPath(Oct2006Older8K)}",
                $"{Oct2006Licence8K} 8-K filed 2006-10-19 -> {RawPath(Oct2006Licence8K)}",
                $"{Nov2006Clinical8K} 8-K filed 2006-11-08 -> {RawPath(Nov2006Clinical8K)}",
                $"{Oct2007Milestone8K} 8-K filed 2007-10-17 -> {RawPath(Oct2007Milestone8K)}",
                "fetched 4 new filings (0 already present, 0 failed)",
            ],
            Lines(_output));
        Assert.All(_work.Server.Requests, r => Assert.Equal(UserAgent, r.UserAgent));
    }

    [Fact]
    public async Task Fetch_AgainstTheFixtureServer_DownloadsExactlyTheMissingFilings()
    {
        File.WriteAllBytes(Path.Combine(_work.RawDirectory, Oct2006Licence8K + ".txt"), EdgarFixtureServer.FixtureBytes(EdgarFixtureServer.ArchivePath(Oct2006Licence8K)));
        File.WriteAllBytes(Path.Combine(_work.RawDirectory, "sar3419-phase1.txt"), EdgarFixtureServer.FixtureBytes(EdgarFixtureServer.ArchivePath(Oct2007Milestone8K)));

        var exit = await RunAsync(environment: UserAgent, "--cik", "855654");

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                $"{Oct2006Older8K} 8-K filed 2006-10-05 -> {RawPath(Oct2006Older8K)}",
                $"{Nov2006Clinical8K} 8-K filed 2006-11-08 -> {RawPath(Nov2006Clinical8K)}",
                "fetched 2 new filings (2 already present, 0 failed)",
            ],
            Lines(_output));
        Assert.Equal([EdgarFixtureServer.ArchivePath(Oct2006Older8K), EdgarFixtureServer.ArchivePath(Nov2006Clinical8K)], _work.ArchiveRequests());
    }

    [Fact]
    public async Task Fetch_UserAgentOption_WinsOverTheEnvironment()
    {
        var exit = await RunAsync(environment: "Someone Else other@example.org", "--cik", "855654", "--user-agent", "Curator Desk curator@example.com", "--forms", "8-K/A");

        Assert.Equal(0, exit);
        Assert.All(_work.Server.Requests, r => Assert.Equal("Curator Desk curator@example.com", r.UserAgent));
        Assert.Equal("fetched 1 new filings (0 already present, 0 failed)", Lines(_output)[^1]);
    }

    [Fact]
    public async Task Fetch_WithoutAUserAgent_RefusesWithOneLine_AndExitCode2()
    {
        var exit = await RunAsync(environment: null, "--cik", "855654");

        Assert.Equal(2, exit);
        var line = Assert.Single(Lines(_error));
        Assert.StartsWith("kb fetch: EDGAR requires a User-Agent", line, StringComparison.Ordinal);
        Assert.Empty(_work.Server.Requests);
        Assert.Equal("", _output.ToString());
    }

    [Theory]
    [InlineData("--since", "2006-13-01", "kb fetch: --since \"2006-13-01\" is not a date (YYYY-MM-DD)")]
    [InlineData("--forms", " , ", "kb fetch: --forms names no form type (e.g. 8-K or 8-K,8-K/A)")]
    [InlineData("--api-base", "ftp://127.0.0.1/", "kb fetch: \"ftp://127.0.0.1/\" is not an http(s) address")]
    public async Task Fetch_WithABadOption_SaysWhichAndExits2(string option, string value, string expected)
    {
        var exit = await RunAsync(environment: UserAgent, "--cik", "855654", option, value);

        Assert.Equal(2, exit);
        Assert.Equal([expected], Lines(_error));
        Assert.Empty(_work.Server.Requests);
    }

    [Fact]
    public async Task Fetch_WhenAFilingFails_PrintsItsErrorLine_AndExits1()
    {
        var exit = await RunAsync(environment: UserAgent, "--cik", "855654", "--forms", "8-K,10-Q", "--since", "2006-11-01");

        Assert.Equal(1, exit);
        Assert.Equal(
            [$"{_work.Server.BaseAddress}Archives/edgar/data/855654/000085565406000162/{Nov2006TenQ}.txt: error KB7002: HTTP 404 Not Found"],
            Lines(_error));
        Assert.Equal("fetched 2 new filings (0 already present, 1 failed)", Lines(_output)[^1]);
    }

    private async Task<int> RunAsync(string? environment, params string[] args)
    {
        var root = new RootCommand { FetchCommand.Create(name => name == "KB_EDGAR_USER_AGENT" ? environment : null) };
        string[] bases = ["--content", _work.ContentDirectory, "--api-base", _work.Server.BaseAddress.ToString(), "--archive-base", _work.Server.BaseAddress.ToString()];
        var fullArgs = args.Contains("--api-base") ? ["fetch", .. args, "--content", _work.ContentDirectory] : (string[])["fetch", .. args, .. bases];
        var parse = root.Parse(fullArgs);
        Assert.Empty(parse.Errors);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error });
    }

    private string RawPath(string accession) => new Kb.Content.ContentStore(_work.ContentDirectory).Display(Path.Combine(_work.RawDirectory, accession + ".txt"));

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
