namespace ImmunoGen.Kb.Search;

/// <summary>How a result matched, strongest first when compared as numbers (docs/search.md, "Tiers").</summary>
public enum SearchTier
{
    /// <summary>A filing whose text has the query's words, or that names an entity the query found.</summary>
    Text = 1,

    /// <summary>A key within the allowed edit distance of the query (typo).</summary>
    Fuzzy = 2,

    /// <summary>A key that starts with the query (typing in progress).</summary>
    Prefix = 3,

    /// <summary>A compound's target or payload, exactly.</summary>
    Attribute = 4,

    /// <summary>A part of a name or alias, exactly ("DM4", "huC242", "Sayare").</summary>
    Part = 5,

    /// <summary>An alias or former name, exactly.</summary>
    Alias = 6,

    /// <summary>The entity's name, exactly.</summary>
    Name = 7,
}

/// <summary>Narrows results: by kind (compound, partner, person, filing), by partner slug, by filing year.</summary>
/// <param name="Partner">A partner slug: keeps the partner, its compounds and the filings that name it.</param>
/// <param name="Year">Keeps only filings dated in that year.</param>
public sealed record SearchFilters(string? Kind = null, string? Partner = null, int? Year = null);

/// <summary>A highlighted range of <see cref="SearchResult.Snippet"/>.</summary>
public readonly record struct SnippetHighlight(int Start, int Length);

/// <summary>One search result: an entity page or a filing, with why it matched.</summary>
/// <param name="Kind">compound, partner, person or filing.</param>
/// <param name="Url">Site path relative to the site root (<c>compounds/sar3419.html</c>).</param>
/// <param name="Why">Why it matched: "exact name", "alias T-DM1", "part of huC242-DM4", "close to AVE1642", "mentions SAR3419".</param>
/// <param name="Score">Orders results within a tier (higher first): shorter completions, fewer edits, filings naming the entity.</param>
/// <param name="Snippet">For filings: a passage of the text around the first match.</param>
/// <param name="Partner">Compounds: their partners' names, joined with ", ".</param>
public sealed record SearchResult(
    string Kind,
    string Slug,
    string Title,
    string Url,
    string Why,
    SearchTier Tier,
    int Score,
    string? Target = null,
    string? Partner = null,
    string? Stage = null,
    DateOnly? Date = null,
    string? Snippet = null,
    IReadOnlyList<SnippetHighlight>? Highlights = null);

/// <summary>An entity close to a query that found nothing ("did you mean").</summary>
public sealed record SearchSuggestion(string Kind, string Slug, string Name, string Url, int Distance);
