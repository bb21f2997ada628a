using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Render;

namespace ImmunoGen.Kb.Site.Tests;

public class BodyLinkerTests
{
    private static readonly EntityRegistry Registry = EntityRegistry.Build(
    [
        new Compound { Slug = "sar3419", Name = "SAR3419" },
        new Compound { Slug = "trastuzumab-dm1", Name = "trastuzumab-DM1", Aliases = ["T-DM1"] },
        new Partner { Slug = "sanofi-aventis", Name = "sanofi-aventis", Aliases = ["sanofiaventis"] },
    ], []);

    private static string Render(string markdown)
    {
        var body = FilingBody.Parse(markdown);
        new BodyLinker(Registry).Link(body.Document, "../");
        return Markdig.Markdown.ToHtml(body.Document, MarkdownPipelines.Body).Trim();
    }

    [Fact]
    public void Link_LinksTheFirstMentionOfEachEntityPerParagraph_AndKeepsTheText()
    {
        var html = Render("SAR3419 and trastuzumab-DM1 (T-DM1) with sanofiaventis; SAR3419 again.\n\nSAR3419 in a second paragraph.\n");

        Assert.Equal(
            "<p id=\"p1\"><a href=\"../compounds/sar3419.html\" title=\"SAR3419\">SAR3419</a> and "
            + "<a href=\"../compounds/trastuzumab-dm1.html\" title=\"trastuzumab-DM1\">trastuzumab-DM1</a> (T-DM1) with "
            + "<a href=\"../partners/sanofi-aventis.html\" title=\"sanofi-aventis\">sanofiaventis</a>; SAR3419 again.</p>\n"
            + "<p id=\"p2\"><a href=\"../compounds/sar3419.html\" title=\"SAR3419\">SAR3419</a> in a second paragraph.</p>",
            html);
    }

    [Fact]
    public void Link_LeavesHeadingsExistingLinksAndDollarAmountsAlone()
    {
        var html = Render("## About SAR3419\n\nSee [SAR3419 news](x.html), a \\$1 million milestone and *SAR3419* in emphasis.\n");

        Assert.Contains("<h2 id=\"s-about-sar3419\">About SAR3419</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"x.html\">SAR3419 news</a>", html, StringComparison.Ordinal);
        Assert.Contains("$1 million", html, StringComparison.Ordinal);
        Assert.Contains("<em><a href=\"../compounds/sar3419.html\" title=\"SAR3419\">SAR3419</a></em>", html, StringComparison.Ordinal);
    }
}
