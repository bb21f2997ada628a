using System.Globalization;
using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Render;

/// <summary>How dates, money, phases and event types read on the site: one place, invariant culture.</summary>
public static class DisplayText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary><c>October 17, 2007</c>.</summary>
    public static string Date(DateOnly d) => d.ToString("MMMM d, yyyy", Inv);

    public static string Date(DateOnly? d) => d is { } v ? Date(v) : "undated";

    /// <summary><c>Oct 17, 2007</c>, for dense tables.</summary>
    public static string ShortDate(DateOnly? d) => d is { } v ? v.ToString("MMM d, yyyy", Inv) : "undated";

    /// <summary><c>2007-10-17</c>, for <c>&lt;time datetime&gt;</c> and data.</summary>
    public static string Iso(DateOnly? d) => d is { } v ? v.ToString("yyyy-MM-dd", Inv) : "";

    /// <summary><c>$1,000,000</c>.</summary>
    public static string Money(long usd) => "$" + usd.ToString("#,0", Inv);

    /// <summary><c>$21.5M</c>, <c>$500K</c>, <c>$750</c>.</summary>
    public static string CompactMoney(long usd) => usd switch
    {
        >= 1_000_000_000 => "$" + (usd / 1_000_000_000m).ToString("0.##", Inv) + "B",
        >= 1_000_000 => "$" + (usd / 1_000_000m).ToString("0.##", Inv) + "M",
        >= 10_000 => "$" + (usd / 1_000m).ToString("0.##", Inv) + "K",
        _ => Money(usd),
    };

    /// <summary>An amount or range: <c>$1,000,000</c>, or <c>$21.5M–$30M</c> when there is a maximum above the minimum.</summary>
    public static string Amount(long? min, long? max)
    {
        if (min is not { } lo)
        {
            return max is { } only ? "up to " + Money(only) : "";
        }

        return max is { } hi && hi > lo ? $"{CompactMoney(lo)}–{CompactMoney(hi)}" : Money(lo);
    }

    /// <summary>"1" → "Phase I", "1/2" → "Phase I/II"; anything else is kept as written.</summary>
    public static string Phase(string? phase)
    {
        if (string.IsNullOrWhiteSpace(phase))
        {
            return "";
        }

        var parts = phase.Split('/');
        var roman = parts.Select(p => p.Trim() switch
        {
            "1" => "I",
            "2" => "II",
            "3" => "III",
            "4" => "IV",
            _ => null,
        }).ToList();
        return roman.All(r => r is not null) ? "Phase " + string.Join('/', roman) : phase;
    }

    /// <summary><c>milestone_payment</c> → <c>Milestone payment</c>.</summary>
    public static string EventType(string type)
    {
        var words = type.Replace('_', ' ').Trim();
        return words.Length == 0 ? type : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A sentence about an event, for feeds and the timeline: "Milestone payment: $1,000,000 — SAR3419 / sanofi-aventis".</summary>
    public static string EventSummary(FilingEvent e, string? compoundName, string? partnerName)
    {
        var parts = new List<string> { EventType(e.Type) };
        if (Phase(e.Phase) is { Length: > 0 } phase)
        {
            parts.Add(phase);
        }

        var amount = Amount(e.AmountUsd, e.AmountUsdMax);
        if (amount.Length > 0)
        {
            parts.Add((e.Potential ? "potential " : "") + amount);
        }

        var who = string.Join(" / ", new[] { compoundName, partnerName }.Where(s => !string.IsNullOrEmpty(s)));
        return string.Join(", ", parts) + (who.Length > 0 ? " — " + who : "");
    }

    public static string Count(int n, string singular, string plural) => n.ToString(Inv) + " " + (n == 1 ? singular : plural);
}
