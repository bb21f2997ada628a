using System.Text;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ImmunoGen.Kb.Content;

/// <summary>A block of a filing body with its anchor: headings get a slug of their text, paragraphs <c>p1</c>, <c>p2</c>, ….</summary>
/// <param name="Id">The HTML id of the block: the provenance anchor events, quotes and mentions link to.</param>
/// <param name="IsHeading">True for a heading (an ITEM or a press-release section).</param>
/// <param name="Text">The block's plain text, inline markup removed.</param>
/// <param name="Section">The text of the nearest heading above, or null before the first heading.</param>
/// <param name="Line">1-based line of the block in the body.</param>
public sealed record BodyBlock(string Id, bool IsHeading, string Text, string? Section, int Line);

/// <summary>
/// A filing's Markdown body parsed once with <see cref="MarkdownPipelines.Body"/>. Extraction reads its blocks;
/// rendering renders the same <see cref="Document"/>, so the paragraph anchors an event cites are the ids on the page.
/// </summary>
public sealed class FilingBody
{
    private FilingBody(MarkdownDocument document, IReadOnlyList<BodyBlock> blocks)
    {
        Document = document;
        Blocks = blocks;
    }

    /// <summary>The parsed body with ids set on headings and paragraphs. Render it at most once.</summary>
    public MarkdownDocument Document { get; }

    public IReadOnlyList<BodyBlock> Blocks { get; }

    public IEnumerable<BodyBlock> Paragraphs => Blocks.Where(b => !b.IsHeading);

    public static FilingBody Parse(string markdown)
    {
        var doc = Markdown.Parse(markdown, MarkdownPipelines.Body);
        var blocks = new List<BodyBlock>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var paragraph = 0;
        string? section = null;
        // One builder for every block: a build parses each of 10,000 bodies several times.
        var text = new StringBuilder();
        foreach (var block in doc.Descendants<LeafBlock>())
        {
            switch (block)
            {
                case HeadingBlock h:
                    {
                        var heading = PlainText(h.Inline, text);
                        var id = Unique("s-" + Slug.From(heading, 60), usedIds);
                        h.GetAttributes().Id = id;
                        section = heading;
                        blocks.Add(new BodyBlock(id, true, heading, section, h.Line + 1));
                        break;
                    }

                case ParagraphBlock p:
                    {
                        var id = $"p{++paragraph}";
                        usedIds.Add(id);
                        p.GetAttributes().Id = id;
                        blocks.Add(new BodyBlock(id, false, PlainText(p.Inline, text), section, p.Line + 1));
                        break;
                    }
            }
        }

        return new FilingBody(doc, blocks);
    }

    /// <summary>The ids of the blocks of <paramref name="markdown"/>, in order: the anchors links into the filing may point at.</summary>
    public static IReadOnlyList<string> BlockIds(string markdown) => Parse(markdown).Blocks.Select(b => b.Id).ToList();

    // The text of an inline container without markup (literals, code, link text; line breaks become spaces), trimmed,
    // collected in the builder given.
    private static string PlainText(ContainerInline? inline, StringBuilder sb)
    {
        if (inline is null)
        {
            return "";
        }

        sb.Clear();
        Append(inline, sb);
        var start = 0;
        var end = sb.Length;
        while (start < end && char.IsWhiteSpace(sb[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(sb[end - 1]))
        {
            end--;
        }

        return sb.ToString(start, end - start);
    }

    private static void Append(ContainerInline container, StringBuilder sb)
    {
        foreach (var child in container)
        {
            switch (child)
            {
                case LiteralInline l:
                    sb.Append(l.Content.AsSpan());
                    break;
                case CodeInline c:
                    sb.Append(c.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case HtmlEntityInline e:
                    sb.Append(e.Transcoded.AsSpan());
                    break;
                case ContainerInline nested:
                    Append(nested, sb);
                    break;
            }
        }
    }

    private static string Unique(string id, HashSet<string> used)
    {
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }
}

/// <summary>The Markdown pipelines, built once: a pipeline is immutable and thread-safe.</summary>
public static class MarkdownPipelines
{
    /// <summary>
    /// For filing bodies and entity prose: tables and emphasis, but raw HTML is disabled (filing text is data)
    /// and there is no math extension, so "$21.5 to $30 million" stays literal.
    /// </summary>
    public static readonly MarkdownPipeline Body = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .DisableHtml()
        .Build();
}
