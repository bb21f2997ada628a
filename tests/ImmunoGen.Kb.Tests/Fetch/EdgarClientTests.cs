using ImmunoGen.Kb.Fetch;

namespace ImmunoGen.Kb.Tests.Fetch;

public sealed class EdgarClientTests : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public void Addresses_FollowEdgarsLayout()
    {
        var client = new EdgarClient(_http, new EdgarOptions { UserAgent = FetchWorkspace.UserAgent });
        Assert.True(AccessionNumber.TryParse("0000855654-06-000149", out var accession));

        Assert.Equal("https://data.sec.gov/submissions/CIK0000855654.json", client.SubmissionsAddress(855654).ToString());
        Assert.Equal("https://data.sec.gov/submissions/CIK0000855654-submissions-001.json", client.OlderSubmissionsAddress("CIK0000855654-submissions-001.json").ToString());
        Assert.Equal(
            "https://www.sec.gov/Archives/edgar/data/855654/000085565406000149/0000855654-06-000149.txt",
            client.FullSubmissionAddress(855654, accession!).ToString());
    }

    [Fact]
    public void Addresses_KeepABasePath_WithOrWithoutItsTrailingSlash()
    {
        var client = new EdgarClient(_http, new EdgarOptions
        {
            UserAgent = FetchWorkspace.UserAgent,
            ApiBase = new Uri("http://127.0.0.1:8080/api"),
            ArchiveBase = new Uri("http://127.0.0.1:8080/mirror/"),
        });
        Assert.True(AccessionNumber.TryParse("000085565406000149", out var accession));

        Assert.Equal("http://127.0.0.1:8080/api/submissions/CIK0000855654.json", client.SubmissionsAddress(855654).ToString());
        Assert.Equal(
            "http://127.0.0.1:8080/mirror/Archives/edgar/data/855654/000085565406000149/0000855654-06-000149.txt",
            client.FullSubmissionAddress(855654, accession!).ToString());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(40, 60)]
    public void WaitBeforeRetry_DoublesUpToTheCap(int failedAttempts, int seconds)
    {
        var client = new EdgarClient(_http, new EdgarOptions { UserAgent = FetchWorkspace.UserAgent });

        Assert.Equal(TimeSpan.FromSeconds(seconds), client.WaitBeforeRetry(failedAttempts, serverWait: null));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-5, 0)]
    [InlineData(7, 7)]
    [InlineData(3600, 600)]
    public void WaitBeforeRetry_ObeysRetryAfter_WithinReason(int retryAfterSeconds, int seconds)
    {
        var client = new EdgarClient(_http, new EdgarOptions { UserAgent = FetchWorkspace.UserAgent });

        Assert.Equal(TimeSpan.FromSeconds(seconds), client.WaitBeforeRetry(3, TimeSpan.FromSeconds(retryAfterSeconds)));
    }
}
