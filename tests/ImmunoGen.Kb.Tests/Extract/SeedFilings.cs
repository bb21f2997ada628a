using System.Collections.Concurrent;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Import;

namespace ImmunoGen.Kb.Tests.Extract;

/// <summary>
/// The four seeds as the Extract stage sees them in a build: parsed by the real importer (<see cref="FilingParser"/>),
/// so recognition is measured on the importer's Markdown and front-matter, not on a stand-in.
/// </summary>
internal static class SeedFilings
{
    public static readonly IReadOnlyList<string> Ids = ["000_53aae128987dd489", "001_a60059691f3829e0", "002_9fcb631c0bb8cd92", "003_35968dba8423dc4d"];

    private static readonly ConcurrentDictionary<string, ParsedFiling> Parsed = new(StringComparer.Ordinal);

    public static FilingFrontMatter Meta(string id) => Parse(id).Meta;

    public static FilingBody Body(string id) => FilingBody.Parse(Parse(id).Body.ToString());

    /// <summary>The importer's Markdown body of a seed.</summary>
    public static string Markdown(string id) => Parse(id).Body.ToString();

    private static ParsedFiling Parse(string id) => Parsed.GetOrAdd(id, key =>
    {
        var (filing, diagnostics) = FilingParser.Parse(RawText(key), key);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return filing!;
    });

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ImmunoGen.Kb.sln")) && !Directory.Exists(Path.Combine(dir.FullName, "content", "compounds")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ContentRoot => Path.Combine(RepositoryRoot, "content");

    public static string RawText(string id) => File.ReadAllText(Path.Combine(ContentRoot, "raw", id + ".txt"));

    /// <summary>The registry built from the repository's entity pages, as `kb build` builds it.</summary>
    public static EntityRegistry Registry()
    {
        var bag = new DiagnosticBag();
        var corpus = new ContentStore(ContentRoot).Load(bag);
        var diagnostics = new List<Diagnostic>();
        var registry = EntityRegistry.Build(corpus.Entities, diagnostics);
        Assert.Empty(bag.ToSortedList());
        Assert.Empty(diagnostics);
        return registry;
    }
}
