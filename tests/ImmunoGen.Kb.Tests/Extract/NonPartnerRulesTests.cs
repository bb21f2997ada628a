using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Tests.Extract;

public class NonPartnerRulesTests
{
    [Theory]
    [InlineData("ImmunoGen, Inc.")]
    [InlineData("InmunoGen")]
    [InlineData("SEC")]
    [InlineData("Securities and Exchange Commission")]
    [InlineData("Nasdaq")]
    [InlineData("FDA")]
    [InlineData("EORTC-NCI-AACR")]
    [InlineData("EORTC-NCI-AACR International Conference on Molecular Targets")]
    [InlineData("ASCO Annual Meeting")]
    [InlineData("Cancer Therapy and Research Center")]
    [InlineData("Dana-Farber Cancer Institute")]
    [InlineData("Harvard University")]
    [InlineData("KMorrisPR")]
    [InlineData("Ogilvy Communications")]
    [InlineData("The Company")]
    public void IsNonPartner_RejectsByCategory(string name)
    {
        Assert.True(NonPartnerRules.IsNonPartner(name, out var reason));
        Assert.NotEmpty(reason);
    }

    [Theory]
    [InlineData("sanofi-aventis")]
    [InlineData("Biotest AG")]
    [InlineData("Millennium Pharmaceuticals, Inc.")]
    [InlineData("Johnson & Johnson")]
    [InlineData("Immunomedics")]
    [InlineData("Acme Therapeutics, Inc.")]
    public void IsNonPartner_KeepsCompanies(string name)
    {
        Assert.False(NonPartnerRules.IsNonPartner(name, out _));
    }
}
