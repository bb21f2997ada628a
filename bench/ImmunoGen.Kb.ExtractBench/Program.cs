using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Import;

// Extract benchmark: times FilingAnalyzer.Analyze on one thread over every filing of a raw corpus, the way a build
// runs it (first with the registry of an empty content folder, then with the entity pages a finished build left),
// and prints a digest of everything the analyses hold, so an optimization can be checked for identical output.
// "first" is the cold round a one-shot build pays (JIT tiers, regex warm-up), with the CPU time of every thread.
// "build passes" times a first build's discovery pass and its analysis pass, with and without the discovery scans.
// Usage: dotnet run -c Release --project bench/ImmunoGen.Kb.ExtractBench -- RAW_DIR ENTITY_CONTENT_DIR [--rounds N] [--dump FILE] [--parts]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ExtractBench RAW_DIR ENTITY_CONTENT_DIR [--rounds N] [--dump FILE] [--parts]");
    return 2;
}

var rounds = 3;
var parts = false;
string? dump = null;
for (var i = 2; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--dump": dump = args[++i]; break;
        case "--parts": parts = true; break;
    }
}

var importer = new FilingImporter(Path.GetDirectoryName(Path.GetFullPath(args[0]))!);
var read = importer.Read(Directory.EnumerateFiles(args[0]).Order(StringComparer.Ordinal).ToList());
var bodies = read.Filings.Select(f => FilingBody.Parse(f.Body.ToString())).ToList();
var store = new ContentStore(args[1]);
var bag = new DiagnosticBag();
var entities = store.LoadEntities<Compound>(EntityKind.Compound, bag).Cast<Entity>()
    .Concat(store.LoadEntities<Partner>(EntityKind.Partner, bag))
    .Concat(store.LoadEntities<Person>(EntityKind.Person, bag))
    .ToList();
var registries = new[] { ("empty registry", EntityRegistry.Empty), ($"{entities.Count} entities", EntityRegistry.Build(entities, [])) };
Console.WriteLine($"{read.Filings.Count} filings, {bodies.Sum(b => b.Blocks.Count)} blocks");

var json = new JsonSerializerOptions { WriteIndented = false };
using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
var text = dump is null ? null : new StringBuilder();
foreach (var (label, registry) in registries)
{
    var analyzer = new FilingAnalyzer(registry);
    var times = new List<double>();
    var cpuTimes = new List<double>();
    var gcs = new List<int>();
    long allocated = 0;
    for (var r = 0; r < rounds; r++)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gc0 = GC.CollectionCount(0);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < bodies.Count; i++)
        {
            analyzer.Analyze(read.Filings[i].Meta, bodies[i]);
        }

        times.Add(sw.Elapsed.TotalMilliseconds);
        gcs.Add(GC.CollectionCount(0) - gc0);
        cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    }

    for (var i = 0; i < bodies.Count; i++)
    {
        var line = Describe(analyzer.Analyze(read.Filings[i].Meta, bodies[i])) + "\n";
        digest.AppendData(Encoding.UTF8.GetBytes(line));
        text?.Append(line);
    }

    var best = times.Min();
    Console.WriteLine($"{label,-16} first {times[0],6:F0} ms (cpu {cpuTimes[0],6:F0} ms, {gcs[0]} GCs)  best {best,6:F0} ms  {best / bodies.Count,6:F3} ms/filing  {allocated / bodies.Count / 1024.0,7:F1} KB/filing");
}

