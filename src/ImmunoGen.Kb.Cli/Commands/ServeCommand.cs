using System.CommandLine;
using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Cli.Serve;

namespace ImmunoGen.Kb.Cli.Commands;

/// <summary><c>kb serve</c>: build, serve site/ on 127.0.0.1, rebuild incrementally on change and reload open pages.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var templates = CommonOptions.Templates();
        var output = CommonOptions.Out();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 8080 };
        var basePath = new Option<string>("--base-path")
        {
            Description = "Serve the site under this path, as a static host would (e.g. /kb/)",
            DefaultValueFactory = _ => "/",
        };
        var command = new Command("serve", "Serve site/ on 127.0.0.1, rebuilding and reloading on every change to content/ or templates/")
        {
            content, templates, output, port, basePath,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var p = parse.GetValue(port);
            if (p is < 1 or > 65535)
            {
                await System.Console.Error.WriteLineAsync($"kb serve: --port must be between 1 and 65535, not {p}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var options = new BuildOptions
            {
                ContentDirectory = parse.GetValue(content)!,
                TemplatesDirectory = parse.GetValue(templates)!,
                OutputDirectory = parse.GetValue(output)!,
                // Links are checked by kb check and the build proper; a preview should be fast.
                Check = false,
            };
            var server = new DevServer(
                options.OutputDirectory,
                [options.ContentDirectory, options.TemplatesDirectory],
                parse.GetValue(basePath)!,
                p,
                () => Rebuild(options),
                System.Console.Out);
            await server.RunAsync(cancellation).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static RebuildOutcome Rebuild(BuildOptions options)
    {
        var result = SiteBuilder.Build(options);
        var c = result.Counts;
        var errors = result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        return new RebuildOutcome(errors.Count == 0, $"rendered {c.PagesRendered}, written {c.FilesWritten}, deleted {c.FilesDeleted}", errors);
    }
}
