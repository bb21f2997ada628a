using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Extract;

/// <summary>Names one entity page: its kind and slug (<c>compounds/sar3419</c>).</summary>
public readonly record struct EntityRef(EntityKind Kind, string Slug)
{
    public static EntityRef Of(Entity e) => new(e.Kind, e.Slug);

    /// <summary>The site path of the entity's page, relative to the site root: <c>compounds/sar3419.html</c>.</summary>
    public string SitePath => $"{Kind.Folder()}/{Slug}.html";

    public override string ToString() => $"{Kind.Folder()}/{Slug}";
}

/// <summary>An alias found in a text: where, which entity, and the registry spelling it matched.</summary>
public readonly record struct AliasMatch(int Start, int Length, EntityRef Entity, string Alias);
