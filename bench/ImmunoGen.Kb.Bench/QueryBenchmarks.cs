using BenchmarkDotNet.Attributes;
using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Bench;

/// <summary>C# query latency with BenchmarkDotNet (<c>--bdn</c>): one benchmark per kind of query.</summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private SearchEngine _engine = null!;

    [Params("SAR3419", "sar 3419", "T-DM1", "AVE16", "AVE1624", "trastuzamab", "DM4", "clinical data", "nasdaq", "xq")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var dir = Environment.GetEnvironmentVariable("KB_BENCH_CORPUS") ?? throw new InvalidOperationException("KB_BENCH_CORPUS is not set");
        _engine = new SearchEngine(SearchIndexBuilder.Build(SyntheticCorpus.Load(dir)));
    }

    [Benchmark]
    public int Search() => _engine.Search(Query).Count;
}
