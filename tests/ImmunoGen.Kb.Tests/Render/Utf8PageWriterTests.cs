using System.Text;
using ImmunoGen.Kb.Render;

namespace ImmunoGen.Kb.Tests.Render;

/// <summary>
/// The page writer must give exactly the bytes the string path gave: UTF-8 of the whole text with CRLF made LF,
/// however the text is cut into writes (a CR at the end of one write, a surrogate pair split across two).
/// </summary>
public class Utf8PageWriterTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static TheoryData<string> Texts() => new(
        "",
        "plain ascii",
        "a\r\nb\r\n",
        "\r\r\n\n\r",
        "\r",
        "line\rnot a newline\r\n\r\n",
        "café — “quoted” 日本語 \U0001F600 end",
        "lone high \ud83d then text",
        "lone low \ude00 then text",
        "ends with high \ud83d",
        new string('x', 70_000) + "\r\n" + new string('é', 40_000) + "\U0001F600\r");

    [Theory]
    [MemberData(nameof(Texts))]
    public void AnySplit_GivesTheBytesOfTheWholeText(string text)
    {
        var expected = Utf8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (var size in new[] { 1, 2, 3, 7, 4096, int.MaxValue })
        {
            using var writer = new Utf8PageWriter();
            for (var at = 0; at < text.Length; at += size)
            {
                var piece = text.AsSpan(at, Math.Min(size, text.Length - at));
                if (piece.Length == 1)
                {
                    writer.Write(piece[0]);
                }
                else
                {
                    writer.Write(piece);
                }
            }

            Assert.Equal(text.Length, writer.CharsWritten);
            using var detached = writer.Detach();
            Assert.Equal(expected, detached.ToArray());
            Assert.Equal(expected.Length, detached.Length);
        }
    }

    [Fact]
    public void A_detached_page_is_its_takers_to_give_back()
    {
        var writer = new Utf8PageWriter();
        writer.Write("page");
        var bytes = writer.Detach();

        writer.Dispose();
        Assert.Equal("page"u8.ToArray(), bytes.ToArray());
        Assert.Throws<ObjectDisposedException>(() => writer.Write("more"));
        bytes.Dispose();
        Assert.Throws<ObjectDisposedException>(() => bytes.Sequence);
    }
}
