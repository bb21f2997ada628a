using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Extract;

/// <summary>
/// Finds entities a filing names that have no page yet and returns them as stub entities
/// (<see cref="Entity.Discovered"/> = true, slug from the name) for the build to write as pages.
/// The rules are shapes, not lists: see <see cref="DiscoveryPatterns"/> and <see cref="NonPartnerRules"/>.
/// </summary>
public sealed class EntityDiscovery(EntityRegistry registry)
{
    private readonly FilingAnalyzer _analyzer = new(registry);

    /// <summary>The stubs for one filing, in kind then slug order.</summary>
    public IReadOnlyList<Entity> Discover(FilingFrontMatter meta, FilingBody body) => _analyzer.Analyze(meta, body).Discovered;

    /// <summary>
    /// Merges stubs that several filings discovered for the same page (same kind and slug): aliases, former names
    /// and indications are united, the first value of a scalar field wins, and a person's roles of the same title and
    /// organization become one role spanning the earliest and latest date. Output is sorted by kind then slug.
    /// </summary>
    public static IReadOnlyList<Entity> Merge(IEnumerable<Entity> stubs)
    {
        var byRef = new Dictionary<EntityRef, Entity>();
        foreach (var e in stubs)
        {
            var r = EntityRef.Of(e);
            byRef[r] = byRef.TryGetValue(r, out var had) ? MergeTwo(had, e) : e;
        }

        return byRef.Values.OrderBy(e => e.Kind).ThenBy(e => e.Slug, StringComparer.Ordinal).ToList();
    }

    internal static Entity MergeTwo(Entity a, Entity b)
    {
        var aliases = Union(a.Aliases, b.Aliases).Where(x => EntityRegistry.Normalize(x) != EntityRegistry.Normalize(a.Name)).ToList();
        return (a, b) switch
        {
            (Compound x, Compound y) => x with
            {
                Aliases = aliases,
                CompoundKind = x.CompoundKind ?? y.CompoundKind,
                Antibody = x.Antibody ?? y.Antibody,
                Target = x.Target ?? y.Target,
                Payload = x.Payload ?? y.Payload,
                Indications = Union(x.Indications, y.Indications),
                Partners = Union(x.Partners, y.Partners),
                Related = Union(x.Related, y.Related),
            },
            (Partner x, Partner y) => x with
            {
                Aliases = aliases,
                FormerNames = Union(x.FormerNames, y.FormerNames),
                Parent = x.Parent ?? y.Parent,
                Relationship = x.Relationship ?? y.Relationship,
            },
            (Person x, Person y) => x with
            {
                Aliases = aliases,
                Roles = x.Roles.Concat(y.Roles)
                    .GroupBy(r => (r.Title, r.Organization))
                    .Select(g => new Role(g.Key.Title, g.Key.Organization, g.Min(r => r.FirstSeen), g.Max(r => r.LastSeen)))
                    .OrderBy(r => r.FirstSeen).ThenBy(r => r.Title, StringComparer.Ordinal)
                    .ToList(),
            },
            _ => a,
        };
    }

    private static List<string> Union(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Concat(b).DistinctBy(EntityRegistry.Normalize).ToList();
}