// A first build's two passes: discovery under the empty registry, then analysis under the entity pages it led to, which
// reads every text again or takes what the discovery rules read from the first pass's scans. Both give the same analyses.
{
    var discoverer = new FilingAnalyzer(EntityRegistry.Empty);
    var analyzer = new FilingAnalyzer(registries[1].Item2);
    var scans = new DiscoveryScan[bodies.Count];
    double discover = double.MaxValue, again = double.MaxValue, reused = double.MaxValue;
    for (var r = 0; r < rounds; r++)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < bodies.Count; i++)
        {
            discoverer.Discover(read.Filings[i].Meta, bodies[i], out scans[i]);
        }

        discover = Math.Min(discover, sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        for (var i = 0; i < bodies.Count; i++)
        {
            analyzer.Analyze(read.Filings[i].Meta, bodies[i]);
        }

        again = Math.Min(again, sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        for (var i = 0; i < bodies.Count; i++)
        {
            analyzer.Analyze(read.Filings[i].Meta, bodies[i], scans[i]);
        }

        reused = Math.Min(reused, sw.Elapsed.TotalMilliseconds);
    }

    var differ = Enumerable.Range(0, bodies.Count).Count(i =>
        Describe(analyzer.Analyze(read.Filings[i].Meta, bodies[i])) != Describe(analyzer.Analyze(read.Filings[i].Meta, bodies[i], scans[i])));
    Console.WriteLine($"build passes     discover {discover,6:F0} ms + analyze {again,6:F0} ms reading the texts again, {reused,6:F0} ms with the scans ({differ} analyses differ)");
    Console.WriteLine($"                 the scans held between the passes: {scans.Sum(s => s.Compounds.Sum(c => c.Count)):N0} compound and {scans.Sum(s => s.Partners.Sum(p => p.Count)):N0} partner candidates, {scans.Sum(s => s.Sightings.Count):N0} people seen");
}

if (parts)
{
    // Where the time goes: each rule over every block (or sentence) of the corpus, warm, one thread.
    var blockTexts = bodies.SelectMany(b => b.Blocks).Select(b => b.Text).ToList();
    var sentenceTexts = blockTexts.SelectMany(t => SentenceSplitter.Split(t)).Select(s => s.Text).ToList();
    var company = "ImmunoGen, Inc.";
    Part("BoilerplateRules.Flags", () => { foreach (var b in bodies) { BoilerplateRules.Flags(b.Blocks); } });
    Part("SentenceSplitter.Split", () => { foreach (var t in blockTexts) { SentenceSplitter.Split(t); } });
    Part("registry.Match", () => { foreach (var t in blockTexts) { registries[1].Item2.Match(t); } });
    Part("LooksEncoded", () => { foreach (var t in blockTexts) { DiscoveryPatterns.LooksEncoded(t); } });
    Part("Compounds", () => { foreach (var t in blockTexts) { foreach (var _ in DiscoveryPatterns.Compounds(t)) { } } });
    Part("Partners (sentences)", () => { foreach (var t in sentenceTexts) { foreach (var _ in DiscoveryPatterns.Partners(t)) { } } });
    Part("Attributions", () => { foreach (var t in blockTexts) { foreach (var _ in DiscoveryPatterns.Attributions(t, "p1", null, company)) { } } });
    Part("Contacts", () => { foreach (var t in blockTexts) { foreach (var _ in DiscoveryPatterns.Contacts(t, "Investors", "p1", null, company)) { } } });
    Part("IsContactLabel", () => { foreach (var t in blockTexts) { DiscoveryPatterns.IsContactLabel(t); } });
    Part("Honorifics", () => { foreach (var t in blockTexts) { foreach (var _ in DiscoveryPatterns.Honorifics(t)) { } } });
    Part("StageOf (sentences)", () => { foreach (var t in sentenceTexts) { FilingAnalyzer.StageOf(t); } });
}

Console.WriteLine($"digest {Convert.ToHexString(digest.GetHashAndReset())[..16]}");
if (dump is not null)
{
    File.WriteAllText(dump, text!.ToString());
}

return 0;

void Part(string name, Action run)
{
    run();
    var best = double.MaxValue;
    long allocated = 0;
    for (var r = 0; r < 5; r++)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        run();
        best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    }

    Console.WriteLine($"  {name,-24} {best,7:F1} ms  {allocated / 1024.0 / 1024.0,7:F1} MB");
}

string Describe(FilingAnalysis a) => string.Join("|",
    JsonSerializer.Serialize(a.Compounds, json),
    JsonSerializer.Serialize(a.Partners, json),
    JsonSerializer.Serialize(a.People, json),
    JsonSerializer.Serialize(a.Events, json),
    JsonSerializer.Serialize(a.Boilerplate, json),
    JsonSerializer.Serialize(a.Mentions, json),
    JsonSerializer.Serialize(a.Quotes, json),
    JsonSerializer.Serialize(a.Roles, json),
    JsonSerializer.Serialize(a.Stages, json),
    JsonSerializer.Serialize(a.Discovered.Cast<object>().ToList(), json));
