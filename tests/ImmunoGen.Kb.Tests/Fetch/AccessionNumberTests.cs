using ImmunoGen.Kb.Fetch;

namespace ImmunoGen.Kb.Tests.Fetch;

public class AccessionNumberTests
{
    [Theory]
    [InlineData("0000855654-06-000123", "0000855654-06-000123", "000085565406000123")]
    [InlineData("000085565406000123", "0000855654-06-000123", "000085565406000123")]
    public void TryParse_AcceptsTheDashedAndTheBareForm(string text, string dashed, string digits)
    {
        Assert.True(AccessionNumber.TryParse(text, out var accession));
        Assert.Equal(dashed, accession.Value);
        Assert.Equal(digits, accession.Digits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000855654-06-00012")]
    [InlineData("0000855654_06_000123")]
    [InlineData("../0000855654-06-000123")]
    [InlineData("0000855654-06-000123\n")]
    public void TryParse_RefusesAnythingElse(string? text) => Assert.False(AccessionNumber.TryParse(text, out _));
}

public class EdgarUserAgentTests
{
    [Theory]
    [InlineData("ImmunoGen Kb admin@example.com")]
    [InlineData("Sample Company Name AdminContact@sample.co.uk")]
    public void Problem_AcceptsANameWithAContactAddress(string userAgent) => Assert.Null(EdgarUserAgent.Problem(userAgent));

    [Theory]
    [InlineData(null, "pass --user-agent")]
    [InlineData("", "pass --user-agent")]
    [InlineData("ImmunoGen Kb", "no contact e-mail address")]
    [InlineData("ImmunoGen @example.com", "no contact e-mail address")]
    [InlineData("ImmunoGen admin@localhost", "no contact e-mail address")]
    [InlineData("ImmunoGen admin@example.com\r\nX-Evil: 1", "one line")]
    public void Problem_ExplainsWhatIsMissing(string? userAgent, string expected) =>
        Assert.Contains(expected, EdgarUserAgent.Problem(userAgent), StringComparison.Ordinal);
}
