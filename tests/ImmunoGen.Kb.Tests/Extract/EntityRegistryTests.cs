using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Tests.Extract;

public class EntityRegistryTests
{
    private static readonly EntityRegistry Registry = EntityRegistry.Build(
    [
        new Compound { Slug = "huc242-dm4", Name = "huC242-DM4" },
        new Compound { Slug = "huc242", Name = "huC242" },
        new Compound { Slug = "trastuzumab-dm1", Name = "trastuzumab-DM1", Aliases = ["T-DM1"] },
        new Partner { Slug = "sanofi-aventis", Name = "sanofi-aventis" },
        new Partner { Slug = "amgen", Name = "Amgen", FormerNames = ["Abgenix"] },
        new Person { Slug = "daniel-m-junius", Name = "Daniel M. Junius" },
    ], []);

    private static List<string> Found(string text) => Registry.Match(text).Select(m => $"{m.Entity}={text.Substring(m.Start, m.Length)}").ToList();

    [Theory]
    [InlineData("sanofiaventis", "partners/sanofi-aventis=sanofiaventis")]
    [InlineData("Sanofi-Aventis", "partners/sanofi-aventis=Sanofi-Aventis")]
    [InlineData("sanofi aventis", "partners/sanofi-aventis=sanofi aventis")]
    [InlineData("HuC242-DM4", "compounds/huc242-dm4=HuC242-DM4")]
    [InlineData("TDM1", "compounds/trastuzumab-dm1=TDM1")]
    [InlineData("Amgen (formerly Abgenix)", "partners/amgen=Amgen|partners/amgen=Abgenix")]
    [InlineData("/s/ Daniel M. Junius", "people/daniel-m-junius=Daniel M. Junius")]
    public void Match_IgnoresCaseHyphensAndSpaces(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Found(text));
    }

    [Fact]
    public void Match_TakesTheLongestAliasAtAPosition()
    {
        Assert.Equal(["compounds/huc242-dm4=huC242-DM4", "compounds/huc242=huC242"], Found("huC242-DM4 uses the huC242 antibody."));
    }

    [Theory]
    [InlineData("trastuzumab-DM1s")]
    [InlineData("xhuC242")]
    [InlineData("Amgenix")]
    public void Match_RespectsWordBoundaries(string text)
    {
        Assert.Empty(Registry.Match(text));
    }

    [Fact]
    public void Match_DoesNotRunAcrossAParagraphBreak()
    {
        Assert.Empty(Registry.Match("sanofi\n\naventis"));
    }

    [Fact]
    public void Build_ReportsAnAliasTwoPagesClaim()
    {
        var diagnostics = new List<Diagnostic>();

        EntityRegistry.Build([new Partner { Slug = "a", Name = "Acme", Path = "partners/a.md" }, new Partner { Slug = "b", Name = "ACME", Path = "partners/b.md" }], diagnostics);

        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.Entities.DuplicateAlias, d.Code);
        Assert.Equal("partners/b.md", d.Path);
    }

    [Fact]
    public void SeedPages_ResolveEverySpellingTheSeedsUse()
    {
        var registry = SeedFilings.Registry();

        Assert.Equal(new EntityRef(EntityKind.Compound, "trastuzumab-dm1"), registry.Resolve("T-DM1"));
        Assert.Equal(new EntityRef(EntityKind.Partner, "sanofi-aventis"), registry.Resolve("sanofiaventis"));
        Assert.Equal(new EntityRef(EntityKind.Partner, "amgen"), registry.Resolve("Abgenix"));
        Assert.Equal(new EntityRef(EntityKind.Compound, "huc242-dm4"), registry.Resolve("HuC242-DM4"));
        Assert.Equal(new EntityRef(EntityKind.Partner, "millennium-pharmaceuticals"), registry.Resolve("Millennium Pharmaceuticals, Inc."));
        Assert.Null(registry.Resolve("KMorrisPR"));
        Assert.Null(registry.Resolve("Tolcher"));
    }
}
