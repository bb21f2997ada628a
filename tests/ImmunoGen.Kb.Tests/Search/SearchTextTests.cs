using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Tests.Search;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("SAR-3419", "sar3419")]
    [InlineData("sar 3419", "sar3419")]
    [InlineData("T-DM1", "tdm1")]
    [InlineData("Millennium Pharmaceuticals, Inc.", "millenniumpharmaceuticalsinc")]
    [InlineData(" -- ", "")]
    public void Normalize_keeps_lowercase_letters_and_digits(string text, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(text));

    [Fact]
    public void Parts_are_the_runs_of_a_code_and_its_letter_and_digit_runs()
    {
        Assert.Equal(["huc242", "huc", "242", "dm4"], SearchText.Parts("huC242-DM4"));
        Assert.Equal(["ave1642", "ave", "1642"], SearchText.Parts("AVE1642"));
        Assert.Equal(["daniel", "junius"], SearchText.Parts("Daniel M. Junius"));
    }

    [Theory]
    [InlineData("ave1624", "ave1642", 1)]
    [InlineData("trastuzamab", "trastuzumab", 1)]
    [InlineData("genetech", "genentech", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("sar3419", "sar3491", 1)]
    [InlineData("ca", "abc", 3)]
    public void Distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int expected) =>
        Assert.Equal(expected, SearchText.Distance(a, b, 10));

    [Fact]
    public void Distance_stops_at_the_allowed_maximum()
    {
        Assert.Equal(2, SearchText.Distance("abcdef", "uvwxyz", 1));
        Assert.Equal(3, SearchText.Distance("ab", "abcdefgh", 2));
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    [InlineData(20, 2)]
    public void Allowed_edits_grow_with_the_query(int length, int edits) =>
        Assert.Equal(edits, SearchText.MaxEdits(length));
}
