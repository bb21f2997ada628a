using System.Globalization;
using System.Text.RegularExpressions;

namespace ImmunoGen.Kb.Import;

/// <summary>
/// Dates as filings write them: "October 4, 2006", "DECEMBER 15, 1998", "Sept. 5, 2012", "Jan 5 2015".
/// A match that names no real day (February 30) is reported as impossible rather than guessed.
/// </summary>
public static partial class FilingDates
{
    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>A date found in text: the value when it is a real day, and where the match is.</summary>
    public readonly record struct Found(DateOnly? Value, string Text, int Index, int Length)
    {
        public bool IsImpossible => Value is null;
    }

    /// <summary>The first written date in <paramref name="text"/>, or null when there is none.</summary>
    public static Found? FindFirst(string text)
    {
        var m = DateRegex().Match(text);
        return m.Success ? ToFound(m) : null;
    }

    /// <summary>True when <paramref name="text"/> is exactly one written date (surrounding spaces allowed).</summary>
    public static bool IsDateOnly(string text)
    {
        var m = DateRegex().Match(text);
        return m.Success && text.Trim().Length == m.Length;
    }

    private static Found ToFound(Match m)
    {
        var month = Array.FindIndex(MonthPrefixes, p => m.Groups["month"].Value.StartsWith(p, StringComparison.OrdinalIgnoreCase)) + 1;
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        DateOnly? value = year is >= 1900 and <= 2199 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        return new Found(value, m.Value, m.Index, m.Length);
    }

    [GeneratedRegex(@"\b(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?<year>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();
}
