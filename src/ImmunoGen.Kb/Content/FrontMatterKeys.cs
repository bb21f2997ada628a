namespace ImmunoGen.Kb.Content;

/// <summary>The front-matter keys a content page may carry: the one list the writer, the loader and the README share.</summary>
public static class FrontMatterKeys
{
    public const string Title = "title";
    public const string Form = "form";
    public const string Company = "company";
    public const string FileNumber = "file_number";
    public const string EventDate = "event_date";
    public const string PressReleaseDate = "press_release_date";
    public const string SignedDate = "signed_date";
    public const string AccessionNumber = "accession_number";
    public const string FiledDate = "filed_date";
    public const string Cik = "cik";
    public const string Items = "items";
    public const string Exhibits = "exhibits";
    public const string Signatories = "signatories";
    public const string Compounds = "compounds";
    public const string Partners = "partners";
    public const string People = "people";
    public const string Events = "events";
    public const string Boilerplate = "boilerplate";
    public const string Source = "source";

    public const string Name = "name";
    public const string Aliases = "aliases";
    public const string Discovered = "discovered";
    public const string Kind = "kind";
    public const string Antibody = "antibody";
    public const string Target = "target";
    public const string Payload = "payload";
    public const string Indications = "indications";
    public const string Related = "related";
    public const string FormerNames = "former_names";
    public const string Parent = "parent";
    public const string Relationship = "relationship";
    public const string Roles = "roles";
}
