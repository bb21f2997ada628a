using System.Globalization;
using System.Net;
using System.Text;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;

namespace ImmunoGen.Kb.Render;

/// <summary>
/// The graph of partners, compounds, targets and payloads as an inline SVG laid out at build time in three columns (partners, compounds, targets over payloads)
/// (a layered drawing stays readable and deterministic where a force layout would not). Every node is a link:
/// partners and compounds to their pages, targets and payloads to their group on the graph page.
/// </summary>
public sealed record EntityGraphDrawing(string Svg, IReadOnlyList<GraphGroup> Targets, IReadOnlyList<GraphGroup> Payloads)
{
    private const int ColumnWidth = 260;
    private const int RowHeight = 34;
    private const int Top = 40;
    private const int NodeWidth = 168;
    private const int NodeHeight = 24;

    public static EntityGraphDrawing Build(KnowledgeGraph graph, string root)
    {
        var compounds = graph.Corpus.Compounds.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Slug, StringComparer.Ordinal).ToList();
        var edges = new SortedSet<(string From, string To)>();
        foreach (var c in compounds)
        {
            var cid = "c:" + c.Slug;
            foreach (var p in c.Partners.Concat(graph.EventsOf(EntityRef.Of(c)).Select(e => e.Event.Partner).OfType<string>()))
            {
                if (graph.Entity(new EntityRef(EntityKind.Partner, p)) is not null)
                {
                    edges.Add(("p:" + p, cid));
                }
            }

            if (c.Target is { Length: > 0 } t)
            {
                edges.Add((cid, "t:" + t));
            }

            if (c.Payload is { Length: > 0 } pl)
            {
                edges.Add((cid, "x:" + pl));
            }
        }

        // Compounds are the hub: partners on the left, targets then payloads on the right, so every edge joins
        // neighbouring columns. Each side is ordered by the mean row of its compounds (barycentre) to cut crossings.
        var compoundRow = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < compounds.Count; i++)
        {
            compoundRow["c:" + compounds[i].Slug] = i;
        }

        double Barycentre(string id)
        {
            var rows = edges.Where(e => e.From == id || e.To == id)
                .Select(e => e.From == id ? e.To : e.From)
                .Where(compoundRow.ContainsKey)
                .Select(c => compoundRow[c])
                .ToList();
            return rows.Count == 0 ? double.MaxValue : rows.Average();
        }

        var partners = graph.Corpus.Partners
            .OrderBy(p => Barycentre("p:" + p.Slug)).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList();
        var targets = compounds.Select(c => c.Target).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderBy(t => Barycentre("t:" + t)).ThenBy(t => t, StringComparer.Ordinal).ToList();
        var payloads = compounds.Select(c => c.Payload).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderBy(t => Barycentre("x:" + t)).ThenBy(t => t, StringComparer.Ordinal).ToList();

        var nodes = new Dictionary<string, (double X, double Y, string Label, string Href, string Css)>(StringComparer.Ordinal);
        void Column(int col, int firstRow, IEnumerable<(string Id, string Label, string Href, string Css)> items)
        {
            var row = firstRow;
            foreach (var (id, label, href, css) in items)
            {
                nodes[id] = (col * ColumnWidth + 16 + NodeWidth / 2.0, Top + row * RowHeight, label, href, css);
                row++;
            }
        }

        Column(0, 0, partners.Select(p => ("p:" + p.Slug, p.Name, root + "partners/" + p.Slug + ".html", "partner")));
        Column(1, 0, compounds.Select(c => ("c:" + c.Slug, c.Name, root + "compounds/" + c.Slug + ".html", "compound")));
        Column(2, 0, targets.Select(t => ("t:" + t, t, "#target-" + Slug.From(t), "target")));
        var payloadRow = targets.Count + 1;
        Column(2, payloadRow, payloads.Select(p => ("x:" + p, p, "#payload-" + Slug.From(p), "payload")));

        var rows = new[] { partners.Count, compounds.Count, payloadRow + payloads.Count }.Max();
        var width = 2 * ColumnWidth + NodeWidth + 32;
        var height = Top + Math.Max(rows, 1) * RowHeight;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"entity-graph\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"graph-title\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"graph-title\">{partners.Count} partners, {compounds.Count} compounds, {targets.Count} targets and {payloads.Count} payloads</title>\n");
        var headings = new[] { "Partners", "Compounds", "Targets" };
        for (var i = 0; i < headings.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"column\" x=\"{i * ColumnWidth + 16 + NodeWidth / 2}\" y=\"16\" text-anchor=\"middle\">{headings[i]}</text>\n");
        }

        if (payloads.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"column\" x=\"{2 * ColumnWidth + 16 + NodeWidth / 2}\" y=\"{Top + (payloadRow - 1) * RowHeight + 8}\" text-anchor=\"middle\">Payloads</text>\n");
        }

        foreach (var (from, to) in edges)
        {
            if (nodes.TryGetValue(from, out var a) && nodes.TryGetValue(to, out var b))
            {
                var x1 = a.X + NodeWidth / 2.0;
                var x2 = b.X - NodeWidth / 2.0;
                var mid = (x1 + x2) / 2;
                sb.Append(CultureInfo.InvariantCulture, $"<path class=\"edge\" d=\"M{F(x1)} {F(a.Y)} C{F(mid)} {F(a.Y)} {F(mid)} {F(b.Y)} {F(x2)} {F(b.Y)}\"/>\n");
            }
        }

        foreach (var (_, n) in nodes.OrderBy(kv => kv.Value.X).ThenBy(kv => kv.Value.Y))
        {
            var label = n.Label.Length > 22 ? n.Label[..21] + "…" : n.Label;
            sb.Append("<a href=\"").Append(Esc(n.Href)).Append("\" class=\"node ").Append(n.Css).Append("\">");
            sb.Append(CultureInfo.InvariantCulture, $"<title>{Esc(n.Label)}</title>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(n.X - NodeWidth / 2.0)}\" y=\"{F(n.Y - NodeHeight / 2.0)}\" width=\"{NodeWidth}\" height=\"{NodeHeight}\" rx=\"6\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(n.X)}\" y=\"{F(n.Y + 4)}\" text-anchor=\"middle\">{Esc(label)}</text>");
            sb.Append("</a>\n");
        }

        sb.Append("</svg>");

        List<GraphGroup> Groups(IEnumerable<string> values, string kind, Func<Compound, string?> key) =>
            values.Select(v => new GraphGroup(
                    kind + "-" + Slug.From(v),
                    v,
                    kind,
                    compounds.Where(c => key(c) == v).Select(c => new LinkView(root + "compounds/" + c.Slug + ".html", c.Name)).ToList()))
                .ToList();

        return new EntityGraphDrawing(sb.ToString(), Groups(targets.Order(StringComparer.OrdinalIgnoreCase), "target", c => c.Target), Groups(payloads.Order(StringComparer.OrdinalIgnoreCase), "payload", c => c.Payload));
    }

    private static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
