using System.Collections.Concurrent;
using System.Diagnostics;
using ImmunoGen.Kb.Check;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Import;
using ImmunoGen.Kb.Link;
using ImmunoGen.Kb.Render;
using ImmunoGen.Kb.Search;
using ImmunoGen.Kb.Write;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// <c>kb build</c>, the whole pipeline in the order it runs: Import → Extract → Link → Render → Search → Write → Check.
/// Each stage reads the previous stage's records and returns new ones; this class only says what runs when.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new List<StageTiming>();
        var content = new ContentStore(options.ContentDirectory);
        using var buildLock = BuildLock.TryAcquire(content.Root, out var lockReason);
        if (buildLock is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Build.Locked, content.Display(content.Root), lockReason!));
            return new BuildResult(new BuildCounts(0, 0, 0, 0, 0, 0), diagnostics.ToSortedList(), timings, false);
        }

        var cacheDirectory = options.ResolvedCacheDirectory;
        var last = options.Full ? null : BuildSummary.Load(cacheDirectory);
        var tool = BuildManifest.ToolIdentity();

        // Nothing changed since the last build: its site stands as it is, and what it reported still holds.
        var upToDate = Time(timings, "snapshot", () => last is { Snapshot.Length: > 0 } && (last.Checked || !options.Check) && last.Snapshot == Snapshot(options, content, tool, settle: false));
        if (upToDate)
        {
            return new BuildResult(new BuildCounts(0, 0, 0, 0, last!.Files, 0), last.Diagnostics, timings, true) { UpToDate = true };
        }

        var previous = last is null ? null : BuildManifest.Load(cacheDirectory);

        // A build killed mid-write leaves only temporary files beside the old ones; under the lock they are safe to clear.
        AtomicFile.DeleteLeftovers(content.Root);
        AtomicFile.DeleteLeftovers(options.OutputDirectory);
        var templatesFingerprint = Fingerprint.OfDirectory(options.TemplatesDirectory);
        var output = Path.GetFullPath(options.OutputDirectory);
        var incremental = previous is not null && previous.Tool == tool && previous.Templates == templatesFingerprint && previous.Output == output;

        // Block ids of bodies parsed by the last build or by this one's Extract: links check their anchors without
        // parsing every body again.
        var blockIds = new BlockIdCache(cacheDirectory, tool, reuse: !options.Full);
        var (import, discovered, corpus, graph) = ImportAndLink(options, content, cacheDirectory, tool, blockIds, diagnostics, timings);

        var site = new SiteOutput(options.OutputDirectory);
        var rendered = Time(timings, "render", () =>
        {
            ReleaseLastStage();
            var templateDiagnostics = new List<Diagnostic>();
            var templates = new HandlebarsTemplateEngine().Load(options.TemplatesDirectory, templateDiagnostics);
            diagnostics.AddRange(templateDiagnostics);
            diagnostics.AddRange(SiteRenderer.MissingTemplates(templates, options.TemplatesDirectory));
            var fingerprints = new OutputFingerprints(graph, tool, templatesFingerprint, options.BaseUrl);
            var outcome = Render(templates, graph, options, fingerprints, f => blockIds.Of(f, graph.Corpus.BodyOf), incremental ? previous : null, site, diagnostics);
            if (blockIds.Save(graph.Corpus.Filings) is { } unsaved)
            {
                diagnostics.Add(unsaved);
            }

            return outcome;
        });

        var searchFiles = Time(timings, "search", () =>
        {
            ReleaseLastStage();
            // Text and tokens of filings indexed by the last build: only new and changed filings are parsed and tokenized.
            var texts = new SearchTextCache(cacheDirectory, tool, reuse: !options.Full);
            var paths = new List<string>();
            foreach (var file in SearchIndexWriter.Files(SearchIndexBuilder.Build(graph, f => SearchableBody(graph.Corpus, f, diagnostics), texts)))
            {
                using (file)
                {
                    site.Write(file);
                    paths.Add(file.Path);
                }
            }

            if (texts.Save() is { } unsaved)
            {
                diagnostics.Add(unsaved);
            }

            return paths;
        });

        var written = Time(timings, "write", site.Finish);
        diagnostics.AddRange(site.Failures);

        if (options.Check)
        {
            Time(timings, "check", () => diagnostics.AddRange(SiteChecker.Check(options.OutputDirectory, corpus, options.ContentDirectory)));
        }

        // A site that was not fully written must not be trusted by the next build: an empty manifest makes it a full one.
        var manifest = site.Failed ? new BuildManifest() : new BuildManifest
        {
            Tool = tool,
            Templates = templatesFingerprint,
            Output = output,
            Outputs = rendered.Outputs,
            Snapshot = Snapshot(options, content, tool, settle: true) ?? "",
            Checked = options.Check,
            Files = written.Written + written.Unchanged + rendered.Skipped,
            Diagnostics = diagnostics.ToSortedList(),
        };
        if (manifest.Save(cacheDirectory) is { } reason)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Build.WriteFailed, BuildManifest.FileIn(cacheDirectory), $"cannot save the incremental-build manifest ({reason}); the next build will be a full one"));
        }
        var counts = new BuildCounts(import.Imported + import.Updated, discovered, rendered.Paths.Count + searchFiles.Count, written.Written, written.Unchanged + rendered.Skipped, written.Deleted);
        return new BuildResult(counts, diagnostics.ToSortedList(), timings, incremental)
        {
            Rendered = rendered.Paths.Concat(searchFiles).Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>
    /// Import, Extract and Link. The raw filings (a hundred megabytes of text at 10,000 filings) are let go once their pages
    /// are written, and the pages are loaded without their bodies, which rendering reads again one page at a time; the
    /// analyses are needed until the graph is built and no longer: kept in this method's scope, they are not alive while
    /// pages render.
    /// </summary>
    private static (ImportResult Import, int Discovered, Corpus Corpus, KnowledgeGraph Graph) ImportAndLink(BuildOptions options, ContentStore content, string cacheDirectory, string tool, BlockIdCache blockIds, DiagnosticBag diagnostics, List<StageTiming> timings)
    {
        // Parses and analyses of unchanged raw files, kept from the last build; a full build makes them afresh.
        var caches = new FilingCaches(cacheDirectory, tool, reuse: !options.Full);
        // Front-matter of filing pages read by the last build, and of those the import writes now: only pages changed
        // otherwise are parsed when loaded.
        var frontMatter = new FrontMatterCache(cacheDirectory, tool, reuse: !options.Full);
        var (import, discovered, analyzed) = ImportFilings(content, options.Progress, [], 0, timings, caches, frontMatter);
        diagnostics.AddRange(import.Diagnostics);

        var (corpus, graph) = Time(timings, "link", () =>
        {
            ReleaseLastStage();
            // Bodies are read again from the pages when rendered: only those the graph must still analyze are held.
            var corpus = content.Load(diagnostics, frontMatter, keepBody: f => analyzed.Find(f) is null);
            if (frontMatter.Save() is { } unsaved)
            {
                diagnostics.Add(unsaved);
            }

            foreach (var filing in corpus.Filings)
            {
                if (analyzed.BlockIdsOf(filing) is { } ids)
                {
                    blockIds.Add(filing, ids);
                }
            }

            var registryDiagnostics = new List<Diagnostic>();
            var registry = EntityRegistry.Build(corpus.Entities, registryDiagnostics);
            registryDiagnostics.AddRange(GraphBuilder.CheckReferences(corpus, registry));
            diagnostics.AddRange(registryDiagnostics.Select(d => d with { Path = DisplayEntityPath(content, d.Path) }));
            return (corpus, GraphBuilder.Build(corpus, registry, analyzed.Find));
        });
        return (import, discovered, corpus, graph);
    }

    /// <summary>
    /// <c>kb import PATH…</c>: copies the files into <c>content/raw/</c>, then imports and extracts exactly as a build does
    /// (entities, events, discovered stub pages), without rendering. Takes the build lock.
    /// </summary>
    public static (ImportResult Result, int Discovered) Import(string contentDirectory, IEnumerable<string> paths)
    {
        var content = new ContentStore(contentDirectory);
        using var buildLock = BuildLock.TryAcquire(content.Root, out var lockReason);
        if (buildLock is null)
        {
            var locked = Diagnostic.Error(DiagnosticCodes.Build.Locked, content.Display(content.Root), lockReason!);
            return (new ImportResult(0, 0, 0, 0, 0, 0, 0, [locked]), 0);
        }

        var (copyDiagnostics, copyFailed) = new FilingImporter(content.Root).CopyIntoRaw(paths);
        var (result, discovered, _) = ImportFilings(content, null, copyDiagnostics, copyFailed, [], caches: null, frontMatter: null);
        return (result, discovered);
    }

    /// <summary>
    /// Import and Extract: parse every raw filing, discover entities that have no page yet (writing a stub page for each),
    /// then write each filing page with the entities and events the analyzer found in it.
    /// With <paramref name="caches"/>, a raw file parsed or analyzed by an earlier build is taken from there; the
    /// front-matter of each page written goes to <paramref name="frontMatter"/>.
    /// </summary>
    private static (ImportResult Result, int Discovered, AnalyzedFilings Analyzed) ImportFilings(ContentStore content, IProgress<BuildProgress>? progress, IReadOnlyList<Diagnostic> copyDiagnostics, int copyFailed, List<StageTiming> timings, FilingCaches? caches, IFrontMatterCache? frontMatter)
    {
        var importer = new FilingImporter(content.Root);
        var read = Time(timings, "import", () => importer.Read(importer.RawFiles(), caches));
        return Time(timings, "extract", () => Extract(content, importer, read, progress, copyDiagnostics, copyFailed, caches, frontMatter));
    }

    private static (ImportResult Result, int Discovered, AnalyzedFilings Analyzed) Extract(ContentStore content, FilingImporter importer, ImportReadResult read, IProgress<BuildProgress>? progress, IReadOnlyList<Diagnostic> copyDiagnostics, int copyFailed, FilingCaches? caches, IFrontMatterCache? frontMatter)
    {
        var registry = LoadRegistry(content);
        // What the cached analyses are keyed by: computed once for each registry the build analyzes under.
        string FingerprintOf(EntityRegistry r) => caches is null ? "" : FilingCaches.RegistryFingerprint(r);
        var fingerprint = FingerprintOf(registry);

        // Discovery first: the entities each filing names that no page covers yet get a stub page. A filing an earlier
        // build analyzed under this registry has its analysis, and what it discovered, in the cache; the others are
        // only searched for new names here, and analyzed once below, with the newcomers in the registry.
        var analyses = CachedAnalyses(read.Filings, fingerprint, caches);
        var scanned = Discover(read.Filings.Where(f => !analyses.ContainsKey(f.RawPath)).ToList(), registry, progress);
        var discoveries = scanned.Select(d => KeyValuePair.Create(d.Key, d.Value.Found))
            .Concat(analyses.Select(a => KeyValuePair.Create(a.Key, a.Value.Discovered)));
        // Keyed by raw path; merging in that order keeps a stub's content independent of thread timing.
        var stubs = EntityDiscovery.Merge(discoveries.OrderBy(d => d.Key, StringComparer.Ordinal).SelectMany(d => d.Value));
        var discovered = new List<Entity>();
        var claimed = registry.Entities.SelectMany(EntityRegistry.NamesOf).Select(EntityRegistry.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var stub in stubs.Where(e => !registry.Contains(EntityRef.Of(e))))
        {
            // Stubs found in different filings may spell one name two ways ("Thomas A. Patel", "Thomas Patel"): a stub
            // whose name is taken already is left out, and a taken alias is dropped, so discovery never makes a clash.
            if (!claimed.Add(EntityRegistry.Normalize(stub.Name)))
            {
                continue;
            }

            var entity = stub with { Aliases = stub.Aliases.Where(a => EntityRegistry.Normalize(a).Length > 0 && claimed.Add(EntityRegistry.Normalize(a))).ToList() };
            var path = Path.Combine(content.EntityDirectory(entity.Kind), entity.Slug + ".md");
            if (!File.Exists(path))
            {
                AtomicFile.WriteIfChanged(path, EntityPage.Write(entity with { Discovered = true }));
                discovered.Add(entity);
            }
        }

        // Analyzed now: every filing with no cached analysis, and those the newcomers may change.
        var newcomers = discovered.Count > 0 ? new Newcomers(discovered) : null;
        if (newcomers is not null)
        {
            registry = LoadRegistry(content);
            fingerprint = FingerprintOf(registry);
        }

        // The cache was just searched under this registry; under a new one (newcomers) it may hold what is pending.
        var pending = read.Filings.Where(f => !analyses.ContainsKey(f.RawPath) || newcomers?.MayChange(f) == true).ToList();
        // The registry only grew since discovery (by the newcomers), so what the discovery rules read in each text holds.
        var blockIds = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (raw, analysis) in Analyze(pending, registry, fingerprint, progress, newcomers is null ? null : caches, path => scanned.TryGetValue(path, out var d) ? d.Scan : null, blockIds))
        {
            analyses[raw] = analysis;
        }

        // Closures below share the scope that holds the scans: emptied, they do not live on while pages are written.
        scanned.Clear();
        var write = importer.Write(read.Filings, f => analyses[f.RawPath].ApplyTo(f.Meta), caches?.GeneratedPages(fingerprint), frontMatter);
        var cacheDiagnostics = new List<Diagnostic>();
        if (caches is not null)
        {
            // Every analysis is stored under the registry as it now stands: a filing the newcomers cannot change analyzes
            // the same with them (see Newcomers), so the next build, with this registry, finds every unchanged filing.
            foreach (var filing in read.Filings)
            {
                caches.AddAnalysis(filing, fingerprint, analyses[filing.RawPath]);
            }

            if (caches.Save() is { } unsaved)
            {
                cacheDiagnostics.Add(unsaved);
            }
        }

        return (FilingImporter.Combine([.. copyDiagnostics, .. cacheDiagnostics], copyFailed, read, write), discovered.Count, new AnalyzedFilings(write.Generated, analyses, blockIds));
    }

    // The analyses an earlier build stored for these filings' bytes under the registry with this fingerprint.
    private static Dictionary<string, FilingAnalysis> CachedAnalyses(IReadOnlyList<ImportedFiling> filings, string fingerprint, FilingCaches? caches)
    {
        var results = new ConcurrentDictionary<string, FilingAnalysis>(StringComparer.Ordinal);
        if (caches is not null)
        {
            Parallel.ForEach(filings, f =>
            {
                if (caches.FindAnalysis(f, fingerprint) is { } analysis)
                {
                    results[f.RawPath] = analysis;
                }
            });
        }

        return new Dictionary<string, FilingAnalysis>(results, StringComparer.Ordinal);
    }

    // What each filing names that the registry does not know, and what the discovery rules read in it, by raw path.
    private static Dictionary<string, (IReadOnlyList<Entity> Found, DiscoveryScan Scan)> Discover(List<ImportedFiling> filings, EntityRegistry registry, IProgress<BuildProgress>? progress)
    {
        var analyzer = new FilingAnalyzer(registry);
        var results = new ConcurrentDictionary<string, (IReadOnlyList<Entity>, DiscoveryScan)>(StringComparer.Ordinal);
        var done = 0;
        Parallel.ForEach(filings, f =>
        {
            var found = analyzer.Discover(f.Meta, FilingBody.Parse(f.Body.ToString()), out var scan);
            results[f.RawPath] = (found, scan);
            progress?.Report(new BuildProgress("extract", Interlocked.Increment(ref done), filings.Count));
        });
        return new Dictionary<string, (IReadOnlyList<Entity>, DiscoveryScan)>(results, StringComparer.Ordinal);
    }

    // Each filing's analysis under the registry (whose fingerprint is given), from the cache or made now; with its
    // discovery scan where the registry it was made under is one this registry's names include. The block ids of each
    // body parsed go to blockIds, by raw path.
    private static Dictionary<string, FilingAnalysis> Analyze(List<ImportedFiling> filings, EntityRegistry registry, string fingerprint, IProgress<BuildProgress>? progress, FilingCaches? caches, Func<string, DiscoveryScan?> scanOf, ConcurrentDictionary<string, IReadOnlyList<string>> blockIds)
    {
        var analyzer = new FilingAnalyzer(registry);
        var results = new ConcurrentDictionary<string, FilingAnalysis>(StringComparer.Ordinal);
        var ids = new StringPool();
        var done = 0;
        Parallel.ForEach(filings, f =>
        {
            if (caches?.FindAnalysis(f, fingerprint) is { } cached)
            {
                results[f.RawPath] = cached;
            }
            else
            {
                var body = FilingBody.Parse(f.Body.ToString());
                results[f.RawPath] = analyzer.Analyze(f.Meta, body, scanOf(f.RawPath));
                blockIds[f.RawPath] = body.Blocks.Select(b => ids.Shared(b.Id)).ToArray();
            }

            progress?.Report(new BuildProgress("extract", Interlocked.Increment(ref done), filings.Count));
        });
        return new Dictionary<string, FilingAnalysis>(results, StringComparer.Ordinal);
    }

    // Entity-page problems are reported once, when the corpus is loaded for linking; here they would be reported twice.
    private static EntityRegistry LoadRegistry(ContentStore content)
    {
        var local = new DiagnosticBag();
        var entities = EntityKinds.All.SelectMany(kind => kind switch
        {
            EntityKind.Compound => content.LoadEntities<Compound>(kind, local).Cast<Entity>(),
            EntityKind.Partner => content.LoadEntities<Partner>(kind, local),
            _ => content.LoadEntities<Person>(kind, local),
        }).ToList();
        return EntityRegistry.Build(entities, []);
    }

    /// <summary>
    /// Renders every page whose inputs changed since the last build (all of them on a full build), in parallel, and hands
    /// each to the writer as soon as it is rendered, so no more than a page per thread is held in memory.
    /// A page whose fingerprint matches the manifest's is not rendered; its file stays as it is.
    /// </summary>
    private static RenderOutcome Render(ITemplateSet templates, KnowledgeGraph graph, BuildOptions options, OutputFingerprints fingerprints, Func<Filing, IReadOnlyList<string>> blockIdsOf, BuildManifest? previous, SiteOutput site, DiagnosticBag diagnostics)
    {
        var renderer = new SiteRenderer(templates, graph, new SiteOptions
        {
            BaseUrl = options.BaseUrl,
            AssetsDirectory = Path.Combine(options.TemplatesDirectory, "assets"),
        }, blockIdsOf);
        var jobs = renderer.Jobs();
        var rendered = new string?[jobs.Count];
        var skipped = 0;
        var outputs = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var done = 0;
        Parallel.For(0, jobs.Count, i =>
        {
            var job = jobs[i];
            var fingerprint = fingerprints.For(job);
            if (fingerprint is not null
                && previous?.Outputs.GetValueOrDefault(job.Path) == fingerprint
                && File.Exists(Path.Combine(options.OutputDirectory, job.Path)))
            {
                Interlocked.Increment(ref skipped);
                site.Keep(job.Path);
                outputs[job.Path] = fingerprint;
            }
            else if (SiteRenderer.TryRender(job, diagnostics) is { } rendering)
            {
                using var file = rendering; // its pooled chunks go back once it is written
                rendered[i] = job.Path;
                // A page that could not be written gets no fingerprint, so the next build renders it again.
                if (site.Write(file) && fingerprint is not null)
                {
                    outputs[job.Path] = fingerprint;
                }
            }
            else
            {
                // A page whose template failed keeps its last good version.
                site.Keep(job.Path);
            }

            options.Progress?.Report(new BuildProgress("render", Interlocked.Increment(ref done), jobs.Count));
        });
        return new RenderOutcome(rendered.OfType<string>().ToList(), skipped, new SortedDictionary<string, string>(outputs, StringComparer.Ordinal));
    }

    /// <param name="Paths">The pages rendered this build.</param>
    /// <param name="Skipped">How many pages were known to be unchanged and not rendered.</param>
    /// <param name="Outputs">Fingerprints of the pages that have one, for the next build's manifest.</param>
    private sealed record RenderOutcome(List<string> Paths, int Skipped, SortedDictionary<string, string> Outputs);

    /// <summary>
    /// The site writer of one build, and what it could not write. A write that fails (disk full, no permission) is
    /// reported with its file and the build goes on; the first few failures are listed, the rest counted.
    /// </summary>
    private sealed class SiteOutput
    {
        private const int Listed = 5;
        private readonly string _directory;
        private readonly SiteWriter? _writer;
        private readonly ConcurrentQueue<Diagnostic> _failures = new();
        private int _failed;

        public SiteOutput(string directory)
        {
            _directory = directory;
            _writer = Try(() => SiteWriter.Open(directory), directory);
        }

        /// <summary>True when some file, or the folder itself, could not be written.</summary>
        public bool Failed => Volatile.Read(ref _failed) > 0;

        public IEnumerable<Diagnostic> Failures =>
            _failed > Listed
                ? _failures.Append(Diagnostic.Error(DiagnosticCodes.Build.WriteFailed, _directory, $"{_failed - Listed} more files could not be written"))
                : _failures;

        /// <summary>Writes the file; false when it could not be written (the failure is reported).</summary>
        public bool Write(SiteFile file) =>
            _writer is not null && Try(() => { _writer.Write(file); return true; }, Path.Combine(_directory, file.Path));

        public void Keep(string sitePath) => _writer?.Keep(sitePath);

        public SiteWriteResult Finish() =>
            (_writer is null ? null : Try(_writer.Finish, _directory)) ?? new SiteWriteResult(0, 0, 0);

        private T? Try<T>(Func<T> write, string path)
        {
            try
            {
                return write();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (Interlocked.Increment(ref _failed) <= Listed)
                {
                    _failures.Enqueue(Diagnostic.Error(DiagnosticCodes.Build.WriteFailed, path, $"cannot write the site: {ex.Message}"));
                }

                return default;
            }
        }
    }

    // A filing's body for the search index; a page that cannot be read again is reported, and found by its title alone.
    private static FilingBody? SearchableBody(Corpus corpus, Filing filing, DiagnosticBag diagnostics)
    {
        try
        {
            return FilingBody.Parse(corpus.BodyOf(filing));
        }
        catch (PageReadException ex)
        {
            diagnostics.Add(ex.ToDiagnostic("its text is left out of the search index"));
            return null;
        }
    }

    // Every file the build reads (content, templates) and writes (the site), with the options that shape the output
    // and the working directory that diagnostics show paths from.
    // settle: right after writing, wait out a racy snapshot (FileSnapshot.Settled) instead of giving up on it.
    private static string? Snapshot(BuildOptions options, ContentStore content, string tool, bool settle)
    {
        (string, string)[] roots = [("content", content.Root), ("templates", options.TemplatesDirectory), ("site", options.OutputDirectory)];
        var settings = $"{tool}\n{Environment.CurrentDirectory}\n{content.Root}\n{Path.GetFullPath(options.TemplatesDirectory)}\n{Path.GetFullPath(options.OutputDirectory)}\n{options.BaseUrl}";
        var ignore = new HashSet<string>([Path.Combine(content.Root, BuildLock.FileName), Path.GetFullPath(BuildManifest.FileIn(options.ResolvedCacheDirectory))], StringComparer.Ordinal);
        return settle ? FileSnapshot.Settled(roots, settings, ignore) : FileSnapshot.Of(roots, settings, ignore);
    }

    private static string DisplayEntityPath(ContentStore content, string path) =>
        path.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(path) && !path.StartsWith(content.Display(content.Root), StringComparison.Ordinal)
            ? content.Display(Path.Combine(content.Root, path))
            : path;

    /// <summary>
    /// Called where most of the heap has just died (the raw filings after Extract, the analyses after Link, the renderer's
    /// tables after Render): a full compacting collection returns it to the system now, before the next stage allocates
    /// on top of it, instead of when the collector's budget next runs out, by which time the heap has doubled. At 50,000
    /// filings the link stage otherwise peaks with the dead raw filings still in the heap. Not the aggressive mode, which
    /// also gives back every free page and shrinks the collector's budgets, so that the next stage pays page faults and
    /// extra collections: a build after one new filing at 10,000 took 2.5 s longer with it, at the same peak memory.
    /// </summary>
    private static void ReleaseLastStage() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

    private static T Time<T>(List<StageTiming> timings, string stage, Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        var result = work();
        timings.Add(new StageTiming(stage, sw.Elapsed));
        return result;
    }

    private static void Time(List<StageTiming> timings, string stage, Action work)
    {
        var sw = Stopwatch.StartNew();
        work();
        timings.Add(new StageTiming(stage, sw.Elapsed));
    }

    /// <summary>
    /// The Import stage's analyses, and the block ids of the bodies it parsed, offered to the Link stage. Either is reused
    /// only for a page whose text is exactly the text the import generated (by SHA-256); a page a person edited is analyzed
    /// again. Keyed by hashes, not by the imported filings, so the raw bodies are not held while the pages are loaded.
    /// </summary>
    /// <param name="generated">By raw path, the hash of the page generated from it (<see cref="ImportWriteResult.Generated"/>).</param>
    /// <param name="blockIds">By raw path, the block ids of the body parsed this build (not of those analyzed by an earlier one).</param>
    private sealed class AnalyzedFilings(IReadOnlyDictionary<string, string> generated, Dictionary<string, FilingAnalysis> analyses, IReadOnlyDictionary<string, IReadOnlyList<string>> blockIds)
    {
        public FilingAnalysis? Find(Filing page) => GeneratedFrom(page) is { } raw && analyses.TryGetValue(raw, out var analysis) ? analysis : null;

        public IReadOnlyList<string>? BlockIdsOf(Filing page) => GeneratedFrom(page) is { } raw && blockIds.TryGetValue(raw, out var ids) ? ids : null;

        // The raw file the page was generated from this build, when the page is exactly what was generated.
        private string? GeneratedFrom(Filing page) =>
            page.Meta.Source?.Path is { } raw && page.TextSha256 is { } sha && generated.TryGetValue(raw, out var made) && made == sha ? raw : null;
    }

    /// <summary>
    /// Entities discovered this build, and which filings their pages can change. The analyzer consults the registry only
    /// by matching names and aliases in the text and by resolving people's surnames and signatories, so a filing in which
    /// no newcomer's name, alias or surname occurs analyzes the same with or without them and need not be analyzed again.
    /// </summary>
    private sealed class Newcomers(IReadOnlyList<Entity> entities)
    {
        private readonly EntityRegistry _names = EntityRegistry.Build(entities, []);
        private readonly HashSet<string> _surnames = entities.OfType<Person>()
            .Select(p => EntityRegistry.Normalize(DiscoveryPatterns.Surname(p.Name)))
            .Where(s => s.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

        public bool MayChange(ImportedFiling filing) =>
            filing.Meta.Signatories.Any(s => _names.Resolve(s.Name) is not null || _names.Resolve(DiscoveryPatterns.WithoutInitials(s.Name)) is not null)
            || FilingBody.Parse(filing.Body.ToString()).Blocks.Any(b => _names.Match(b.Text).Count > 0 || Words(b.Text).Any(_surnames.Contains));

        private static IEnumerable<string> Words(string text)
        {
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
                if (inWord && start < 0)
                {
                    start = i;
                }
                else if (!inWord && start >= 0)
                {
                    yield return text[start..i].ToLowerInvariant();
                    start = -1;
                }
            }
        }
    }
}
