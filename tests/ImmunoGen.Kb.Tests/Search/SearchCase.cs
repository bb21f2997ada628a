using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImmunoGen.Kb.Tests.Search;

/// <summary>One case of tests/search-cases.json: a query and what its results must be, on the seed fixture.</summary>
public sealed record SearchCase
{
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("expect_top")]
    public IReadOnlyList<string> ExpectTop { get; init; } = [];

    [JsonPropertyName("why")]
    public string? Why { get; init; }

    [JsonPropertyName("expect_none")]
    public bool ExpectNone { get; init; }

    [JsonPropertyName("expect_suggest")]
    public IReadOnlyList<string> ExpectSuggest { get; init; } = [];

    [JsonPropertyName("expect_suggest_any")]
    public bool ExpectSuggestAny { get; init; }

    [JsonPropertyName("max_entities")]
    public int? MaxEntities { get; init; }

    public override string ToString() => Kind is null ? Query : $"{Query} [{Kind}]";

    /// <summary>The cases, in file order.</summary>
    public static IReadOnlyList<SearchCase> Load()
    {
        var path = Path.Combine(SeedGraph.RepositoryRoot(), "tests", "search-cases.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").Deserialize<List<SearchCase>>() ?? [];
    }

    /// <summary>
    /// The ways <paramref name="results"/> (kind, slug, why; in rank order) and <paramref name="suggestions"/> (slugs)
    /// miss this case; empty when it passes.
    /// </summary>
    public IReadOnlyList<string> Failures(IReadOnlyList<(string Kind, string Slug, string Why)> results, IReadOnlyList<string> suggestions)
    {
        var failures = new List<string>();
        var slugs = results.Select(r => r.Slug).ToList();
        if (ExpectNone && results.Count > 0)
        {
            failures.Add($"'{this}': expected no results, got {string.Join(", ", slugs)}");
        }

        if (!slugs.Take(ExpectTop.Count).SequenceEqual(ExpectTop))
        {
            failures.Add($"'{this}': expected top [{string.Join(", ", ExpectTop)}], got [{string.Join(", ", slugs.Take(ExpectTop.Count + 2))}]");
        }

        if (Why is not null && (results.Count == 0 || results[0].Why != Why))
        {
            failures.Add($"'{this}': expected why '{Why}', got '{(results.Count > 0 ? results[0].Why : "(no result)")}'");
        }

        var entities = results.Count(r => r.Kind != "filing");
        if (MaxEntities is { } max && entities > max)
        {
            failures.Add($"'{this}': expected at most {max} entity results, got {entities}: {string.Join(", ", slugs)}");
        }

        foreach (var s in ExpectSuggest.Where(s => !suggestions.Contains(s)))
        {
            failures.Add($"'{this}': expected suggestion {s}, got [{string.Join(", ", suggestions)}]");
        }

        if (ExpectSuggestAny && suggestions.Count == 0)
        {
            failures.Add($"'{this}': expected suggestions, got none");
        }

        return failures;
    }
}
