using System.Text;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Import;
using ImmunoGen.Kb.Tests.Import;

namespace ImmunoGen.Kb.Tests.Robustness;

/// <summary>
/// Deterministic mutations of the seed filings and of their generated pages: no exception escapes, every rejection
/// has an error naming the file, every accepted filing gives a valid slug. Bounded by count, not time.
/// </summary>
public sealed class FuzzTests
{
    // bench/fuzz/run.sh raises the count and changes the seed for a longer campaign; the test suite runs the defaults.
    private static readonly int Mutations = int.TryParse(Environment.GetEnvironmentVariable("KB_FUZZ_MUTATIONS"), out var n) && n > 0 ? n : 1000;

    private static readonly int SeedOffset = int.TryParse(Environment.GetEnvironmentVariable("KB_FUZZ_SEED"), out var s) ? s : 0;

    private static readonly string[] Injections =
    [
        "<script>alert(1)</script>", "{{#each x}}", "&a [*a]", "---\n", "]: javascript:x", "\0", "\u2028", "ITEM 9.01", "February 30, 2006", "<SEC-DOCUMENT>", "[[[[[[", "- - -",
    ];

    [Fact]
    public void Mutated_raw_filings_never_throw_and_every_rejection_names_the_file()
    {
        var random = new Random(8 + SeedOffset);
        var seeds = ImportTestFiles.Seeds.Select(s => File.ReadAllBytes(ImportTestFiles.Seed(s))).ToArray();
        for (var i = 0; i < Mutations; i++)
        {
            var bytes = Mutate(random, seeds[random.Next(seeds.Length)]);
            var name = $"fuzz-{i}.txt";
            var (text, error) = RawFilingReader.Decode(bytes, name);
            if (text is null)
            {
                Assert.True(error is { IsError: true, Path: var p } && p == name, $"mutation {i}: rejection without an error naming the file");
                continue;
            }

            var (filing, diagnostics) = FilingParser.Parse(text, name);
            if (filing is null)
            {
                Assert.Contains(diagnostics, d => d.IsError && d.Path == name);
            }
            else
            {
                Assert.True(Slug.IsValid(Slug.From(ParsedFiling.PageSlug(filing.Meta))), $"mutation {i}: slug '{ParsedFiling.PageSlug(filing.Meta)}'");
            }
        }
    }

    [Fact]
    public void Mutated_content_pages_never_throw_and_every_rejection_names_the_file()
    {
        var random = new Random(2007 + SeedOffset);
        var pages = Directory.EnumerateFiles(Path.Combine(ImportTestFiles.RepoRoot, "content"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        for (var i = 0; i < Mutations; i++)
        {
            var text = Encoding.UTF8.GetString(Mutate(random, pages[random.Next(pages.Length)]));
            var name = $"fuzz-{i}.md";
            var diagnostics = new List<Diagnostic>();
            var filing = FilingPage.Read("filings/" + name, text, diagnostics);
            var entity = EntityPage.Read((EntityKind)random.Next(3), "people/" + name, text, diagnostics);
            if (filing is null || entity is null)
            {
                Assert.Contains(diagnostics, d => d.IsError && d.Path.EndsWith(name, StringComparison.Ordinal));
            }

            Assert.All(new[] { filing?.Slug, entity?.Slug }.OfType<string>(), s => Assert.True(Slug.IsValid(s), s));
        }
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    var at = random.Next(bytes.Count);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 2 when bytes.Count > 1:
                    var from = random.Next(bytes.Count);
                    bytes.RemoveRange(from, Math.Min(random.Next(1, 200), bytes.Count - from));
                    break;
                case 3:
                    bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                    break;
                case 4:
                    bytes.InsertRange(random.Next(bytes.Count + 1), Encoding.UTF8.GetBytes(Injections[random.Next(Injections.Length)]));
                    break;
                case 5:
                    var lines = Encoding.UTF8.GetString(bytes.ToArray()).Split('\n');
                    var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines)).ToList();
                    break;
                default:
                    bytes.InsertRange(random.Next(bytes.Count + 1), Encoding.UTF8.GetBytes(new string('x', random.Next(1000, 100_000))));
                    break;
            }
        }

        return bytes.ToArray();
    }
}
