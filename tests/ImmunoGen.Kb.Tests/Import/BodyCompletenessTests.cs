using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Import;

namespace ImmunoGen.Kb.Tests.Import;

/// <summary>
/// Nothing of substance is dropped: every sentence of the raw text is in the rendered body, compared on letters and
/// digits only (so re-flowing, escaping, tables and quotes do not matter). Skipped are only the things the rules drop:
/// the cover page before the first ITEM, page numbers, "-more-" and its running head, "###", "For Immediate Release".
/// </summary>
public partial class BodyCompletenessTests
{
    [Theory]
    [MemberData(nameof(FilingParserGoldenTests.Seeds), MemberType = typeof(FilingParserGoldenTests))]
    public void EveryContentSentenceOfTheRawText_IsInTheRenderedBody(string seed)
    {
        var raw = ImportTestFiles.SeedText(seed);
        var (filing, _) = FilingParser.Parse(raw, seed);
        var rendered = Letters(RenderedText(filing!.Body.ToString()));

        var missing = ContentSentences(raw).Where(s => !rendered.Contains(Letters(s), StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
        Assert.True(ContentSentences(raw).Count() > 20, "the comparison covers the filing's sentences");
    }

    [Theory]
    [MemberData(nameof(FilingParserGoldenTests.Seeds), MemberType = typeof(FilingParserGoldenTests))]
    public void RenderedBody_HasNoDroppedMarkersOrEscapes_AndDollarsStayLiteral(string seed)
    {
        var raw = ImportTestFiles.SeedText(seed);
        var (filing, _) = FilingParser.Parse(raw, seed);
        var text = RenderedText(filing!.Body.ToString());

        Assert.DoesNotContain("\\$", text, StringComparison.Ordinal);
        Assert.DoesNotContain("-more-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("###", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Written communications pursuant to Rule 425", text, StringComparison.Ordinal);
        Assert.DoesNotContain("For Immediate Release", text, StringComparison.Ordinal);
        foreach (var amount in Regex.Matches(raw.Replace("\\$", "$", StringComparison.Ordinal), @"\$[\d.,]+").Select(m => m.Value).Distinct())
        {
            Assert.Contains(amount, text, StringComparison.Ordinal);
        }
    }

    /// <summary>The text a browser shows for the body, rendered with the site's Markdown pipeline.</summary>
    internal static string RenderedText(string body)
    {
        var html = Markdig.Markdown.ToHtml(body, MarkdownPipelines.Body);
        using var doc = new HtmlParser().ParseDocument(html);
        return doc.Body!.TextContent;
    }

    internal static string Letters(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<string> ContentSentences(string raw)
    {
        var lines = raw.Replace("\\$", "$", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();
        var hasCover = lines.Any(l => l.StartsWith("FORM 8-K", StringComparison.Ordinal));
        var firstItem = lines.FindIndex(l => l.StartsWith("ITEM ", StringComparison.Ordinal));
        var afterMore = false;
        var kept = new List<string>();
        for (var i = hasCover ? firstItem : 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                kept.Add("");
                continue;
            }

            if (line is "-more-" or "###")
            {
                afterMore = line == "-more-";
                continue;
            }

            if (afterMore)
            {
                afterMore = false;
                continue;
            }

            if (PageNumberRegex().IsMatch(line) || line == "For Immediate Release")
            {
                continue;
            }

            kept.Add(line);
        }

        var paragraphs = string.Join('\n', kept).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        return paragraphs.SelectMany(p => SentenceRegex().Split(p.Replace('\n', ' '))).Where(s => Letters(s).Length > 0);
    }

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex PageNumberRegex();

    [GeneratedRegex(@"(?<=[.!?][""”’]?)\s+(?=[A-Z""“])")]
    private static partial Regex SentenceRegex();
}
