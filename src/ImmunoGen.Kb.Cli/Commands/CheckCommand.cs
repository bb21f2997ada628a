using System.CommandLine;
using ImmunoGen.Kb.Check;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Cli.Commands;

/// <summary><c>kb check [--out DIR] [--content DIR]</c>: checks a built site's links, anchors, reachability and titles.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The built site to check", DefaultValueFactory = _ => "site" };
        var content = new Option<string>("--content") { Description = "The content folder, to check that every entity its front-matter names has a page", DefaultValueFactory = _ => "content" };
        var templates = new Option<string>("--templates") { Description = "Accepted for symmetry with build; check reads only the output", DefaultValueFactory = _ => "templates" };
        var command = new Command("check", "Check the built site: every internal link and #anchor resolves, every page is reachable from the home page and has a title, no external resources.")
        {
            output,
            content,
            templates,
        };
        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(output)!;
            var contentDir = parse.GetValue(content)!;
            Corpus? corpus = null;
            var diagnostics = new List<Diagnostic>();
            if (Directory.Exists(contentDir))
            {
                var bag = new DiagnosticBag();
                corpus = new ContentStore(contentDir).Load(bag);
                diagnostics.AddRange(bag.ToSortedList());
            }

            diagnostics.AddRange(SiteChecker.Check(outDir, corpus, contentDir));
            foreach (var d in diagnostics)
            {
                Console.Error.WriteLine(d.ToString());
            }

            var errors = diagnostics.Count(d => d.IsError);
            Console.Out.WriteLine(errors == 0 ? $"kb check: {outDir} is consistent" : $"kb check: {errors} error(s) in {outDir}");
            return errors == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }
}
