using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;

namespace ImmunoGen.Kb.Tests.Search;

/// <summary>
/// The search fixture: the seed entities as the entity pages will hold them, and the four seed filings
/// (content/raw/*.txt) as filing pages whose entity lists come from the alias registry and whose
/// "About ImmunoGen" and safe-harbor paragraphs are marked boilerplate. Shared with the browser tests.
/// </summary>
public static class SeedGraph
{
    /// <summary>The search index cut so small that every kind of piece splits many times (term shards several prefix levels deep).</summary>
    public static readonly ImmunoGen.Kb.Search.SearchLayout TinyLayout = new(TermShardBytes: 300, FilingChunk: 1, EntityChunk: 3, TextShard: 2);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImmunoGen.Kb.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ImmunoGen.Kb.sln not found above " + AppContext.BaseDirectory);
    }

    public static readonly IReadOnlyList<Compound> Compounds =
    [
        new() { Slug = "ave1642", Name = "AVE1642", Target = "IGF-1R", CompoundKind = "naked antibody", Partners = ["sanofi-aventis"] },
        new() { Slug = "ave9633", Name = "AVE9633", Target = "CD33", Payload = "DM4", Partners = ["sanofi-aventis"] },
        new() { Slug = "sar3419", Name = "SAR3419", Target = "CD19", Payload = "DM4", Partners = ["sanofi-aventis"] },
        new() { Slug = "huc242-dm4", Name = "huC242-DM4", Target = "CanAg", Payload = "DM4" },
        new() { Slug = "hun901-dm1", Name = "huN901-DM1", Target = "CD56", Payload = "DM1" },
        new() { Slug = "trastuzumab-dm1", Name = "trastuzumab-DM1", Aliases = ["T-DM1"], Target = "HER2", Payload = "DM1", Partners = ["genentech"] },
        new() { Slug = "cantuzumab-mertansine", Name = "cantuzumab mertansine", Target = "CanAg", Payload = "DM1" },
    ];

    public static readonly IReadOnlyList<Partner> Partners =
    [
        new() { Slug = "sanofi-aventis", Name = "sanofi-aventis", Aliases = ["sanofiaventis"] },
        new() { Slug = "genentech", Name = "Genentech" },
        new() { Slug = "amgen", Name = "Amgen", FormerNames = ["Abgenix"] },
        new() { Slug = "biogen-idec", Name = "Biogen Idec" },
        new() { Slug = "biotest-ag", Name = "Biotest AG" },
        new() { Slug = "boehringer-ingelheim", Name = "Boehringer Ingelheim" },
        new() { Slug = "centocor", Name = "Centocor", Parent = "Johnson & Johnson" },
        new() { Slug = "millennium-pharmaceuticals-inc", Name = "Millennium Pharmaceuticals, Inc." },
    ];

    public static readonly IReadOnlyList<Person> People =
    [
        new() { Slug = "mitchel-sayare", Name = "Mitchel Sayare" },
        new() { Slug = "daniel-m-junius", Name = "Daniel M. Junius" },
        new() { Slug = "carol-hausner", Name = "Carol Hausner" },
        new() { Slug = "kathryn-morris", Name = "Kathryn Morris" },
        new() { Slug = "anthony-w-tolcher", Name = "Anthony W. Tolcher" },
    ];

    /// <summary>(raw file, slug, title, event date) of the four seed filings.</summary>
    private static readonly (string File, string Slug, string Title, DateOnly Date)[] Seeds =
    [
        ("000_53aae128987dd489.txt", "2006-10-04-sanofi-aventis-initiates-clinical-testing-of-ave1642", "sanofi-aventis Initiates Clinical Testing of AVE1642", new(2006, 10, 4)),
        ("001_a60059691f3829e0.txt", "2006-10-17-sanofi-aventis-licenses-immunogen-s-humanization-technology", "sanofi-aventis Licenses ImmunoGen's Humanization Technology", new(2006, 10, 17)),
        ("002_9fcb631c0bb8cd92.txt", "2006-11-08-initial-clinical-data-for-huc242-dm4", "ImmunoGen Presents Initial Clinical Data for huC242-DM4", new(2006, 11, 8)),
        ("003_35968dba8423dc4d.txt", "2007-10-17-sanofi-aventis-advances-sar3419-into-phase-i", "sanofi-aventis Advances SAR3419 into Phase I Clinical Testing", new(2007, 10, 17)),
    ];

    public static KnowledgeGraph Build()
    {
        var registry = EntityRegistry.Build(Compounds.Cast<Entity>().Concat(Partners).Concat(People), []);
        var raw = Path.Combine(RepositoryRoot(), "content", "raw");
        var filings = Seeds.Select(s => Filing(registry, s.Slug, s.Title, s.Date, File.ReadAllText(Path.Combine(raw, s.File)))).ToList();
        var corpus = new Corpus(filings, Compounds, Partners, People);
        IReadOnlyList<StagePoint> stages =
        [
            new("ave1642", new(2006, 10, 4), "Phase I", Seeds[0].Slug, null),
            new("huc242-dm4", new(2006, 11, 8), "Phase I", Seeds[2].Slug, null),
            new("sar3419", new(2007, 10, 17), "Phase I", Seeds[3].Slug, null),
        ];
        return new KnowledgeGraph(corpus, registry, [], [], stages, [], []);
    }

    /// <summary>A filing page for a seed: paragraphs from "About ImmunoGen, Inc." on are boilerplate; entity lists in order of first mention elsewhere.</summary>
    public static Filing Filing(EntityRegistry registry, string slug, string title, DateOnly date, string body)
    {
        var paragraphs = FilingBody.Parse(body).Paragraphs.ToList();
        var aboutAt = paragraphs.FindIndex(p => p.Text.StartsWith("About ImmunoGen, Inc.", StringComparison.Ordinal));
        var boilerplate = aboutAt < 0 ? [] : paragraphs.Skip(aboutAt).Select(p => p.Id).ToList();
        var named = paragraphs.Take(aboutAt < 0 ? paragraphs.Count : aboutAt)
            .SelectMany(p => registry.Match(p.Text))
            .Select(m => m.Entity)
            .Distinct()
            .ToList();
        List<string> Of(EntityKind kind) => named.Where(r => r.Kind == kind).Select(r => r.Slug).ToList();
        var meta = new FilingFrontMatter
        {
            Title = title,
            EventDate = date,
            Compounds = Of(EntityKind.Compound),
            Partners = Of(EntityKind.Partner),
            People = Of(EntityKind.Person),
            Boilerplate = boilerplate,
        };
        return new Filing(slug, $"filings/{slug}.md", meta, body, 1);
    }
}
