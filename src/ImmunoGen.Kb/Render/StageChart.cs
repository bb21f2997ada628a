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
    /// <param name="corpusYears">
    /// The years of the corpus' first and last filings: the time axis spans whole years, at least these and the points'.
    /// The chart reads nothing else of the corpus, so it changes when a filing about the compound does, or a new year.
    /// </param>
    public static string Svg(IReadOnlyList<StagePoint> points, (int First, int Last)? corpusYears, Func<StagePoint, string> href, Func<string, string> filingTitle)
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

        var firstYear = points.Min(p => p.Date).Year;
        var lastYear = points.Max(p => p.Date).Year;
        var from = new DateOnly(Math.Min(firstYear, corpusYears?.First ?? firstYear), 1, 1);
        var to = new DateOnly(Math.Max(lastYear, corpusYears?.Last ?? lastYear) + 1, 1, 1);
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

        // The step line: each stage holds until the next point. After the last one a dashed line runs to the end of the
        // axis: nothing later was reported, which is all the filings can say about the present.
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            var y = Y(points[i].Stage);
            path.Append(i == 0 ? "M" : " V").Append(i == 0 ? $"{F(X(points[i].Date))} {F(y)}" : F(y));
            if (i + 1 < points.Count)
            {
                path.Append(" H").Append(F(X(points[i + 1].Date)));
            }
        }

        sb.Append("<path class=\"step\" d=\"").Append(path).Append("\"/>\n");
        var lastPoint = points[^1];
        sb.Append(CultureInfo.InvariantCulture, $"<path class=\"step-open\" d=\"M{F(X(lastPoint.Date))} {F(Y(lastPoint.Stage))} H{F(X(to))}\"><title>No later stage reported</title></path>\n");
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
