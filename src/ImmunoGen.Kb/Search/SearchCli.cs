using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Link;

namespace ImmunoGen.Kb.Search;

/// <summary>Options of <c>kb search</c>.</summary>
/// <param name="Kind">compound, partner, person or filing; null for all.</param>
public sealed record SearchCliOptions(bool Json = false, int Limit = 20, string? Kind = null);

/// <summary>
/// What <c>kb search QUERY</c> does, on a graph it is given: one line per result, or a JSON array with <c>--json</c>.
/// Lives in the library so tests run the very code the command runs.
/// </summary>
public static class SearchCli
{
    public static readonly IReadOnlyList<string> Kinds = ["compound", "partner", "person", "filing"];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The graph <c>kb search</c> searches: the content folder's filing and entity pages, linked by the same Link stage
    /// as <c>kb build</c>, so stages and mentions match the site's search. Bad pages are reported in <paramref name="diagnostics"/>.
    /// </summary>
    public static KnowledgeGraph LoadGraph(string contentDirectory, DiagnosticBag diagnostics)
    {
        var corpus = new ContentStore(contentDirectory).Load(diagnostics);
        var registryDiagnostics = new List<Diagnostic>();
        var registry = EntityRegistry.Build(corpus.Entities, registryDiagnostics);
        diagnostics.AddRange(registryDiagnostics);
        return GraphBuilder.Build(corpus, registry);
    }

    /// <summary>Runs a query and writes the results; returns the exit code (0, or 2 for a bad option).</summary>
    public static int Run(KnowledgeGraph graph, string query, SearchCliOptions options, TextWriter output, TextWriter error)
    {
        if (options.Kind is { } k && !Kinds.Contains(k, StringComparer.Ordinal))
        {
            error.WriteLine($"kb search: unknown kind '{k}' (use {string.Join(", ", Kinds)})");
            return 2;
        }

        if (options.Limit <= 0)
        {
            error.WriteLine("kb search: --limit must be a positive number");
            return 2;
        }

        var engine = new SearchEngine(SearchIndexBuilder.Build(graph));
        var results = engine.Search(query, new SearchFilters(Kind: options.Kind), options.Limit);
        var suggestions = results.Count == 0 ? engine.Suggest(query) : [];
        if (options.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(results.Select(ToJson).ToList(), JsonOptions));
            return 0;
        }

        if (results.Count == 0)
        {
            output.WriteLine($"No results for \"{query}\".");
            if (suggestions.Count > 0)
            {
                output.WriteLine("Closest: " + string.Join(", ", suggestions.Select(s => s.Name)));
            }

            return 0;
        }

        foreach (var r in results)
        {
            output.WriteLine(Line(r));
        }

        return 0;
    }

    /// <summary>One result as a line: <c>compound  SAR3419  (exact name)  CD19 · sanofi-aventis · Phase I</c>.</summary>
    public static string Line(SearchResult r)
    {
        var details = r.Kind == "filing"
            ? new[] { r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Slug }
            : [r.Target, r.Partner, r.Stage];
        var tail = string.Join(" · ", details.Where(d => !string.IsNullOrEmpty(d)));
        var line = $"{r.Kind,-8}  {r.Title}  ({r.Why})";
        return tail.Length > 0 ? $"{line}  {tail}" : line;
    }

    private static Dictionary<string, object?> ToJson(SearchResult r)
    {
        var o = new Dictionary<string, object?>
        {
            ["kind"] = r.Kind,
            ["slug"] = r.Slug,
            ["title"] = r.Title,
            ["url"] = r.Url,
            ["why"] = r.Why,
            ["tier"] = r.Tier.ToString().ToLowerInvariant(),
            ["score"] = r.Score,
        };
        if (r.Target is not null)
        {
            o["target"] = r.Target;
        }

        if (r.Partner is not null)
        {
            o["partner"] = r.Partner;
        }

        if (r.Stage is not null)
        {
            o["stage"] = r.Stage;
        }

        if (r.Date is { } d)
        {
            o["date"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (r.Snippet is not null)
        {
            o["snippet"] = r.Snippet;
            o["highlights"] = (r.Highlights ?? []).Select(h => new[] { h.Start, h.Length }).ToList();
        }

        return o;
    }
}
