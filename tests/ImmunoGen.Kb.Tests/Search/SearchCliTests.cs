using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Tests.Search;

public sealed class SearchCliTests
{
    [Fact]
    public void Text_output_is_one_line_per_result()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, SearchCli.Run(SeedGraph.Build(), "T-DM1", new SearchCliOptions(Limit: 1, Kind: "compound"), output, error));
        Assert.Equal("compound  trastuzumab-DM1  (alias T-DM1)  HER2 · Genentech\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void No_results_prints_the_closest_names()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        SearchCli.Run(SeedGraph.Build(), "Genentqxz", new SearchCliOptions(), output, error);
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("No results for \"Genentqxz\".", lines[0]);
        Assert.StartsWith("Closest: Genentech, ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_is_a_usage_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, SearchCli.Run(SeedGraph.Build(), "x", new SearchCliOptions(Kind: "drug"), output, error));
        Assert.Contains("unknown kind 'drug'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Filing_lines_show_date_and_slug()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        SearchCli.Run(SeedGraph.Build(), "resurfacing", new SearchCliOptions(Kind: "filing"), output, error);
        Assert.Equal(
            "filing    sanofi-aventis Licenses ImmunoGen's Humanization Technology  (text \"resurfacing\")  2006-10-17 · 2006-10-17-sanofi-aventis-licenses-immunogen-s-humanization-technology\n",
            output.ToString().ReplaceLineEndings("\n"));
    }
}

/// <summary><c>kb search</c>'s own loader: the content folder's pages, linked by front-matter.</summary>
public sealed class SearchCliContentTests : IDisposable
{
    private readonly string _content = Path.Combine(Path.GetTempPath(), "kb-search-content-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Searches_the_pages_of_a_content_folder()
    {
        var graph = SeedGraph.Build();
        foreach (var e in graph.Corpus.Entities)
        {
            Write($"{ImmunoGen.Kb.Content.EntityKinds.Folder(e.Kind)}/{e.Slug}.md", ImmunoGen.Kb.Content.EntityPage.Write(e));
        }

        foreach (var f in graph.Corpus.Filings)
        {
            Write($"filings/{f.Slug}.md", ImmunoGen.Kb.Content.FilingPage.Write(f.Meta, graph.Corpus.BodyOf(f)));
        }

        var diagnostics = new ImmunoGen.Kb.Diagnostics.DiagnosticBag();
        var loaded = SearchCli.LoadGraph(_content, diagnostics);
        Assert.Empty(diagnostics.ToSortedList());

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, SearchCli.Run(loaded, "sar 3419", new SearchCliOptions(Limit: 2), output, error));
        Assert.Equal(
            "compound  SAR3419  (exact name)  CD19 · sanofi-aventis · Phase I\n"
            + "filing    sanofi-aventis Advances SAR3419 into Phase I Clinical Testing  (mentions SAR3419)  2007-10-17 · 2007-10-17-sanofi-aventis-advances-sar3419-into-phase-i\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_content, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Dispose()
    {
        if (Directory.Exists(_content))
        {
            Directory.Delete(_content, recursive: true);
        }
    }
}
