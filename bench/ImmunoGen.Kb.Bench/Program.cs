using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Running;
using ImmunoGen.Kb.Bench;
using ImmunoGen.Kb.Search;
using Microsoft.Playwright;

// Search benchmark: index size and query latency (C# engine and, with Chromium, the page's JS engine)
// on a synthetic corpus. Usage: dotnet run -c Release --project bench/ImmunoGen.Kb.Bench -- [--n 10000] [--corpus DIR] [--bdn]
var n = 10000;
string? corpusArg = null;
var bdn = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--n": n = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--corpus": corpusArg = args[++i]; break;
        case "--bdn": bdn = true; break;
    }
}

var corpus = Path.GetFullPath(corpusArg ?? Path.Combine(Path.GetTempPath(), $"kb-bench-{n}"));
string[] queries = ["SAR3419", "sar 3419", "T-DM1", "AVE16", "AVE1624", "trastuzamab", "DM4", "huC242", "sanofi", "Genentec", "clinical data", "nasdaq", "xq"];

// For bytes loaded before the first result: every query of tests/search-cases.json, the ones above, common compound
// and partner names, multi-word full text, and queries that find many entities exactly (every "Inc." partner, every
// Daniel) or words in almost every filing.
var repoRoot = RepoRoot();
using var casesDoc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(repoRoot, "tests", "search-cases.json")));
var coldQueries = casesDoc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("query").GetString()!)
    .Concat(queries)
    .Concat(["sanofi-aventis", "Genentech", "Amgen", "Biogen Idec", "Millennium Pharmaceuticals", "SAR1621", "IMGN847", "huR703-DM1",
        "clinical data", "phase ii data presented", "initial phase ii data for", "inc", "pharmaceuticals", "daniel", "dm1", "the company", "immunogen", "2016"])
    .Distinct(StringComparer.Ordinal)
    .ToList();

var sw = Stopwatch.StartNew();
SyntheticCorpus.Ensure(corpus, n);
Console.WriteLine($"corpus: {corpus} (ready in {sw.Elapsed.TotalSeconds:F1} s)");

sw.Restart();
var graph = SyntheticCorpus.Load(corpus);
Console.WriteLine($"loaded {graph.Corpus.Filings.Count:N0} filings, {graph.Registry.Count:N0} entities in {sw.Elapsed.TotalSeconds:F1} s");

sw.Restart();
var bodies = new ImmunoGen.Kb.Content.FilingBody[graph.Corpus.Filings.Count];
Parallel.For(0, bodies.Length, i => bodies[i] = ImmunoGen.Kb.Content.FilingBody.Parse(graph.Corpus.BodyOf(graph.Corpus.Filings[i])));
var bodyOf = graph.Corpus.Filings.Select((f, i) => (f.Slug, Body: bodies[i])).ToDictionary(x => x.Slug, x => x.Body, StringComparer.Ordinal);
Console.WriteLine($"bodies parsed (once per build, shared with Extract and Render) in {sw.Elapsed.TotalSeconds:F2} s");

sw.Restart();
var index = SearchIndexBuilder.Build(graph, f => bodyOf[f.Slug]);
var buildTime = sw.Elapsed;
sw.Restart();
var files = SearchIndexWriter.Write(index);
Console.WriteLine($"index built in {buildTime.TotalSeconds:F2} s, written in {sw.Elapsed.TotalSeconds:F2} s: {index.Terms.Count:N0} terms, {index.Postings.Sum(p => p.Length):N0} postings");

var site = Path.Combine(corpus, "search-site");
foreach (var (path, content) in files)
{
    var full = Path.Combine(site, path);
    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    File.WriteAllText(full, content);
}

Console.WriteLine();
Console.WriteLine("index size (raw bytes, UTF-8 as written; gzip -9 for reference)   bytes        gzip");
Report("search-index.js (entities, shard list)", files.Where(f => f.Path == SearchIndexWriter.EntityFile));
Report("whole index except text shards", files.Where(f => !f.Path.StartsWith("search/text-", StringComparison.Ordinal)));
foreach (var (label, prefix) in new[] { ("terms", "search/terms-"), ("entities", "search/entities-"), ("filings", "search/filings-"), ("text", "search/text-") })
{
    var pieces = files.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    Report($"{prefix}*.js ({pieces.Count} files)", pieces);
    Report($"  largest {label} file", pieces.OrderByDescending(s => Encoding.UTF8.GetByteCount(s.Content)).Take(1));
}

Console.WriteLine();
Console.WriteLine("C# query latency (median / p95 of 50 runs, limit 50)");
var engine = new SearchEngine(index);
foreach (var q in queries.Concat(["sanofi-aventis", "phase ii data presented", "inc", "daniel"]))
{
    var times = new List<double>();
    var count = 0;
    for (var r = 0; r < 55; r++)
    {
        var t = Stopwatch.StartNew();
        count = engine.Search(q, null, 50).Count;
        if (r >= 5)
        {
            times.Add(t.Elapsed.TotalMilliseconds);
        }
    }

    Console.WriteLine($"  {q,-24} {Median(times),7:F2} ms {P95(times),7:F2} ms  ({count} results)");
}

if (File.Exists("/usr/bin/chromium"))
{
    Console.WriteLine();
    Console.WriteLine("Chromium (search.js)");
    await BrowserLatency(site, queries, coldQueries, repoRoot);
}
else
{
    Console.WriteLine("(no /usr/bin/chromium: browser latency skipped)");
}

