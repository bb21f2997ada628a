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

    /// <summary>Where the bodies of filings loaded without them are read again; null when every filing holds its body.</summary>
    public IFilingBodySource? Bodies { get; init; }

    /// <summary>The Markdown body of <paramref name="filing"/>: the one it holds, or else the one its page holds.</summary>
    /// <exception cref="PageReadException">The page cannot be read again, or its text is no longer the text it was loaded from.</exception>
    public string BodyOf(Filing filing) =>
        filing.Body
        ?? Bodies?.ReadBody(filing)
        ?? throw new InvalidOperationException($"{filing.Path} was loaded without its body, and this corpus cannot read it again");
}

/// <summary>Reads the body of a filing page loaded without it (<see cref="ContentStore"/>).</summary>
public interface IFilingBodySource
{
    /// <exception cref="PageReadException">The page cannot be read, or its text is no longer the text it was loaded from.</exception>
    string ReadBody(Filing filing);
}
