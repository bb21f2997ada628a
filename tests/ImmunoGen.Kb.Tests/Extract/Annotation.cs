using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Tests.Extract;

/// <summary>A hand-labelled seed: the compounds, partners, people and events a reader finds in it (TestData/Annotations/&lt;seed&gt;.json).</summary>
internal sealed record Annotation(
    [property: JsonPropertyName("seed")] string Seed,
    [property: JsonPropertyName("compounds")] IReadOnlyList<string> Compounds,
    [property: JsonPropertyName("partners")] IReadOnlyList<string> Partners,
    [property: JsonPropertyName("people")] IReadOnlyList<string> People,
    [property: JsonPropertyName("events")] IReadOnlyList<AnnotatedEvent> Events)
{
    public static Annotation Load(string seed)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "Annotations", seed + ".json");
        return JsonSerializer.Deserialize<Annotation>(File.ReadAllText(path)) ?? throw new InvalidDataException(path);
    }
}

/// <summary>An expected event; two events are the same fact when every field here agrees (detail and paragraph aside).</summary>
internal sealed record AnnotatedEvent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("compound")] string? Compound,
    [property: JsonPropertyName("partner")] string? Partner,
    [property: JsonPropertyName("amount_usd")] long? AmountUsd,
    [property: JsonPropertyName("amount_usd_max")] long? AmountUsdMax,
    [property: JsonPropertyName("potential")] bool Potential,
    [property: JsonPropertyName("phase")] string? Phase)
{
    public static AnnotatedEvent From(FilingEvent e) => new(
        e.Type, e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Compound, e.Partner, e.AmountUsd, e.AmountUsdMax, e.Potential, e.Phase);

    public override string ToString() =>
        $"{Type} {Date} {Compound ?? "-"} {Partner ?? "-"} {AmountUsd?.ToString(CultureInfo.InvariantCulture) ?? "-"}..{AmountUsdMax?.ToString(CultureInfo.InvariantCulture) ?? "-"}{(Potential ? " potential" : "")}{(Phase is null ? "" : " phase " + Phase)}";
}
