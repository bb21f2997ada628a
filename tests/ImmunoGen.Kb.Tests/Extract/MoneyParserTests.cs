using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Tests.Extract;

public class MoneyParserTests
{
    [Theory]
    [InlineData("triggers a $2 million milestone payment", 2_000_000L, null)]
    [InlineData("a \\$1 million license fee", 1_000_000L, null)]
    [InlineData("potentially totaling $4.5 million plus royalties", 4_500_000L, null)]
    [InlineData("could potentially total $21.5 to $30 million", 21_500_000L, 30_000_000L)]
    [InlineData("could potentially total \\$21.5 to \\$30 million", 21_500_000L, 30_000_000L)]
    [InlineData("between $21.5 million to $30 million", 21_500_000L, 30_000_000L)]
    [InlineData("Earns $1 Million with Start", 1_000_000L, null)]
    [InlineData("a payment of $750,000", 750_000L, null)]
    [InlineData("up to $1.2 billion", 1_200_000_000L, null)]
    public void Find_ReadsAmountsAndRanges(string text, long usd, long? max)
    {
        var a = Assert.Single(MoneyParser.Find(text));

        Assert.Equal((usd, max), (a.Usd, a.MaxUsd));
        Assert.Equal('$', text[a.Start..].TrimStart('\\')[0]);
    }

    [Fact]
    public void Find_KeepsTwoAmountsOfOneSentenceApart()
    {
        var found = MoneyParser.Find("ImmunoGen will receive a $1 million license fee, half of which is due upon contract signing, and milestone payments potentially totaling $4.5 million.");

        Assert.Equal([1_000_000L, 4_500_000L], found.Select(a => a.Usd));
        Assert.All(found, a => Assert.Null(a.MaxUsd));
    }

    [Theory]
    [InlineData("ranging from 18 to 297 mg/m²")]
    [InlineData("(617) 995-2500")]
    [InlineData("Rule 14a-12 under the Exchange Act (17 CFR 240.14a-12)")]
    public void Find_IgnoresNumbersThatAreNotDollars(string text)
    {
        Assert.Empty(MoneyParser.Find(text));
    }
}
