using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Link;
using ImmunoGen.Kb.Render;
using ImmunoGen.Kb.Search;
using ImmunoGen.Kb.Write;

namespace ImmunoGen.Kb.Site.Tests.Fixtures;

/// <summary>The seed graph rendered with the repository's templates/ folder; optionally written to a temporary folder.</summary>
public sealed class FixtureSite
{
    public FixtureSite()
    {
        var diagnostics = new List<Diagnostic>();
        Templates = new HandlebarsTemplateEngine().Load(Path.Combine(RepositoryRoot, "templates"), diagnostics);
        if (diagnostics.Count > 0)
        {
            throw new InvalidOperationException("templates do not load: " + string.Join("; ", diagnostics));
        }

        Graph = SeedGraph.Build();
        Options = SiteOptions.Default with { AssetsDirectory = Path.Combine(RepositoryRoot, "templates", "assets") };
        Renderer = new SiteRenderer(Templates, Graph, Options);
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public ITemplateSet Templates { get; }

    public KnowledgeGraph Graph { get; }

    public SiteOptions Options { get; }

    public SiteRenderer Renderer { get; }

    /// <summary>Every file of the site, as <c>kb build</c> writes it: the rendered pages and the search index.</summary>
    public IReadOnlyList<SiteFile> Files() =>
        Renderer.RenderAll()
            .Concat(SearchIndexWriter.Write(SearchIndexBuilder.Build(Graph)).Select(f => new SiteFile(f.Path, System.Text.Encoding.UTF8.GetBytes(f.Content))))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

    public string Page(string path) =>
        System.Text.Encoding.UTF8.GetString(Renderer.Jobs().Single(j => j.Path == path).Render().Content);

    /// <summary>Writes the site into a new temporary folder and returns its path.</summary>
    public string WriteToTemp()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kb-site-" + Guid.NewGuid().ToString("N"));
        SiteWriter.Write(dir, Files());
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImmunoGen.Kb.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (ImmunoGen.Kb.sln) above " + AppContext.BaseDirectory);
    }
}
