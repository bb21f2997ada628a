using System.Text;
using System.Text.RegularExpressions;

namespace ImmunoGen.Kb.Import;

/// <summary>
/// Writes filing text as Markdown that renders to the same words: everything Markdown would read as syntax
/// (emphasis, links, HTML, list and heading markers at a line start, table pipes, entities) is backslash-escaped.
/// <c>$</c> stays literal because the body pipeline has no math extension.
/// </summary>
internal static partial class MarkdownText
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|' or '~':
                    sb.Append('\\').Append(c);
                    break;
                case '&' when EntityRegex().IsMatch(text.AsSpan(i)):
                    sb.Append("\\&");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        var s = sb.ToString();
        // Block markers only matter at the start of a line.
        if (s.Length > 0 && s[0] is '#' or '=' or '+' or '-' or '!' or ':')
        {
            s = "\\" + s;
        }

        return OrderedListRegex().Replace(s, "$1\\$2");
    }

    /// <summary>Lines of one paragraph: each escaped, joined with Markdown hard breaks.</summary>
    public static string Paragraph(IReadOnlyList<string> visualLines) =>
        string.Join("\\\n", visualLines.Select(Escape));

    /// <summary>A pipe table; short rows are padded so every row has the header's width.</summary>
    public static string Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var width = Math.Max(header.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        var sb = new StringBuilder();
        AppendRow(sb, header, width);
        sb.Append('|');
        for (var i = 0; i < width; i++)
        {
            sb.Append(" --- |");
        }

        sb.Append('\n');
        foreach (var row in rows)
        {
            AppendRow(sb, row, width);
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells, int width)
    {
        sb.Append('|');
        for (var i = 0; i < width; i++)
        {
            var cell = i < cells.Count ? cells[i] : "";
            sb.Append(' ').Append(Escape(cell)).Append(" |");
        }

        sb.Append('\n');
    }

    [GeneratedRegex(@"^&#?[A-Za-z0-9]{1,32};", RegexOptions.CultureInvariant)]
    private static partial Regex EntityRegex();

    [GeneratedRegex(@"^(\d{1,9})([.)])(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex OrderedListRegex();
}
