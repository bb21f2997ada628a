using System.Globalization;
using System.Text.RegularExpressions;

namespace ImmunoGen.Kb.Extract;

/// <summary>A dollar amount found in a text: "$2 million" → 2,000,000; "$21.5 to $30 million" → 21,500,000 … 30,000,000.</summary>
/// <param name="Start">Offset of the amount in the text.</param>
/// <param name="Length">Length of the whole amount phrase, range included.</param>
/// <param name="Usd">Whole dollars (the lower bound of a range).</param>
/// <param name="MaxUsd">The upper bound of a range, or null for a single amount.</param>
public readonly record struct MoneyAmount(int Start, int Length, long Usd, long? MaxUsd)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds dollar amounts in filing prose. Accepts the escaped "\$" the text extraction leaves behind,
/// thousands separators, decimals, million/billion/thousand, and ranges written "$21.5 to $30 million"
/// or "$21.5 million to $30 million" (the unit of the upper bound applies to a bare lower bound).
/// </summary>
public static partial class MoneyParser
{
    [GeneratedRegex(
        @"\\?\$\s?(?<a>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?<ua>million|billion|thousand)\b)?(?:\s*(?:to|-|–)\s*(?:\\?\$)?\s?(?<b>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?<ub>million|billion|thousand)\b)?)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    public static IReadOnlyList<MoneyAmount> Find(string text)
    {
        var found = new List<MoneyAmount>();
        foreach (Match m in Amount().Matches(text))
        {
            var unitA = m.Groups["ua"].Success ? m.Groups["ua"].Value : m.Groups["b"].Success ? m.Groups["ub"].Value : "";
            var unitB = m.Groups["ub"].Success ? m.Groups["ub"].Value : unitA;
            if (ToUsd(m.Groups["a"].Value, unitA) is not { } low)
            {
                continue;
            }

            long? high = m.Groups["b"].Success ? ToUsd(m.Groups["b"].Value, unitB) : null;
            if (high is { } h && h <= low)
            {
                // "$1 - 2" style noise or a list, not a range: keep the first amount alone.
                high = null;
            }

            found.Add(new MoneyAmount(m.Index, m.Length, low, high));
        }

        return found;
    }

    private static long? ToUsd(string number, string unit)
    {
        if (!decimal.TryParse(number.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var factor = unit.ToLowerInvariant() switch
        {
            "billion" => 1_000_000_000m,
            "million" => 1_000_000m,
            "thousand" => 1_000m,
            _ => 1m,
        };
        var usd = value * factor;
        return usd is > 0 and < 1e15m ? (long)decimal.Round(usd) : null;
    }
}
