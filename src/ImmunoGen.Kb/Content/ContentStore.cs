using System.Text;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Content;

/// <summary>
/// The <c>content/</c> folder: where raw filings, filing pages and entity pages live, and how they are loaded.
/// A page that cannot be read is reported with its file and line and left out; the rest still load.
/// </summary>
public sealed class ContentStore(string root) : IFilingBodySource
{
    public const string RawFolder = "raw";
    public const string FilingsFolder = "filings";

    public string Root { get; } = Path.GetFullPath(root);

    public string RawDirectory => Path.Combine(Root, RawFolder);

    public string FilingsDirectory => Path.Combine(Root, FilingsFolder);

    public string EntityDirectory(EntityKind kind) => Path.Combine(Root, kind.Folder());

    /// <summary>A path under the content folder as users see it: <c>content/filings/x.md</c> when run from the repository root.</summary>
    public string Display(string fullPath)
    {
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return (rel.StartsWith("..", StringComparison.Ordinal) ? fullPath : rel).Replace('\\', '/');
    }

    /// <summary>A path relative to the content folder, with forward slashes: <c>filings/x.md</c>.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    /// <param name="frontMatter">Filing front-matter read by an earlier build, reused for pages whose front-matter is unchanged.</param>
    /// <param name="keepBody">
    /// Which filings keep their body in memory; the others are loaded without it and the corpus reads it again from the
    /// page when asked (<see cref="Corpus.BodyOf"/>). Null keeps every body.
    /// </param>
    public Corpus Load(DiagnosticBag diagnostics, IFrontMatterCache? frontMatter = null, Func<Filing, bool>? keepBody = null)
    {
        var filings = LoadFilings(diagnostics, frontMatter, keepBody);
        var compounds = LoadEntities<Compound>(EntityKind.Compound, diagnostics);
        var partners = LoadEntities<Partner>(EntityKind.Partner, diagnostics);
        var people = LoadEntities<Person>(EntityKind.Person, diagnostics);
        return new Corpus(filings, compounds, partners, people) { Bodies = this };
    }

    public IReadOnlyList<Filing> LoadFilings(DiagnosticBag diagnostics, IFrontMatterCache? frontMatter = null, Func<Filing, bool>? keepBody = null)
    {
        var files = MarkdownFiles(FilingsDirectory);
        var loaded = new Filing?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var local = new List<Diagnostic>();
            if (ReadBytes(files[i], local) is { } bytes)
            {
                var relative = Relative(files[i]);
                // A page whose front-matter is known and whose body is not kept is not decoded: at 10,000 filings that is
                // most of what loading the pages allocated (their text, its parts, its UTF-8 again to hash it).
                if (frontMatter is not null && keepBody is not null
                    && FilingPage.ReadKnown(relative, bytes, frontMatter) is { } known && !keepBody(known))
                {
                    loaded[i] = known;
                }
                else
                {
                    var filing = FilingPage.Read(relative, Decode(bytes), local, Display(files[i]), frontMatter);
                    loaded[i] = filing is null || keepBody?.Invoke(filing) != false ? filing : filing.WithoutBody();
                }
            }

            diagnostics.AddRange(local);
        });
        return Deduplicate(loaded.OfType<Filing>(), f => f.Slug, f => f.Path, diagnostics)
            .OrderBy(f => f.Meta.Date ?? DateOnly.MaxValue)
            .ThenBy(f => f.Slug, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<T> LoadEntities<T>(EntityKind kind, DiagnosticBag diagnostics)
        where T : Entity
    {
        var files = MarkdownFiles(EntityDirectory(kind));
        var loaded = new Entity?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var local = new List<Diagnostic>();
            if (ReadText(files[i], local) is { } text)
            {
                loaded[i] = EntityPage.Read(kind, Relative(files[i]), text, local, Display(files[i]));
            }

            diagnostics.AddRange(local);
        });
        return Deduplicate(loaded.OfType<T>(), e => e.Slug, e => e.Path, diagnostics)
            .OrderBy(e => e.Slug, StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> MarkdownFiles(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.md", SearchOption.TopDirectoryOnly)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>The body of a filing page loaded without it, read again and checked against the text it was loaded from.</summary>
    /// <exception cref="PageReadException">The page cannot be read, or was changed since it was loaded.</exception>
    public string ReadBody(Filing filing)
    {
        var file = Path.Combine(Root, filing.Path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PageReadException(Display(file), $"cannot read page again: {ex.Message}", ex);
        }

        // Plain UTF-8 is its own text's encoding: hashed and split as bytes, only the body is decoded.
        if (FilingPage.IsPlainUtf8(bytes))
        {
            return filing.TextSha256 == Fingerprint.Of(bytes) && FrontMatterText.Locate<byte>(bytes) is { } at
                ? Encoding.UTF8.GetString(bytes.AsSpan(at.BodyStart))
                : throw Changed();
        }

        var text = Decode(bytes);
        return filing.TextSha256 == Fingerprint.Of(text) && FrontMatterText.Split(text) is { } parts ? parts.Body : throw Changed();

        PageReadException Changed() => new(Display(file), "page changed during the build; build again");
    }

    private string? ReadText(string file, List<Diagnostic> diagnostics) => ReadBytes(file, diagnostics) is { } bytes ? Decode(bytes) : null;

    private byte[]? ReadBytes(string file, List<Diagnostic> diagnostics)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Content.Unreadable, Display(file), $"cannot read page: {ex.Message}"));
            return null;
        }
    }

    // As File.ReadAllText reads it: UTF-8 (a BOM is skipped) unless a UTF-16 or UTF-32 BOM says otherwise. Decoded whole,
    // without the stream reader's buffers, which showed in profiles of builds reading 10,000 pages.
    private static string Decode(byte[] bytes)
    {
        if (bytes is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0, 0, 0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        return Encoding.UTF8.GetString(bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes.AsSpan(3) : bytes);
    }

    // Two files whose names give the same slug (SAR3419.md and sar3419.md) would write the same output page.
    private IEnumerable<T> Deduplicate<T>(IEnumerable<T> items, Func<T, string> slug, Func<T, string> path, DiagnosticBag diagnostics)
    {
        foreach (var group in items.GroupBy(slug, StringComparer.Ordinal))
        {
            // The file named exactly by the slug keeps it (sar3419.md over SAR3419.md); otherwise ordinal path order decides.
            var ordered = group.OrderBy(x => Path.GetFileNameWithoutExtension(path(x)) == group.Key ? 0 : 1).ThenBy(path, StringComparer.Ordinal).ToList();
            foreach (var dup in ordered.Skip(1))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Content.DuplicateSlug, Display(Path.Combine(Root, path(dup))), $"slug '{group.Key}' is already used by {path(ordered[0])}"));
            }

            yield return ordered[0];
        }
    }
}
