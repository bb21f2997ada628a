using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Extract;

/// <summary>One recognized mention of an entity in a filing block, with the sentence around it.</summary>
/// <param name="Paragraph">The block anchor (<c>p7</c>, or a heading's <c>s-…</c> id).</param>
/// <param name="Boilerplate">True when the block is repeated boilerplate ("About ImmunoGen", safe harbor).</param>
/// <param name="Start">Offset of the mention in the block's plain text.</param>
public sealed record EntityMention(EntityRef Entity, string Paragraph, string Sentence, bool Boilerplate, int Start, int Length);

/// <summary>A quotation in a filing, attributed to a person, with the compounds it names.</summary>
public sealed record QuoteSeen(string PersonSlug, string Paragraph, string Text, IReadOnlyList<string> Compounds);

/// <summary>A title a person was seen holding in one filing: signature block, contact block, quote attribution, investigator line.</summary>
public sealed record PersonRoleSeen(string PersonSlug, string Title, string? Organization, DateOnly? Date, string? Paragraph);

/// <summary>A compound's development stage as one filing states it ("is in preclinical development", "ongoing Phase I study").</summary>
public sealed record StageSeen(string CompoundSlug, DateOnly Date, string Stage, string Paragraph);

/// <summary>
/// What the Extract stage reads from one filing. Lists are in reading order; entity slugs in order of first mention.
/// <see cref="Discovered"/> holds stub entities for names no page covers yet (marked <c>Discovered = true</c>);
/// they are already counted in <see cref="Compounds"/>, <see cref="Partners"/> and <see cref="People"/>.
/// </summary>
public sealed record FilingAnalysis
{
    public IReadOnlyList<string> Compounds { get; init; } = [];

    public IReadOnlyList<string> Partners { get; init; } = [];

    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<FilingEvent> Events { get; init; } = [];

    /// <summary>Anchors of boilerplate paragraphs: no events come from them; backlinks and search leave them out.</summary>
    public IReadOnlyList<string> Boilerplate { get; init; } = [];

    public IReadOnlyList<EntityMention> Mentions { get; init; } = [];

    public IReadOnlyList<QuoteSeen> Quotes { get; init; } = [];

    public IReadOnlyList<PersonRoleSeen> Roles { get; init; } = [];

    public IReadOnlyList<StageSeen> Stages { get; init; } = [];

    public IReadOnlyList<Entity> Discovered { get; init; } = [];

    /// <summary>The filing's front-matter with compounds, partners, people, events and boilerplate filled from this analysis.</summary>
    public FilingFrontMatter ApplyTo(FilingFrontMatter meta) => meta with
    {
        Compounds = Compounds,
        Partners = Partners,
        People = People,
        Events = Events,
        Boilerplate = Boilerplate,
    };
}
