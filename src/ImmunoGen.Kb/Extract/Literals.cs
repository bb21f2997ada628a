namespace ImmunoGen.Kb.Extract;

/// <summary>
/// Literal prefilters for the extraction patterns. A pattern that needs one of a few words runs only on text that has
/// one; the words are kept next to their pattern, and each list is a necessary condition for it, so skipping never
/// changes what is found.
/// </summary>
internal static class Literals
{
    /// <summary>True when <paramref name="text"/> contains any of <paramref name="words"/>.</summary>
    /// <remarks>
    /// With <see cref="StringComparison.OrdinalIgnoreCase"/> a word must not contain a "k": a case-insensitive regex
    /// matches the Kelvin sign (U+212A) for it, an ordinal comparison does not. Every other ASCII letter compares alike.
    /// </remarks>
    public static bool ContainsAny(string text, string[] words, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var w in words)
        {
            if (text.Contains(w, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
