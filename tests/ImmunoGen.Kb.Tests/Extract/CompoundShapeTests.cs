using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Tests.Extract;

public class CompoundShapeTests
{
    private static List<Compound> Shapes(string text) => DiscoveryPatterns.Compounds(text).Select(c => (Compound)c.Stub).ToList();

    [Theory]
    [InlineData("the IMGN853 program", "IMGN853", "imgn853")]
    [InlineData("the IMGN-853 program", "IMGN853", "imgn853")]
    [InlineData("ABC123 entered the clinic", "ABC123", "abc123")]
    [InlineData("BT-062 is in Phase I", "BT062", "bt062")]
    [InlineData("AMG 172 is partnered", "AMG172", "amg172")]
    [InlineData("SAR566658, a TAP compound", "SAR566658", "sar566658")]
    public void CodeNames_AreOneCompoundWithOrWithoutAHyphen(string text, string name, string slug)
    {
        var c = Assert.Single(Shapes(text));

        Assert.Equal((name, slug, true), (c.Name, c.Slug, c.Discovered));
    }

    [Fact]
    public void CodeNames_NeedNoHyphenAliasBecauseTheRegistryIgnoresHyphens()
    {
        var c = Assert.Single(Shapes("IMGN-853"));
        var registry = EntityRegistry.Build([c], []);

        Assert.Empty(c.Aliases);
        Assert.Equal(EntityRef.Of(c), registry.Resolve("IMGN-853"));
        Assert.Equal(EntityRef.Of(c), registry.Resolve("imgn 853"));
    }

    [Theory]
    [InlineData("huN901-DM1 is wholly owned", "huN901-DM1", "huN901", "DM1")]
    [InlineData("huMy9-6-DM4 binds CD33", "huMy9-6-DM4", "huMy9-6", "DM4")]
    [InlineData("huB4-SPDB-DM4", "huB4-SPDB-DM4", "huB4", "DM4")]
    public void Conjugates_CarryTheirAntibodyAndPayload(string text, string name, string antibody, string payload)
    {
        var c = Assert.Single(Shapes(text));

        Assert.Equal((name, antibody, payload, "antibody-drug conjugate"), (c.Name, c.Antibody, c.Payload, c.CompoundKind));
    }

    [Theory]
    [InlineData("mirvetuximab soravtansine (IMGN853) targets FRα", "mirvetuximab soravtansine")]
    [InlineData("Coltuximab ravtansine is in Phase II", "coltuximab ravtansine")]
    [InlineData("lorvotuzumab mertansine", "lorvotuzumab mertansine")]
    [InlineData("ado-trastuzumab emtansine", "ado-trastuzumab emtansine")]
    public void Inns_OfConjugatesAreOneName(string text, string name)
    {
        Assert.Contains(name, Shapes(text).Select(c => c.Name));
    }

    [Fact]
    public void SarCompound_TakesItsTargetAndKindFromTheSentence()
    {
        var c = Assert.Single(Shapes("SAR3419 is a CD19-targeting TAP compound that is in preclinical development."));

        Assert.Equal(("CD19", "antibody-drug conjugate"), (c.Target, c.CompoundKind));
    }

    [Theory]
    [InlineData("current report on Form 8-K")]
    [InlineData("pursuant to Rule 425 under the Securities Act (17 CFR 230.425)")]
    [InlineData("Rule 14a-12 under the Exchange Act (17 CFR 240.14a-12)")]
    [InlineData("Exhibit 99.1")]
    [InlineData("binds to IGF-1R and CD19, CD33 and CA125")]
    [InlineData("payloads DM1 and DM4")]
    [InlineData("Phase I and Phase II")]
    [InlineData("(617) 995-2500 and 128 Sidney Street, Cambridge, MA 02139-4239")]
    [InlineData("Commission File Number 0-17999, IRS 04-2726691")]
    [InlineData("ASCO 2010 and FY2008 and NCT01234567")]
    [InlineData("the T-DM1 and SPDB-DM4 linker")]
    public void GenericWords_AreNotCompounds(string text)
    {
        Assert.Empty(Shapes(text));
    }
}
