using System.Text;
using System.Text.RegularExpressions;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Tests.Extract;

/// <summary>
/// TEST FIXTURE, not the importer: turns a raw seed into Markdown the way the importer will (blank-line paragraphs,
/// joined lines, "\$" → "$", ITEM lines and "About …" lines as headings, the press-release headline as a heading),
/// and gives each seed the front-matter dates and signatories the importer reads from its cover and signature.
/// The real importer replaces this at integration; the annotations in TestData/Annotations do not depend on it.
/// </summary>
internal static partial class SeedFilings
{
    public static readonly IReadOnlyList<string> Ids = ["000_53aae128987dd489", "001_a60059691f3829e0", "002_9fcb631c0bb8cd92", "003_35968dba8423dc4d"];

    private const string Company = "ImmunoGen, Inc.";
    private const string Cfo = "Executive Vice President and Chief Financial Officer";

    public static FilingFrontMatter Meta(string id) => id[..3] switch
    {
        "000" => new() { Company = Company, PressReleaseDate = new(2006, 10, 4) },
        "001" => new()
        {
            Company = Company, EventDate = new(2006, 10, 17), PressReleaseDate = new(2006, 10, 18), SignedDate = new(2006, 10, 19),
            Signatories = [new Signatory("Daniel M. Junius", Cfo)],
        },
        "002" => new()
        {
            Company = Company, EventDate = new(2006, 11, 8), PressReleaseDate = new(2006, 11, 8), SignedDate = new(2006, 11, 8),
            Signatories = [new Signatory("Daniel M. Junius", Cfo)],
        },
        _ => new()
        {
            Company = Company, EventDate = new(2007, 10, 17), PressReleaseDate = new(2007, 10, 17), SignedDate = new(2007, 10, 17),
            Signatories = [new Signatory("Daniel M. Junius", null)],
        },
    };

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

    public static FilingBody Body(string id) => FilingBody.Parse(ToMarkdown(RawText(id)));

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^ITEM\s+\d+\.\d+", RegexOptions.IgnoreCase)]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"\(?\d{3}\)?[\s.-]\d{3}-\d{4}|@")]
    private static partial Regex Contact();

    public static string ToMarkdown(string raw)
    {
        var text = raw.Replace("\r", "", StringComparison.Ordinal).Replace("\\$", "$", StringComparison.Ordinal);
        var blocks = new List<string>();
        foreach (var block in BlankLine().Split(text))
        {
            var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l != "###").Select(l => l.TrimStart('#').Trim()).ToList();
            // "For Immediate Release" closes a block in seed 000; it separates the press release from its headline.
            var release = lines.FindIndex(l => l.Equals("For Immediate Release", StringComparison.OrdinalIgnoreCase));
            if (release >= 0)
            {
                if (release > 0)
                {
                    blocks.Add(string.Join(' ', lines.Take(release)));
                }

                blocks.Add("For Immediate Release");
                lines = lines.Skip(release + 1).ToList();
            }

            if (lines.Count > 0)
            {
                blocks.Add(string.Join(' ', lines));
            }
        }

        var sb = new StringBuilder();
        var headlineDue = false;
        foreach (var b in blocks)
        {
            var line = b;
            if (ItemLine().IsMatch(b) || (b.StartsWith("About ", StringComparison.Ordinal) && b.Length <= 60))
            {
                line = "## " + b;
            }
            else if (b == "For Immediate Release")
            {
                headlineDue = true;
            }
            else if (headlineDue && !Contact().IsMatch(b) && !b.StartsWith("Media", StringComparison.Ordinal))
            {
                line = "## " + b;
                headlineDue = false;
            }

            sb.Append(line).Append("\n\n");
        }

        return sb.ToString();
    }
}
