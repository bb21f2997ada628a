using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Search;

/// <summary>What a search key is of its entity; the order is the order of the ranking tiers they give on an exact match.</summary>
public enum SearchKeyType
{
    /// <summary>The entity's name, normalized ("trastuzumabdm1").</summary>
    Name = 0,

    /// <summary>An alias or former name ("tdm1", "abgenix").</summary>
    Alias = 1,

    /// <summary>A part of the name or an alias ("dm4" of huC242-DM4, "sayare" of Mitchel Sayare).</summary>
    Part = 2,

    /// <summary>A compound's target or payload ("cd19", "dm4"): found on an exact match only.</summary>
    Attribute = 3,
}

/// <summary>One normalized string that finds an entity, with the spelling it came from (shown as why it matched).</summary>
/// <param name="Label">The name or alias the key came from; for an attribute, "target CD19".</param>
public sealed record SearchKey(string Key, SearchKeyType Type, string Label);

/// <summary>An entity as the index holds it: what a result shows, and the keys that find it.</summary>
/// <param name="Kind">compound, partner or person.</param>
/// <param name="Url">Site path relative to the site root: <c>compounds/sar3419.html</c>.</param>
/// <param name="Partners">Partner slugs (compounds), or the partner's own slug (partners).</param>
/// <param name="PartnerNames">Display names of <paramref name="Partners"/>.</param>
public sealed record SearchEntity(
    string Kind,
    string Slug,
    string Name,
    string Url,
    string? Target,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> PartnerNames,
    string? Stage,
    IReadOnlyList<SearchKey> Keys);

/// <summary>A filing as the index holds it. Its id is its position in <see cref="SearchIndex.Filings"/> (date, then slug order).</summary>
/// <param name="Entities">Positions in <see cref="SearchIndex.Entities"/> of the entities the filing names.</param>
/// <param name="Text">The non-boilerplate paragraphs, one per line, as UTF-8: where snippets come from (the title is indexed, not kept here).</param>
public sealed record SearchFiling(string Slug, string Title, string Url, DateOnly? Date, IReadOnlyList<int> Entities, Utf8Text Text);

/// <summary>
/// The search index: entities with their keys, filings, and a sorted token dictionary with ascending filing-id postings.
/// Built once by <see cref="SearchIndexBuilder"/>; the C# engine reads it and <see cref="SearchIndexWriter"/> writes it for the browser.
/// </summary>
/// <param name="Entities">In kind (compound, partner, person), then slug order.</param>
/// <param name="Terms">Every full-text token, in ordinal order (binary search for prefixes).</param>
/// <param name="Postings">For each term, the ascending ids of the filings that contain it.</param>
/// <param name="StopWords">Words neither indexed nor required in a query.</param>
public sealed record SearchIndex(
    IReadOnlyList<SearchEntity> Entities,
    IReadOnlyList<SearchFiling> Filings,
    IReadOnlyList<string> Terms,
    IReadOnlyList<int[]> Postings,
    IReadOnlyList<string> StopWords)
{
    /// <summary>The postings of a term, or null when no filing has it.</summary>
    public int[]? PostingsOf(string term)
    {
        var i = FirstAtOrAfter(term);
        return i < Terms.Count && string.Equals(Terms[i], term, StringComparison.Ordinal) ? Postings[i] : null;
    }

    /// <summary>Position of the first term ordinally ≥ <paramref name="term"/>.</summary>
    public int FirstAtOrAfter(string term)
    {
        int lo = 0, hi = Terms.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(Terms[mid], term) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
