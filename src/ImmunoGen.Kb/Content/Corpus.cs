namespace ImmunoGen.Kb.Content;

/// <summary>
/// Everything under <c>content/</c> that the site is built from: filing pages in date order and the entity pages.
/// Immutable; each later stage reads it and returns new objects.
/// </summary>
public sealed record Corpus(
    IReadOnlyList<Filing> Filings,
    IReadOnlyList<Compound> Compounds,
    IReadOnlyList<Partner> Partners,
    IReadOnlyList<Person> People)
{
    public static readonly Corpus Empty = new([], [], [], []);

    public IEnumerable<Entity> Entities => Compounds.Cast<Entity>().Concat(Partners).Concat(People);
}
