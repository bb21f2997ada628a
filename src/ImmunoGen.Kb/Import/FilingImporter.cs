using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Import;

/// <summary>A parsed filing with the raw file it came from; <see cref="Meta"/> already carries <c>source</c>.</summary>
/// <param name="RawPath">The raw file relative to the content folder, with <c>/</c>: <c>raw/001_x.txt</c>.</param>
public sealed record ImportedFiling(string RawPath, string RawSha256, FilingFrontMatter Meta, Utf8Text Body)
{
    /// <summary>The page's file name without <c>.md</c>: <c>&lt;event_date&gt;-&lt;slug of title&gt;</c>.</summary>
    public string Slug => ParsedFiling.PageSlug(Meta);
}

/// <summary>The filings read from raw files, and what was wrong with the others.</summary>
/// <param name="Failed">Raw files that gave an error and no filing.</param>
/// <param name="Duplicates">Raw files that are the same filing as an earlier one (by path order) and were left out.</param>
public sealed record ImportReadResult(IReadOnlyList<ImportedFiling> Filings, IReadOnlyList<Diagnostic> Diagnostics, int Failed, int Duplicates);

/// <summary>What writing the pages did.</summary>
/// <param name="Pages">Every page this run stands behind (written or unchanged), relative to the content folder, sorted.</param>
public sealed record ImportWriteResult(
    int Imported,
    int Updated,
    int Unchanged,
    int KeptEdited,
    int Removed,
    IReadOnlyList<string> Pages,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// By raw path, the SHA-256 of the page now on disk that was generated from it (written or found unchanged); a page a
    /// person edited and that was kept is not here. A loaded page with this hash is exactly what the run generated.
    /// </summary>
    public IReadOnlyDictionary<string, string> Generated { get; init; } = new Dictionary<string, string>();
}

/// <summary>The outcome of <c>kb import</c>: counts, and every diagnostic sorted by file.</summary>
public sealed record ImportResult(
    int Imported,
    int Updated,
    int Unchanged,
    int KeptEdited,
    int Removed,
    int Failed,
    int Duplicates,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Failed > 0 || Diagnostics.Any(d => d.IsError);

    /// <summary>One line for the end of a run: <c>import: 4 imported, 0 updated, … 1 failed</c>.</summary>
    public string Summary =>
        $"import: {Imported} imported, {Updated} updated, {Unchanged} unchanged, {KeptEdited} kept (edited), {Removed} removed, {Duplicates} duplicate, {Failed} failed";
}

/// <summary>
/// The Import stage over a content folder: raw files in <c>content/raw/</c> become pages in <c>content/filings/</c>.
/// <list type="number">
/// <item><see cref="Read"/> parses raw files (never modifying them) and drops duplicates.</item>
/// <item>Between reading and writing, the caller may enrich each filing's front-matter (the Entities stage adds
/// compounds, partners, people, events, boilerplate): pass <c>enrich</c> to <see cref="Write"/>.</item>
/// <item><see cref="Write"/> writes each page atomically, only when its bytes change, and never over a page a person edited.</item>
/// </list>
/// <see cref="Import"/> does all three for <c>kb import PATH…</c>, after copying the inputs into <c>content/raw/</c>.
/// </summary>
public sealed class FilingImporter
{
    private readonly string _content;

    /// <param name="contentDir">The content folder (holds <c>raw/</c> and <c>filings/</c>).</param>
    public FilingImporter(string contentDir) => _content = Path.GetFullPath(contentDir);

    public string RawDir => Path.Combine(_content, "raw");

    public string FilingsDir => Path.Combine(_content, "filings");

    /// <summary>Every raw file in <c>content/raw/</c> (hidden files skipped), in ordinal path order.</summary>
    public IReadOnlyList<string> RawFiles() =>
        Directory.Exists(RawDir) ? ListFiles(RawDir) : [];

