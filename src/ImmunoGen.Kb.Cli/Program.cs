using System.CommandLine;
using ImmunoGen.Kb.Cli;
using ImmunoGen.Kb.Cli.Commands;

var root = new RootCommand("kb: turns ImmunoGen's SEC 8-K filings into a browsable, searchable knowledge base.")
{
    ImportCommand.Create(),
    BuildCommand.Create(),
    CheckCommand.Create(),
    SearchCommand.Create(),
    ServeCommand.Create(),
    FetchCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var e in parse.Errors)
    {
        Console.Error.WriteLine($"kb: {e.Message}");
    }

    Console.Error.WriteLine("kb: see 'kb --help'");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync().ConfigureAwait(false);
