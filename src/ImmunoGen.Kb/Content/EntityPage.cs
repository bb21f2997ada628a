using ImmunoGen.Kb.Content.Yaml;
using ImmunoGen.Kb.Diagnostics;
using K = ImmunoGen.Kb.Content.FrontMatterKeys;

namespace ImmunoGen.Kb.Content;

/// <summary>Reads and writes entity pages: <c>content/{compounds,partners,people}/&lt;slug&gt;.md</c>.</summary>
public static class EntityPage
{
    public static string Write(Entity entity)
    {
        var y = new YamlWriter()
            .Scalar(K.Name, entity.Name)
            .List(K.Aliases, entity.Aliases);
        switch (entity)
        {
            case Compound c:
                y.Scalar(K.Kind, c.CompoundKind)
                    .Scalar(K.Antibody, c.Antibody)
                    .Scalar(K.Target, c.Target)
                    .Scalar(K.Payload, c.Payload)
                    .List(K.Indications, c.Indications)
                    .List(K.Partners, c.Partners)
                    .List(K.Related, c.Related);
                break;
            case Partner p:
                y.List(K.FormerNames, p.FormerNames)
                    .Scalar(K.Parent, p.Parent)
                    .Scalar(K.Relationship, p.Relationship);
                break;
            case Person h:
                y.List(K.Roles, h.Roles, (w, r) => w
                    .Scalar("title", r.Title)
                    .Scalar("organization", r.Organization)
                    .Scalar("first_seen", r.FirstSeen)
                    .Scalar("last_seen", r.LastSeen));
                break;
        }

        y.Flag(K.Discovered, entity.Discovered);
        return FrontMatterText.Join(y.ToString(), entity.Body);
    }

    /// <summary>Parses an entity page of the given kind; null (with diagnostics) when it cannot be used.</summary>
    /// <param name="path">Path relative to the content folder (<c>compounds/sar3419.md</c>).</param>
    public static Entity? Read(EntityKind kind, string path, string text, List<Diagnostic> diagnostics, string? displayPath = null)
    {
        var shown = displayPath ?? path;
        if (FrontMatterText.Split(text) is not { } parts)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Content.MissingFrontMatter, shown, "page does not start with YAML front-matter between '---' lines", 1));
            return null;
        }

        var errorsBefore = diagnostics.Count(d => d.IsError);
        var y = YamlMap.Parse(parts.Yaml, shown, 1, diagnostics);
        if (y is null)
        {
            return null;
        }

        var name = y.String(K.Name);
        if (string.IsNullOrWhiteSpace(name))
        {
            y.Error(DiagnosticCodes.Content.MissingName, K.Name, "entity page has no 'name'");
        }

        var slug = Slug.FromFileName(path);
        var aliases = y.Strings(K.Aliases);
        var discovered = y.Bool(K.Discovered);
        Entity entity = kind switch
        {
            EntityKind.Compound => new Compound
            {
                Slug = slug,
                Name = name ?? "",
                CompoundKind = y.String(K.Kind),
                Antibody = y.String(K.Antibody),
                Target = y.String(K.Target),
                Payload = y.String(K.Payload),
                Indications = y.Strings(K.Indications),
                Partners = y.Strings(K.Partners),
                Related = y.Strings(K.Related),
            },
            EntityKind.Partner => new Partner
            {
                Slug = slug,
                Name = name ?? "",
                FormerNames = y.Strings(K.FormerNames),
                Parent = y.String(K.Parent),
                Relationship = y.String(K.Relationship),
            },
            _ => new Person
            {
                Slug = slug,
                Name = name ?? "",
                Roles = y.Maps(K.Roles, r =>
                {
                    var title = r.String("title");
                    var role = title is null ? null : new Role(title, r.String("organization"), r.Date("first_seen"), r.Date("last_seen"));
                    if (title is null)
                    {
                        r.Error(DiagnosticCodes.Content.WrongType, "title", "a role needs a 'title'");
                    }

                    r.ReportUnknownKeys();
                    return role;
                }),
            },
        };
        y.ReportUnknownKeys();
        if (diagnostics.Count(d => d.IsError) > errorsBefore)
        {
            return null;
        }

        return entity with { Aliases = aliases, Discovered = discovered, Body = parts.Body, Path = path.Replace('\\', '/') };
    }
}
