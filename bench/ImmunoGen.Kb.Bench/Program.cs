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

var sw = Stopwatch.StartNew();
SyntheticCorpus.Ensure(corpus, n);
Console.WriteLine($"corpus: {corpus} (ready in {sw.Elapsed.TotalSeconds:F1} s)");

sw.Restart();
var graph = SyntheticCorpus.Load(corpus);
Console.WriteLine($"loaded {graph.Corpus.Filings.Count:N0} filings, {graph.Registry.Count:N0} entities in {sw.Elapsed.TotalSeconds:F1} s");

sw.Restart();
var bodies = new ImmunoGen.Kb.Content.FilingBody[graph.Corpus.Filings.Count];
Parallel.For(0, bodies.Length, i => bodies[i] = ImmunoGen.Kb.Content.FilingBody.Parse(graph.Corpus.Filings[i].Body));
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
Console.WriteLine("index size                      bytes        gzip");
Report("search-index.js (entities)", files.Where(f => f.Path == SearchIndexWriter.EntityFile));
Report("search/filings.js (dictionary)", files.Where(f => f.Path == SearchIndexWriter.FilingsFile));
var shards = files.Where(f => f.Path.StartsWith("search/text-", StringComparison.Ordinal)).ToList();
Report($"search/text-*.js ({shards.Count} shards)", shards);
Report("largest text shard", shards.OrderByDescending(s => s.Content.Length).Take(1));
Report("before the first entity result", files.Take(1));
Report("before the first filing result", files.Take(2));

Console.WriteLine();
Console.WriteLine("C# query latency (median / p95 of 50 runs, limit 20)");
var engine = new SearchEngine(index);
foreach (var q in queries)
{
    var times = new List<double>();
    var count = 0;
    for (var r = 0; r < 55; r++)
    {
        var t = Stopwatch.StartNew();
        count = engine.Search(q).Count;
        if (r >= 5)
        {
            times.Add(t.Elapsed.TotalMilliseconds);
        }
    }

    Console.WriteLine($"  {q,-16} {Median(times),7:F2} ms {P95(times),7:F2} ms  ({count} results)");
}

if (File.Exists("/usr/bin/chromium"))
{
    Console.WriteLine();
    Console.WriteLine("Chromium query latency (search.js; median / p95 of 50 runs, limit 20)");
    await BrowserLatency(site, queries);
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

static async Task BrowserLatency(string site, string[] queries)
{
    var repo = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(repo, "ImmunoGen.Kb.sln")))
    {
        repo = Path.GetDirectoryName(repo) ?? throw new InvalidOperationException("repository root not found");
    }

    File.Copy(Path.Combine(repo, "templates", "assets", "search.js"), Path.Combine(site, "search.js"), overwrite: true);
    File.WriteAllText(Path.Combine(site, "bench.html"), "<!DOCTYPE html><html data-root=\"\"><head><meta charset=\"utf-8\"><script src=\"search.js\"></script></head><body></body></html>");

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--disable-background-networking"],
    });
    var page = await browser.NewPageAsync();
    await page.GotoAsync(new Uri(Path.Combine(site, "bench.html")).AbsoluteUri);
    var load = await page.EvaluateAsync<double[]>(@"async () => {
        const load = (src) => new Promise((ok, fail) => { const s = document.createElement('script'); s.src = src; s.onload = ok; s.onerror = fail; document.head.append(s); });
        const t0 = performance.now();
        await load('search-index.js');
        window.engine = new KbSearch.SearchEngine(KB_SEARCH_INDEX);
        const t1 = performance.now();
        await load('search/filings.js');
        engine.attachFilings(KB_SEARCH_FILINGS);
        const t2 = performance.now();
        return [t1 - t0, t2 - t1];
    }");
    Console.WriteLine($"  load + parse: entities {load[0]:F0} ms, filings and dictionary {load[1]:F0} ms");
    foreach (var q in queries)
    {
        var r = await page.EvaluateAsync<double[]>(@"q => {
            const times = [];
            let n = 0;
            for (let i = 0; i < 55; i++) {
                const t = performance.now();
                n = engine.search(q, {}, 20).length;
                if (n === 0) engine.suggest(q);
                if (i >= 5) times.push(performance.now() - t);
            }
            times.sort((a, b) => a - b);
            return [times[25], times[Math.ceil(50 * 0.95) - 1], n];
        }", q);
        Console.WriteLine($"  {q,-16} {r[0],7:F2} ms {r[1],7:F2} ms  ({r[2]} results)");
    }
}
