using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Tests.Content;

public class SlugTests
{
    [Theory]
    [InlineData("huC242-DM4", "huc242-dm4")]
    [InlineData("Daniel M. Junius", "daniel-m-junius")]
    [InlineData("sanofi-aventis", "sanofi-aventis")]
    [InlineData("Johnson & Johnson", "johnson-johnson")]
    [InlineData("Biotest AG", "biotest-ag")]
    [InlineData("Société Générale", "societe-generale")]
    public void From_FollowsTheArchitectureRule(string name, string expected) => Assert.Equal(expected, Slug.From(name));

    [Theory]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("CON", "con-0")]
    [InlineData("a/b\\c", "a-b-c")]
    [InlineData("\0\0", "untitled")]
    [InlineData("", "untitled")]
    [InlineData("...", "untitled")]
    public void From_NeverMakesAPathOrDeviceName(string name, string expected)
    {
        var slug = Slug.From(name);
        Assert.Equal(expected, slug);
        Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public void From_CapsLengthAtAWordBoundary()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("milestone", 40)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.EndsWith("milestone", slug);
    }
}
