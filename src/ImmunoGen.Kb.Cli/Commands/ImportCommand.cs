using System.CommandLine;
using ImmunoGen.Kb.Build;

namespace ImmunoGen.Kb.Cli.Commands;

/// <summary>
/// <c>kb import PATH... [--content DIR]</c>: copies raw filings (files or folders) into <c>DIR/raw/</c> and writes their pages
/// to <c>DIR/filings/</c>. Each problem is one line on stderr; a summary line ends the run. Exit 0, 1 when some input was bad, 2 for usage.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Raw filing files or folders to import", Arity = ArgumentArity.OneOrMore };
        var content = new Option<string>("--content") { Description = "The content folder", DefaultValueFactory = _ => "content" };
        var command = new Command("import", "Import raw 8-K filings into content/raw and write their pages to content/filings") { paths, content };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], parse.GetValue(content) ?? "content", Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the import and prints its diagnostics and summary; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> paths, string contentDir, TextWriter stdout, TextWriter stderr)
    {
        if (paths.Count == 0)
        {
            stderr.WriteLine("kb import: give at least one file or folder to import");
            return ExitCodes.Usage;
        }

        // The same import and extraction as kb build, so a page imported here carries its entities and events.
        var (result, discovered) = SiteBuilder.Import(contentDir, paths);
        foreach (var d in result.Diagnostics)
        {
            stderr.WriteLine(d.ToString());
        }

        stdout.WriteLine(discovered > 0 ? $"{result.Summary}; {discovered} entities discovered" : result.Summary);
        return result.HasErrors ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
