using System.CommandLine;
using ImmunoGen.Kb.Cli;

var root = new RootCommand("kb: turns ImmunoGen's SEC 8-K filings into a browsable, searchable knowledge base.");
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var e in parse.Errors)
    {
        Console.Error.WriteLine($"kb: {e.Message}");
    }

    return ExitCodes.Usage;
}

return parse.Invoke();
