using System.Globalization;
using System.Net;
using System.Text;
using ImmunoGen.Kb.Link;

namespace ImmunoGen.Kb.Render;

/// <summary>
/// A compound's stage over time as an inline SVG step chart, computed at build time: one row per stage, time left to
/// right, each reported stage a dot linking to the paragraph that reported it. Needs no script and prints.
/// </summary>
public static class StageChart
{
    /// <summary>Development stages in order; stages not listed rank below Preclinical and are drawn as their own rows.</summary>
    public static readonly IReadOnlyList<string> Ladder =
        ["Discovery", "Preclinical", "Phase I", "Phase I/II", "Phase II", "Phase II/III", "Phase III", "Filed", "Approved"];

    private const int Width = 640;
    private const int Left = 104;
    private const int Right = 24;
    private const int RowHeight = 30;
    private const int Top = 16;
    private const int AxisHeight = 28;

    /// <summary>Position of a stage in <see cref="Ladder"/> (case-insensitive), or -1.</summary>
    public static int Rank(string stage)
    {
        for (var i = 0; i < Ladder.Count; i++)
        {
            if (string.Equals(Ladder[i], stage, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The chart, or "" when there is no stage point.</summary>
    /// <param name="start">Left edge of the time axis (the first filing's date); the first point is used when later.</param>
    /// <param name="end">Right edge (the latest filing's date): the last stage holds until then.</param>
    public static string Svg(IReadOnlyList<StagePoint> points, DateOnly? start, DateOnly? end, Func<StagePoint, string> href, Func<string, string> filingTitle)
    {
        if (points.Count == 0)
        {
            return "";
        }

        // Rows: the ladder from Preclinical up to the highest stage reached (at least Phase III), unknown stages on top.
        var top = Math.Max(Rank("Phase III"), points.Max(p => Rank(p.Stage)));
        var rows = Ladder.Skip(1).Take(top).ToList();
        foreach (var p in points)
        {
            if (Rank(p.Stage) < 0 && !rows.Contains(p.Stage, StringComparer.OrdinalIgnoreCase))
            {
                rows.Add(p.Stage);
            }
        }

        if (points.Any(p => Rank(p.Stage) == 0))
        {
            rows.Insert(0, Ladder[0]);
        }

        var first = points.Min(p => p.Date);
        var last = points.Max(p => p.Date);
        var from = start is { } s && s < first ? s : first;
        var to = end is { } e && e > last ? e : last;
        from = new DateOnly(from.Year, 1, 1);
        to = new DateOnly(to.Year + 1, 1, 1);
        var height = Top + rows.Count * RowHeight + AxisHeight;
        var span = to.DayNumber - from.DayNumber;

        double X(DateOnly d) => Left + (Width - Left - Right) * (double)(d.DayNumber - from.DayNumber) / span;
        double Y(string stage)
        {
            var i = rows.FindIndex(r => string.Equals(r, stage, StringComparison.OrdinalIgnoreCase));
            return Top + (rows.Count - 1 - i) * RowHeight + RowHeight / 2.0;
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"stage-chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"stage-chart-title\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        var summary = string.Join("; ", points.Select(p => $"{p.Stage} from {DisplayText.Date(p.Date)}"));
        sb.Append("<title id=\"stage-chart-title\">Stage over time: ").Append(Esc(summary)).Append("</title>\n");

        foreach (var row in rows)
        {
            var y = Y(row);
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" y1=\"{F(y)}\" x2=\"{Width - Right}\" y2=\"{F(y)}\"/>\n");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"row-label\" x=\"{Left - 8}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Esc(row)}</text>\n");
        }

        var years = to.Year - from.Year;
        var step = Math.Max(1, (int)Math.Ceiling(years / 8.0));
        var axisY = Top + rows.Count * RowHeight;
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{axisY}\" x2=\"{Width - Right}\" y2=\"{axisY}\"/>\n");
        for (var year = from.Year; year <= to.Year; year += step)
        {
            var x = X(new DateOnly(year, 1, 1));
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"tick\" x1=\"{F(x)}\" y1=\"{axisY}\" x2=\"{F(x)}\" y2=\"{axisY + 5}\"/>\n");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"year\" x=\"{F(x)}\" y=\"{axisY + 18}\" text-anchor=\"middle\">{year}</text>\n");
        }

        // The step line: each stage holds until the next point, the last one until the end of the axis.
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            var x = X(points[i].Date);
            var y = Y(points[i].Stage);
            path.Append(i == 0 ? "M" : " V").Append(i == 0 ? $"{F(x)} {F(y)}" : F(y));
            var nextX = i + 1 < points.Count ? X(points[i + 1].Date) : X(end is { } ed && ed > points[i].Date ? ed : points[i].Date);
            path.Append(" H").Append(F(nextX));
        }

        sb.Append("<path class=\"step\" d=\"").Append(path).Append("\"/>\n");
        foreach (var p in points)
        {
            var label = $"{p.Stage} from {DisplayText.Date(p.Date)} — {filingTitle(p.FilingSlug)}";
            sb.Append("<a href=\"").Append(Esc(href(p))).Append("\">");
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" cx=\"{F(X(p.Date))}\" cy=\"{F(Y(p.Stage))}\" r=\"6\"><title>{Esc(label)}</title></circle>");
            sb.Append("</a>\n");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
