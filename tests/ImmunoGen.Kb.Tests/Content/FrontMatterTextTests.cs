using System.Text;
using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Tests.Content;

public class FrontMatterTextTests
{
    public static TheoryData<string> Pages() =>
    [
        "---\ntitle: Émile — “quoted”\n---\n\nBody ü.\n",
        "---\r\ntitle: x\r\n---\r\n\r\nBody.\r\n",
        "---  \t\ntitle: x\n...\nBody right after the fence.\n",
        "---\ntitle: x\n---\r\r\n\nBody after a fence with two carriage returns.\n",
        "---\ntitle: x\n---",
        "---\ntitle: x\n---\n",
        "---\n---\n\n\n\nBody after blank lines, only one of which is skipped.\n",
        "---\ntitle: “never closed”\n",
        "--- not a fence\ntitle: x\n---\n",
        "text before\n---\ntitle: x\n---\n",
        "---",
        "",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_bytes_of_a_page_split_where_its_text_does(string page)
    {
        var bytes = Encoding.UTF8.GetBytes(page);

        var text = FrontMatterText.Split(page);
        var utf8 = FrontMatterText.Locate<byte>(bytes);

        Assert.Equal(text is null, utf8 is null);
        if (text is { } parts && utf8 is { } at)
        {
            Assert.Equal(parts.Yaml, Encoding.UTF8.GetString(bytes[at.YamlStart..at.YamlEnd]));
            Assert.Equal(parts.Body, Encoding.UTF8.GetString(bytes[at.BodyStart..]));
            Assert.Equal(parts.BodyLine, at.BodyLine);
        }
    }

    [Fact]
    public void A_page_splits_into_its_front_matter_its_body_and_the_line_the_body_starts_on()
    {
        Assert.Equal(("title: x\r\n", "Body.\r\n", 5), FrontMatterText.Split("---\r\ntitle: x\r\n---\r\n\r\nBody.\r\n"));
        Assert.Equal(("title: x\n", "\nBody.\n", 5), FrontMatterText.Split("\uFEFF---\ntitle: x\n...\n\n\nBody.\n"));
        Assert.Null(FrontMatterText.Split("---\ntitle: x\n"));
    }
}
