using System.CommandLine;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Cli.Commands;

/// <summary><c>kb search QUERY [--json] [--content DIR] [--limit N] [--kind compound|partner|person|filing]</c>.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to look for: a compound code, alias, partner, person or words of a filing" };
        var json = new Option<bool>("--json") { Description = "Print the results as a JSON array" };
        var content = new Option<string>("--content") { Description = "The content folder", DefaultValueFactory = _ => "content" };
        var limit = new Option<int>("--limit") { Description = "At most this many results", DefaultValueFactory = _ => 20 };
        var kind = new Option<string?>("--kind") { Description = "Only results of this kind: compound, partner, person or filing" };
        kind.AcceptOnlyFromAmong([.. SearchCli.Kinds]);

        var command = new Command("search", "Search compounds, partners, people and filings with the site's search semantics")
        {
            query, json, content, limit, kind,
        };
        command.SetAction(parse =>
        {
            var diagnostics = new DiagnosticBag();

            var graph = SearchCli.LoadGraph(parse.GetValue(content)!, diagnostics);
            foreach (var d in diagnostics.ToSortedList())
            {
                Console.Error.WriteLine(d.ToString());
            }

            var options = new SearchCliOptions(parse.GetValue(json), parse.GetValue(limit), parse.GetValue(kind));
            var code = SearchCli.Run(graph, parse.GetValue(query)!, options, Console.Out, Console.Error);
            return code != 0 ? code : diagnostics.HasErrors ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return command;
    }
}