    /// <summary>
    /// Reads and parses raw files. A file that is the same filing as one earlier in ordinal path order — same bytes,
    /// same accession number, or same event date and title — gets warning KB1010 and is left out.
    /// </summary>
    /// <param name="parses">Optional: parses kept from an earlier run; a file found there is read and hashed but not parsed.</param>
    public ImportReadResult Read(IEnumerable<string> rawFiles, IParseCache? parses = null)
    {
        // Reading, decoding and parsing are independent per file and run in parallel; deciding which file is a duplicate
        // of which is done afterwards in path order, so the result never depends on thread timing.
        var files = rawFiles.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).OrderBy(ContentRelative, StringComparer.Ordinal).ToList();
        var parsed = new RawParse[files.Count];
        Parallel.For(0, files.Count, i => parsed[i] = ParseRaw(files[i], parses));

        var diagnostics = new List<Diagnostic>();
        var filings = new List<ImportedFiling>();
        var failed = 0;
        var duplicates = 0;
        var bySha = new Dictionary<string, string>(StringComparer.Ordinal);
        var byAccession = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byDateTitle = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in parsed)
        {
            if (raw.Sha is null)
            {
                diagnostics.AddRange(raw.Diagnostics);
                failed++;
                continue;
            }

            if (bySha.TryGetValue(raw.Sha, out var sameBytes))
            {
                diagnostics.Add(Duplicate(raw.Shown, sameBytes, "same bytes"));
                duplicates++;
                continue;
            }

            bySha[raw.Sha] = raw.Rel;
            diagnostics.AddRange(raw.Diagnostics);
            if (raw.Filing is not { } parsedFiling)
            {
                failed++;
                continue;
            }

            if (parsedFiling.Meta.AccessionNumber is { } acc && byAccession.TryGetValue(acc, out var sameAcc))
            {
                diagnostics.Add(Duplicate(raw.Shown, sameAcc, $"same accession number {acc}"));
                duplicates++;
                continue;
            }

            var dateTitle = $"{parsedFiling.Meta.Date:yyyy-MM-dd}|{FilingLines.Flatten(parsedFiling.Meta.Title ?? "")}";
            if (byDateTitle.TryGetValue(dateTitle, out var sameFiling))
            {
                diagnostics.Add(Duplicate(raw.Shown, sameFiling, "same event date and title"));
                duplicates++;
                continue;
            }

            if (parsedFiling.Meta.AccessionNumber is { } a)
            {
                byAccession[a] = raw.Rel;
            }

            byDateTitle[dateTitle] = raw.Rel;
            var meta = parsedFiling.Meta with { Source = new SourceRef(raw.Rel, raw.Sha) };
            filings.Add(new ImportedFiling(raw.Rel, raw.Sha, meta, parsedFiling.Body));
        }

        return new ImportReadResult(filings, diagnostics, failed, duplicates);
    }

    private RawParse ParseRaw(string file, IParseCache? parses)
    {
        var rel = ContentRelative(file);
        var shown = Display(file);
        var (bytes, readError) = ReadBytes(file, shown);
        if (bytes is null)
        {
            return new RawParse(rel, shown, null, null, [readError!]);
        }

        var sha = Fingerprint.Of(bytes);
        if (parses?.Find(rel, shown, sha) is { } known)
        {
            return known;
        }

        var parse = Parse(rel, shown, sha, bytes);
        parses?.Add(parse);
        return parse;
    }

    private static RawParse Parse(string rel, string shown, string sha, byte[] bytes)
    {
        var (text, decodeError) = RawFilingReader.Decode(bytes, shown);
        if (text is null)
        {
            return new RawParse(rel, shown, sha, null, [decodeError!]);
        }

        var (filing, parseDiagnostics) = FilingParser.Parse(text, shown);
        return new RawParse(rel, shown, sha, filing, parseDiagnostics);
    }

    /// <summary>
    /// Writes a page per filing to <c>content/filings/&lt;slug&gt;.md</c> and updates the import state.
    /// </summary>
    /// <param name="enrich">
    /// Optional: returns the front-matter to write for a filing (the Entities stage adds its keys here). It receives the
    /// filing as parsed and must keep <c>source</c>; the page slug is taken from the returned front-matter.
    /// </param>
    /// <param name="generated">
    /// Optional: hashes of the pages earlier runs generated with the same <paramref name="enrich"/>; a page on disk with
    /// that hash is unchanged, and is neither generated again nor rewritten.
    /// </param>
    /// <param name="frontMatter">
    /// Optional: told the front-matter of every page generated, keyed by the SHA-256 of its text as reading the page finds it, so
    /// that loading the pages does not parse again the YAML just written.
    /// </param>
    public ImportWriteResult Write(IEnumerable<ImportedFiling> filings, Func<ImportedFiling, FilingFrontMatter>? enrich = null, IGeneratedPageCache? generated = null, IFrontMatterCache? frontMatter = null)
    {
        var diagnostics = new List<Diagnostic>();
        var (loaded, stateError) = LoadState();
        if (stateError is not null)
        {
            diagnostics.Add(stateError);
        }

        var state = new Dictionary<string, ImportStateEntry>(loaded.Pages, StringComparer.Ordinal);
        var onDisk = new Dictionary<string, string>(StringComparer.Ordinal);
        int imported = 0, updated = 0, unchanged = 0, kept = 0, removed = 0;
        var pages = new List<string>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var planned = new List<(ImportedFiling Filing, FilingFrontMatter Meta, string Page)>();
        foreach (var filing in filings.OrderBy(f => f.Slug, StringComparer.Ordinal).ThenBy(f => f.RawPath, StringComparer.Ordinal))
        {
            var meta = enrich?.Invoke(filing) ?? filing.Meta;
            var slug = ParsedFiling.PageSlug(meta);
            // Different titles can slug alike; the later raw file (path order) gets a numbered name.
            var name = slug;
            for (var n = 2; !taken.Add(name); n++)
            {
                // The numbered name must itself be a slug, or loading the page would cut it back to the first one's.
                var suffix = $"-{n}";
                name = slug.Length + suffix.Length <= Slug.MaxPageNameLength ? slug + suffix : slug[..(Slug.MaxPageNameLength - suffix.Length)].TrimEnd('-') + suffix;
            }

            sources.Add(filing.RawPath);
            planned.Add((filing, meta, $"filings/{name}.md"));
        }

        // Each page is compared with the file on disk (by the hash the cache knows, else generated) and written if it must
        // be, in parallel: pages are distinct files and the state is only read here. Counts, state and diagnostics are
        // then taken in page order.
        var outcomes = new (PageOutcome Outcome, ImportStateEntry? Entry, Diagnostic? Problem)[planned.Count];
        Parallel.For(0, planned.Count, i =>
        {
            var (filing, meta, page) = planned[i];
            var full = Path.Combine(_content, page);
            try
            {
                var currentSha = File.Exists(full) ? Fingerprint.Of(File.ReadAllBytes(full)) : null;
                if (currentSha is not null && generated?.Find(filing) == currentSha)
                {
                    generated.Add(filing, currentSha);
                    outcomes[i] = (PageOutcome.Unchanged, new ImportStateEntry(page, filing.RawPath, filing.RawSha256, currentSha), null);
                    return;
                }

                var bytes = new System.Text.UTF8Encoding(false).GetBytes(FilingPage.Write(meta, filing.Body.ToString()));
                var entry = new ImportStateEntry(page, filing.RawPath, filing.RawSha256, Fingerprint.Of(bytes));
                generated?.Add(filing, entry.Sha256);
                if (currentSha is null)
                {
                    AtomicFile.Write(full, bytes);
                    outcomes[i] = (PageOutcome.Imported, entry, null);
                }
                else if (currentSha == entry.Sha256)
                {
                    outcomes[i] = (PageOutcome.Unchanged, entry, null);
                }
                else if (state.TryGetValue(page, out var last) && last.Sha256 == currentSha)
                {
                    AtomicFile.Write(full, bytes);
                    outcomes[i] = (PageOutcome.Updated, entry, null);
                }
                else
                {
                    outcomes[i] = (PageOutcome.KeptEdited, entry, Diagnostic.Warning(DiagnosticCodes.Import.EditedPageKept, Display(full), $"page was edited since it was generated from {filing.RawPath}; kept as it is (delete it to re-import)"));
                    return;
                }

                // The page on disk is the text just generated; its front-matter is hashed where it lies in the bytes.
                if (frontMatter is not null && FrontMatterText.Locate<byte>(bytes) is { } at)
                {
                    frontMatter.Add(page, Fingerprint.Of(bytes.AsSpan(at.YamlStart, at.YamlEnd - at.YamlStart)), meta);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                outcomes[i] = (PageOutcome.Failed, null, Diagnostic.Error(DiagnosticCodes.Import.WriteFailed, Display(full), $"cannot write the page: {e.Message}"));
            }
        });

        foreach (var (outcome, entry, problem) in outcomes)
        {
            if (problem is not null)
            {
                diagnostics.Add(problem);
            }

            switch (outcome)
            {
                case PageOutcome.Imported: imported++; break;
                case PageOutcome.Updated: updated++; break;
                case PageOutcome.Unchanged: unchanged++; break;
                case PageOutcome.KeptEdited: kept++; break;
                case PageOutcome.Failed: continue;
            }

            // Every outcome but Failed comes with its entry.
            pages.Add(entry!.Page);
            if (outcome != PageOutcome.KeptEdited)
            {
                state[entry.Page] = entry;
                onDisk[entry.Source] = entry.Sha256;
            }
        }

        // A page generated from a raw file that now yields another page (its title or date changed), or whose raw file was
        // removed, goes unless a person edited it. A raw file that is still there but failed to parse keeps its page.
        var current = new HashSet<string>(pages, StringComparer.Ordinal);
        foreach (var stale in state.Values.Where(e => !current.Contains(e.Page) && (sources.Contains(e.Source) || !File.Exists(Path.Combine(_content, e.Source)))).OrderBy(e => e.Page, StringComparer.Ordinal).ToList())
        {
            var full = Path.Combine(_content, stale.Page);
            var why = sources.Contains(stale.Source) ? $"{stale.Source} now gives another page" : $"{stale.Source} was removed";
            try
            {
                if (!File.Exists(full))
                {
                    state.Remove(stale.Page);
                }
                else if (Fingerprint.Of(File.ReadAllBytes(full)) == stale.Sha256)
                {
                    File.Delete(full);
                    state.Remove(stale.Page);
                    removed++;
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Import.EditedPageKept, Display(full), $"{why}, but this page was edited; kept as it is"));
                    kept++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.WriteFailed, Display(full), $"cannot remove the old page: {e.Message}"));
            }
        }

        try
        {
            if (state.Count > 0 || File.Exists(ImportState.PathIn(_content)))
            {
                AtomicFile.WriteIfChanged(ImportState.PathIn(_content), new ImportState(state).ToJson());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.WriteFailed, Display(ImportState.PathIn(_content)), $"cannot write the import state: {e.Message}"));
        }

        pages.Sort(StringComparer.Ordinal);
        return new ImportWriteResult(imported, updated, unchanged, kept, removed, pages, diagnostics) { Generated = onDisk };
    }

    /// <summary>
    /// <c>kb import PATH…</c>: copies each file (a folder: every file in it) into <c>content/raw/</c> byte for byte, then
    /// reads every raw filing and writes the pages. A file that does not parse is reported and not copied; a file whose bytes
    /// are already in <c>content/raw/</c> is not copied again; a new file whose name is taken gets a numbered name.
    /// </summary>
    public ImportResult Import(IEnumerable<string> paths, Func<ImportedFiling, FilingFrontMatter>? enrich = null)
    {
        var (copyDiagnostics, copyFailed) = CopyIntoRaw(paths);
        var read = Read(RawFiles());
        var written = Write(read.Filings, enrich);
        return Combine(copyDiagnostics, copyFailed, read, written);
    }

    /// <summary>The outcome of a whole import: copying, reading and writing, with every diagnostic sorted by file.</summary>
    public static ImportResult Combine(IReadOnlyList<Diagnostic> copyDiagnostics, int copyFailed, ImportReadResult read, ImportWriteResult written)
    {
        var bag = new DiagnosticBag();
        bag.AddRange(copyDiagnostics);
        bag.AddRange(read.Diagnostics);
        bag.AddRange(written.Diagnostics);
        return new ImportResult(written.Imported, written.Updated, written.Unchanged, written.KeptEdited, written.Removed, copyFailed + read.Failed, read.Duplicates, bag.ToSortedList());
    }

    /// <summary>
    /// Copies each file (a folder: every file in it) into <c>content/raw/</c> byte for byte. A file that does not parse is
    /// reported and not copied; a file whose bytes are already there is not copied again; a taken name gets a number.
    /// </summary>
    public (IReadOnlyList<Diagnostic> Diagnostics, int Failed) CopyIntoRaw(IEnumerable<string> paths)
    {
        var diagnostics = new List<Diagnostic>();
        var failed = 0;
        var rawHashes = new Lazy<Dictionary<string, string>>(HashRawFiles);
        foreach (var source in ExpandInputs(paths, diagnostics, ref failed))
        {
            var shown = Display(source);
            if (IsUnder(source, RawDir))
            {
                continue;
            }

            var (bytes, readError) = ReadBytes(source, shown);
            if (bytes is null)
            {
                diagnostics.Add(readError!);
                failed++;
                continue;
            }

            var (text, decodeError) = RawFilingReader.Decode(bytes, shown);
            var parseDiagnostics = text is null ? [decodeError!] : FilingParser.Parse(text, shown).Diagnostics;
            if (parseDiagnostics.Any(d => d.IsError))
            {
                diagnostics.AddRange(parseDiagnostics);
                failed++;
                continue;
            }

            var sha = Fingerprint.Of(bytes);
            if (rawHashes.Value.ContainsKey(sha))
            {
                continue;
            }

            try
            {
                var target = FreeRawName(Path.GetFileName(source));
                AtomicFile.Write(target, bytes);
                rawHashes.Value[sha] = target;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.WriteFailed, shown, $"cannot copy into {Display(RawDir)}: {e.Message}"));
                failed++;
            }
        }

        return (diagnostics, failed);
    }

    private (ImportState State, Diagnostic? Error) LoadState()
    {
        var path = ImportState.PathIn(_content);
        try
        {
            if (!File.Exists(path))
            {
                return (ImportState.Empty, null);
            }

            return ImportState.Parse(File.ReadAllText(path)) is { } state
                ? (state, null)
                : (ImportState.Empty, Diagnostic.Warning(DiagnosticCodes.Import.StateUnreadable, Display(path), "import state is not valid JSON; existing pages that differ are treated as edited and kept"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (ImportState.Empty, Diagnostic.Warning(DiagnosticCodes.Import.StateUnreadable, Display(path), $"cannot read the import state: {e.Message}"));
        }
    }

    private List<string> ExpandInputs(IEnumerable<string> paths, List<Diagnostic> diagnostics, ref int failed)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            var full = Path.GetFullPath(p);
            if (Directory.Exists(full))
            {
                files.AddRange(ListFiles(full));
            }
            else if (File.Exists(full))
            {
                files.Add(full);
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.NotFound, p, "no such file or folder"));
                failed++;
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    private Dictionary<string, string> HashRawFiles()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in RawFiles())
        {
            if (ReadBytes(f, f).Bytes is { } b)
            {
                map.TryAdd(Fingerprint.Of(b), f);
            }
        }

        return map;
    }

    private string FreeRawName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var ext = Path.GetExtension(fileName);
        var target = Path.Combine(RawDir, fileName);
        for (var n = 2; File.Exists(target); n++)
        {
            target = Path.Combine(RawDir, $"{stem}-{n}{ext}");
        }

        return target;
    }

    private static List<string> ListFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(dir, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    private static (byte[]? Bytes, Diagnostic? Error) ReadBytes(string path, string shown)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > RawFilingReader.MaxBytes)
            {
                return (null, RawFilingReader.TooLarge(shown, length));
            }

            return (File.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, Diagnostic.Error(DiagnosticCodes.Import.Unreadable, shown, $"cannot read the file: {e.Message}"));
        }
    }

    private static Diagnostic Duplicate(string shown, string first, string why) =>
        Diagnostic.Warning(DiagnosticCodes.Import.Duplicate, shown, $"same filing as {first} ({why}); imported once, from {first}");

    private string ContentRelative(string full) => Path.GetRelativePath(_content, full).Replace('\\', '/');

    private static bool IsUnder(string path, string dir) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(dir) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path diagnostics print: relative to the working directory when inside it.</summary>
    private static string Display(string full)
    {
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return (rel.StartsWith("..", StringComparison.Ordinal) ? full : rel).Replace('\\', '/');
    }

    private enum PageOutcome
    {
        Imported,
        Updated,
        Unchanged,
        KeptEdited,
        Failed,
    }
}
