using System.Text.Json;
using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Tests.Search;

/// <summary>tests/search-cases.json through the C# engine and through <c>kb search --json</c>'s library entry point.</summary>
public sealed class SearchCasesTests
{
    private static readonly Lazy<SearchEngine> Engine = new(() => new SearchEngine(SearchIndexBuilder.Build(SeedGraph.Build())));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in SearchCase.Load())
        {
            data.Add(c.ToString());
        }

        return data;
    }

    private static SearchCase Find(string name) => SearchCase.Load().Single(c => c.ToString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Engine_answers_the_shared_case(string name)
    {
        var c = Find(name);
        var results = Engine.Value.Search(c.Query, new SearchFilters(Kind: c.Kind), 50);
        var suggestions = results.Count == 0 ? Engine.Value.Suggest(c.Query).Select(s => s.Slug).ToList() : [];
        Assert.Empty(c.Failures(results.Select(r => (r.Kind, r.Slug, r.Why)).ToList(), suggestions));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cli_json_answers_the_shared_case(string name)
    {
        var c = Find(name);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SearchCli.Run(SeedGraph.Build(), c.Query, new SearchCliOptions(Json: true, Limit: 50, Kind: c.Kind), output, error);

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        using var doc = JsonDocument.Parse(output.ToString());
        var results = doc.RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("kind").GetString()!, r.GetProperty("slug").GetString()!, r.GetProperty("why").GetString()!))
            .ToList();
        var suggestions = results.Count == 0 ? Engine.Value.Suggest(c.Query).Select(s => s.Slug).ToList() : [];
        Assert.Empty(c.Failures(results, suggestions));
    }

    [Fact]
    public void The_shared_file_covers_every_example_of_the_issue()
    {
        var queries = SearchCase.Load().Select(c => c.Query).ToHashSet(StringComparer.Ordinal);
        string[] issue = ["sar 3419", "SAR-3419", "sar3419", "T-DM1", "TDM1", "sanofiaventis", "AVE16", "AVE1624", "trastuzamab", "DM4", "huC242"];
        Assert.All(issue, q => Assert.Contains(q, queries));
    }
}
