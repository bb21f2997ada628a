using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ImmunoGen.Kb.Import;

/// <summary>
/// Turns an HTML filing document into the plain-text layout the filing parser reads: each block element
/// (p, div, h1–h6, li, tr…) becomes its own paragraph, a table row becomes one line with its cells separated by tabs,
/// <c>br</c> is a line break; scripts, styles, heads and hidden inline-XBRL headers are dropped.
/// AngleSharp repairs unclosed tags the way a browser does.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "noscript", "template", "ix:header", "xbrli:context", "xbrli:unit",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tbody", "thead", "tfoot", "tr",
        "blockquote", "pre", "center", "section", "article", "header", "footer", "dl", "dt", "dd", "hr", "body", "html",
        "form", "address", "caption",
    };

    /// <summary>True when <paramref name="text"/> starts like an HTML or XHTML document rather than plain text.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        start = start[..Math.Min(start.Length, 2048)];
        return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && start.Contains("<html", StringComparison.OrdinalIgnoreCase))
            || start.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<p", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<div", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<table", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<font", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The document's text, paragraphs separated by blank lines.</summary>
    public static string ToText(string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var sb = new StringBuilder(html.Length / 4);
        var line = new StringBuilder();
        Walk(document.Body ?? (INode)document.DocumentElement, sb, line);
        Flush(sb, line, blank: true);
        return sb.ToString().Trim('\n') + "\n";
    }

    private static void Walk(INode node, StringBuilder sb, StringBuilder line)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendInline(line, text.Data);
                    break;
                case IElement element:
                    WalkElement(element, sb, line);
                    break;
            }
        }
    }

    private static void WalkElement(IElement element, StringBuilder sb, StringBuilder line)
    {
        var name = element.LocalName;
        if (Dropped.Contains(name) || Dropped.Contains(element.NodeName) || IsHidden(element))
        {
            return;
        }

        if (name is "br")
        {
            Flush(sb, line, blank: false);
            return;
        }

        if (name is "td" or "th")
        {
            if (line.Length > 0 && line[^1] != '\t')
            {
                line.Append('\t');
            }

            Walk(element, sb, line);
            TrimEndSpaces(line);
            line.Append('\t');
            return;
        }

        if (name is "tr")
        {
            // Rows of one table stay together: one block, one line per row.
            Flush(sb, line, blank: false);
            Walk(element, sb, line);
            TrimEndTabs(line);
            Flush(sb, line, blank: false);
            return;
        }

        if (Blocks.Contains(name))
        {
            Flush(sb, line, blank: true);
            Walk(element, sb, line);
            Flush(sb, line, blank: true);
            return;
        }

        Walk(element, sb, line);
    }

    private static bool IsHidden(IElement element) =>
        element.GetAttribute("style") is { } style
        && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);

    private static void AppendInline(StringBuilder line, string data)
    {
        foreach (var raw in data)
        {
            var c = raw is '\u00A0' or '\u2007' or '\u202F' ? ' ' : raw;
            if (char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && line[^1] is not ' ' and not '\t')
                {
                    line.Append(' ');
                }
            }
            else if (!char.IsControl(c))
            {
                line.Append(c);
            }
        }
    }

    private static void TrimEndSpaces(StringBuilder line)
    {
        while (line.Length > 0 && line[^1] == ' ')
        {
            line.Length--;
        }
    }

    private static void TrimEndTabs(StringBuilder line)
    {
        while (line.Length > 0 && line[^1] is ' ' or '\t')
        {
            line.Length--;
        }
    }

    private static void Flush(StringBuilder sb, StringBuilder line, bool blank)
    {
        var text = line.ToString().Trim(' ', '\t');
        line.Clear();
        if (text.Replace("\t", "", StringComparison.Ordinal).Length > 0)
        {
            sb.Append(text).Append('\n');
        }

        if (blank && sb.Length > 0 && !(sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n'))
        {
            sb.Append('\n');
        }
    }
}
