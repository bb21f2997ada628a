using System.Diagnostics;
using System.Text.Json;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;

namespace ImmunoGen.Kb.Bench;

/// <summary>
/// The corpus /work/shared/bench/make_corpus.py writes (hugo-site/content/filings/*.md), read as a knowledge graph:
/// entities from the front-matter name lists, paragraphs under "About &lt;company&gt;" and the safe-harbor paragraph as
/// boilerplate, as the Extract stage marks them.
/// </summary>
public static class SyntheticCorpus
{
    public const string DefaultScript = "/work/shared/bench/make_corpus.py";

    /// <summary>Writes the corpus with the generator unless <paramref name="dir"/> already holds one.</summary>
    public static void Ensure(string dir, int n)
    {
        if (Directory.Exists(Path.Combine(dir, "hugo-site", "content", "filings")))
        {
            return;
        }

        var script = Environment.GetEnvironmentVariable("KB_MAKE_CORPUS") ?? DefaultScript;
        using var p = Process.Start(new ProcessStartInfo("python3", ["-B", script, "--n", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir, "--seed", "1"])
        {
            RedirectStandardOutput = true,
        })!;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed with exit code {p.ExitCode}");
        }
    }

    public static KnowledgeGraph Load(string dir)
    {
        var files = Directory.GetFiles(Path.Combine(dir, "hugo-site", "content", "filings"), "*.md").Order(StringComparer.Ordinal).ToList();
        var compounds = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var partners = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var people = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var filings = new Filing[files.Count];
        var lists = new (List<string> C, List<string> P, List<string> H)[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var text = File.ReadAllText(files[i]);
            var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            var front = text[4..end].Split('\n');
            string? Value(string key) => front.FirstOrDefault(l => l.StartsWith(key + ": ", StringComparison.Ordinal))?[(key.Length + 2)..];
            List<string> Names(string key) => Value(key) is { } v ? JsonSerializer.Deserialize<List<string>>(v) ?? [] : [];
            var title = JsonSerializer.Deserialize<string>(Value("title") ?? "\"\"")!;
            var company = JsonSerializer.Deserialize<string>(Value("company") ?? "\"\"")!;
            var date = DateOnly.Parse(JsonSerializer.Deserialize<string>(Value("date") ?? "\"0001-01-01\"")!, System.Globalization.CultureInfo.InvariantCulture);
            var body = text[(end + 5)..];
            var about = "About " + company;
            var boilerplate = FilingBody.Parse(body).Paragraphs
                .Where(p => (p.Section?.StartsWith(about, StringComparison.Ordinal) ?? false) || p.Text.Contains("forward-looking statements", StringComparison.Ordinal))
                .Select(p => p.Id)
                .ToList();
            lists[i] = (Names("compounds"), Names("partners"), Names("people"));
            var slug = Path.GetFileNameWithoutExtension(files[i]);
            filings[i] = new Filing(slug, $"filings/{slug}.md", new FilingFrontMatter
            {
                Title = title,
                Company = company,
                EventDate = date,
                Compounds = lists[i].C.Select(n => Slug.From(n)).ToList(),
                Partners = lists[i].P.Select(n => Slug.From(n)).ToList(),
                People = lists[i].H.Select(n => Slug.From(n)).ToList(),
                Boilerplate = boilerplate,
            }, body, 1);
        });

        foreach (var (c, p, h) in lists)
        {
            c.ForEach(n => compounds.TryAdd(Slug.From(n), n));
            p.ForEach(n => partners.TryAdd(Slug.From(n), n));
            h.ForEach(n => people.TryAdd(Slug.From(n), n));
        }

        var corpus = new Corpus(
            filings.OrderBy(f => f.Meta.Date).ThenBy(f => f.Slug, StringComparer.Ordinal).ToList(),
            compounds.Select(kv => new Compound { Slug = kv.Key, Name = kv.Value }).ToList(),
            partners.Select(kv => new Partner { Slug = kv.Key, Name = kv.Value }).ToList(),
            people.Select(kv => new Person { Slug = kv.Key, Name = kv.Value }).ToList());
        var registry = EntityRegistry.Build(corpus.Entities, []);
        return new KnowledgeGraph(corpus, registry, [], [], [], [], []);
    }
}
