using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Tests.Content;

public class Utf8TextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("ImmunoGen received a $5 million milestone.")]
    [InlineData("“Quotes”, Zürich, 10 µg — and 𝛼-CD19")]
    public void Text_ReadsBackAsGiven(string text)
    {
        var utf8 = new Utf8Text(text);

        Assert.Equal(text, utf8.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), utf8.Bytes.ToArray());
        Assert.Equal(text.Length == 0, utf8.IsEmpty);
    }

    [Fact]
    public void Texts_AreEqualByContent()
    {
        Utf8Text a = "Phase II", b = "Phase II", c = "Phase III";

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void LoneSurrogate_BecomesReplacementCharacter()
    {
        Assert.Equal("a\uFFFDb", new Utf8Text("a\uD800b").ToString());
    }

    [Fact]
    public void FromUtf8_RejectsBytesThatAreNotUtf8()
    {
        Assert.Equal("é", Utf8Text.FromUtf8([0xC3, 0xA9]).ToString());
        Assert.Throws<ArgumentException>(() => Utf8Text.FromUtf8([0xC3, 0x28]));
    }
}
