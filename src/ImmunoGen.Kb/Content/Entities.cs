namespace ImmunoGen.Kb.Content;

/// <summary>The three kinds of entity with pages of their own.</summary>
public enum EntityKind
{
    Compound,
    Partner,
    Person,
}

public static class EntityKinds
{
    /// <summary>The content and site folder of each kind: compounds, partners, people.</summary>
    public static string Folder(this EntityKind kind) => kind switch
    {
        EntityKind.Compound => "compounds",
        EntityKind.Partner => "partners",
        EntityKind.Person => "people",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static readonly IReadOnlyList<EntityKind> All = [EntityKind.Compound, EntityKind.Partner, EntityKind.Person];
}

/// <summary>
/// An entity page under <c>content/{compounds,partners,people}/&lt;slug&gt;.md</c>: front-matter people may edit, plus prose.
/// Its <see cref="Name"/> and <see cref="Aliases"/> feed the one alias registry that drives recognition, links and search.
/// </summary>
public abstract record Entity
{
    public required string Slug { get; init; }

    public required string Name { get; init; }

    /// <summary>Every other spelling met in filings ("T-DM1", "sanofiaventis").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>True on a stub page the build created for an entity it discovered; a person's edit removes it.</summary>
    public bool Discovered { get; init; }

    /// <summary>The Markdown prose below the front-matter.</summary>
    public string Body { get; init; } = "";

    /// <summary>Path relative to the content folder (<c>compounds/sar3419.md</c>).</summary>
    public string Path { get; init; } = "";

    public abstract EntityKind Kind { get; }
}

public sealed record Compound : Entity
{
    public override EntityKind Kind => EntityKind.Compound;

    /// <summary>antibody-drug conjugate, naked antibody, payload, …</summary>
    public string? CompoundKind { get; init; }

    public string? Antibody { get; init; }

    public string? Target { get; init; }

    public string? Payload { get; init; }

    public IReadOnlyList<string> Indications { get; init; } = [];

    /// <summary>Partner slugs.</summary>
    public IReadOnlyList<string> Partners { get; init; } = [];

    /// <summary>Related compound slugs (same antibody, different payload, …).</summary>
    public IReadOnlyList<string> Related { get; init; } = [];
}

public sealed record Partner : Entity
{
    public override EntityKind Kind => EntityKind.Partner;

    public IReadOnlyList<string> FormerNames { get; init; } = [];

    public string? Parent { get; init; }

    /// <summary>licensee, collaborator, …</summary>
    public string? Relationship { get; init; }
}

/// <summary>A role a person held, with the first and last filing dates it was seen.</summary>
public sealed record Role(string Title, string? Organization, DateOnly? FirstSeen, DateOnly? LastSeen);

public sealed record Person : Entity
{
    public override EntityKind Kind => EntityKind.Person;

    public IReadOnlyList<Role> Roles { get; init; } = [];
}
