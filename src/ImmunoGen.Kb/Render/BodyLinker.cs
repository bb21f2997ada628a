using ImmunoGen.Kb.Extract;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ImmunoGen.Kb.Render;

/// <summary>
/// Links entity names inside a parsed filing body: in each paragraph the first mention of each entity becomes a link
/// to its page. It rewrites the Markdig tree (a literal split around a <see cref="LinkInline"/>) instead of the HTML,
/// so the same document renders with its paragraph and heading ids intact and no text is ever parsed as markup.
/// </summary>
public sealed class BodyLinker(EntityRegistry registry)
{
    /// <summary>Rewrites <paramref name="document"/> in place. <paramref name="root"/> is the relative prefix to the site root.</summary>
    public void Link(MarkdownDocument document, string root)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (paragraph.Inline is null)
            {
                continue;
            }

            var linked = new HashSet<EntityRef>();
            // Snapshot first: the loop replaces literals with new nodes.
            var literals = paragraph.Inline.Descendants<LiteralInline>()
                .Where(l => !InsideLink(l))
                .ToList();
            foreach (var literal in literals)
            {
                LinkLiteral(literal, linked, root);
            }
        }
    }

    private static bool InsideLink(Inline inline)
    {
        for (var p = inline.Parent; p is not null; p = p.Parent)
        {
            if (p is LinkInline)
            {
                return true;
            }
        }

        return false;
    }

    private void LinkLiteral(LiteralInline literal, HashSet<EntityRef> linked, string root)
    {
        var text = literal.Content.ToString();
        var matches = registry.Match(text).Where(m => registry.Contains(m.Entity)).ToList();
        if (matches.Count == 0)
        {
            return;
        }

        Inline current = literal;
        var consumed = 0;
        var changed = false;
        foreach (var m in matches)
        {
            if (!linked.Add(m.Entity))
            {
                continue;
            }

            if (!changed)
            {
                // The literal stays as the text before the first link.
                literal.Content = new StringSlice(text, 0, m.Start - 1);
                changed = true;
            }
            else if (m.Start > consumed)
            {
                var between = new LiteralInline(text.Substring(consumed, m.Start - consumed));
                current.InsertAfter(between);
                current = between;
            }

            var name = text.Substring(m.Start, m.Length);
            var link = new LinkInline(root + m.Entity.SitePath, registry.Get(m.Entity)?.Name ?? name)
            {
                IsClosed = true,
            };
            link.AppendChild(new LiteralInline(name));
            current.InsertAfter(link);
            current = link;
            consumed = m.Start + m.Length;
        }

        if (changed && consumed < text.Length)
        {
            current.InsertAfter(new LiteralInline(text[consumed..]));
        }

        if (changed && literal.Content.Length == 0)
        {
            literal.Remove();
        }
    }
}