if (bdn)
{
    Environment.SetEnvironmentVariable("KB_BENCH_CORPUS", corpus);
    BenchmarkRunner.Run<QueryBenchmarks>();
}

return 0;

static void Report(string what, IEnumerable<(string Path, string Content)> parts)
{
    long raw = 0, gz = 0;
    foreach (var (_, content) in parts)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        raw += bytes.Length;
        using var ms = new MemoryStream();
        using (var z = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(bytes);
        }

        gz += ms.Length;
    }

    Console.WriteLine($"  {what,-32} {raw,11:N0} {gz,11:N0}");
}

static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

static double P95(List<double> xs) => xs.Order().ElementAt((int)Math.Ceiling(xs.Count * 0.95) - 1);

static string RepoRoot()
{
    var repo = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(repo, "ImmunoGen.Kb.sln")))
    {
        repo = Path.GetDirectoryName(repo) ?? throw new InvalidOperationException("repository root not found");
    }

    return repo;
}

static async Task BrowserLatency(string site, string[] queries, List<string> coldQueries, string repo)
{
    File.Copy(Path.Combine(repo, "templates", "assets", "search.js"), Path.Combine(site, "search.js"), overwrite: true);
    File.WriteAllText(Path.Combine(site, "bench.html"), "<!DOCTYPE html><html data-root=\"\"><head><meta charset=\"utf-8\"><script src=\"search.js\"></script></head><body></body></html>");

    // The real search page (templates/layouts/search.hbs) for cold loads, query in the URL as a shared link runs it.
    var markup = File.ReadAllText(Path.Combine(repo, "templates", "layouts", "search.hbs")).Replace("{{root}}", "", StringComparison.Ordinal);
    File.WriteAllText(Path.Combine(site, "bench-search.html"), $"<!DOCTYPE html><html data-root=\"\"><head><meta charset=\"utf-8\"><script src=\"search.js\" defer></script></head><body>{markup}</body></html>");

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--allow-file-access-from-files"],
    });

    // Cold: a fresh page per query, from file://, until every result of the first page is on screen (data-done);
    // the scripts it loaded by then, at their size on disk. Text shards (snippets) are requested only once the
    // results are rendered: counted apart.
    Console.WriteLine("  cold page per query, bytes of script loaded before the results (raw bytes on disk, not gzip):");
    Console.WriteLine($"  {"query",-34} {"results",9} {"w/o text",10} {"files",6} {"+ text",10} {"ms",6}");
    var worst = (Bytes: 0L, Query: "");
    var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
    long SizeOf(string rel) => sizes.TryGetValue(rel, out var n) ? n : sizes[rel] = new FileInfo(Path.Combine(site, rel)).Length;
    foreach (var q in coldQueries)
    {
        var page = await browser.NewPageAsync();
        var t = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(Path.Combine(site, "bench-search.html")).AbsoluteUri + "?q=" + Uri.EscapeDataString(q), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("q => document.getElementById('kb-search').dataset.done === q", q, new PageWaitForFunctionOptions { Timeout = 60000, PollingInterval = 5 });
        var ms = t.Elapsed.TotalMilliseconds;
        var loaded = await page.EvaluateAsync<string[]>("() => [...document.scripts].map(s => s.getAttribute('src')).filter(s => s)");
        var count = await page.EvaluateAsync<int>("() => document.querySelectorAll('.kb-result').length");
        await page.CloseAsync();
        var before = loaded.Where(p => !p.StartsWith("search/text-", StringComparison.Ordinal)).ToList();
        var bytes = before.Sum(SizeOf);
        var text = loaded.Where(p => p.StartsWith("search/text-", StringComparison.Ordinal)).Sum(SizeOf);
        if (bytes > worst.Bytes)
        {
            worst = (bytes, q);
        }

        Console.WriteLine($"  {q,-34} {count,9} {bytes,10:N0} {before.Count,6} {text,10:N0} {ms,6:F0}");
    }

    Console.WriteLine($"  worst case before the results: {worst.Bytes:N0} bytes ({worst.Query})");

    // Warm: every piece a query needs loaded, then the query itself, as the page runs it (limit 50).
    var warm = await browser.NewPageAsync();
    await warm.GotoAsync(new Uri(Path.Combine(site, "bench.html")).AbsoluteUri);
    var load = await warm.EvaluateAsync<double>(@"async () => {
        const t0 = performance.now();
        await KbSearch.load('search-index.js');
        window.engine = new KbSearch.SearchEngine(KB_SEARCH_INDEX);
        return performance.now() - t0;
    }");
    Console.WriteLine();
    Console.WriteLine($"Chromium query latency (search.js; median / p95 of 50 runs, limit 50, pieces loaded), search-index.js load + parse {load:F0} ms");
    foreach (var q in queries.Concat(["sanofi-aventis", "phase ii data presented", "inc", "daniel"]))
    {
        var r = await warm.EvaluateAsync<double[]>(@"async q => {
            for (;;) { engine.search(q, {}, 50); if (engine.missing.length === 0) break; await Promise.all(engine.missing.map(KbSearch.load)); }
            const times = [];
            let n = 0;
            for (let i = 0; i < 55; i++) {
                const t = performance.now();
                n = engine.search(q, {}, 50).length;
                if (n === 0) engine.suggest(q);
                if (i >= 5) times.push(performance.now() - t);
            }
            times.sort((a, b) => a - b);
            return [times[25], times[Math.ceil(50 * 0.95) - 1], n];
        }", q);
        Console.WriteLine($"  {q,-24} {r[0],7:F2} ms {r[1],7:F2} ms  ({r[2]} results)");
    }
}
