using System.CommandLine;
using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Cli.Terminal;
using Spectre.Console;

namespace ImmunoGen.Kb.Cli.Commands;

/// <summary><c>kb build</c>: import new or changed raw filings, then render, write and check the site.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var templates = CommonOptions.Templates();
        var output = CommonOptions.Out();
        var full = new Option<bool>("--full") { Description = "Ignore the incremental-build manifest and rebuild everything" };
        var noCheck = new Option<bool>("--no-check") { Description = "Skip the link and page check after writing" };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "Public address of the site, used only for absolute URLs in feeds and the sitemap",
            DefaultValueFactory = _ => BuildOptions.Default.BaseUrl,
        };
        var command = new Command("build", "Import new or changed raw filings from content/raw, then render site/")
        {
            content, templates, output, full, noCheck, baseUrl,
        };
        command.SetAction(parse => Run(new BuildOptions
        {
            ContentDirectory = parse.GetValue(content)!,
            TemplatesDirectory = parse.GetValue(templates)!,
            OutputDirectory = parse.GetValue(output)!,
            Full = parse.GetValue(full),
            Check = !parse.GetValue(noCheck),
            BaseUrl = parse.GetValue(baseUrl)!,
        }));
        return command;
    }

    public static int Run(BuildOptions options)
    {
        var result = ShowsProgress()
            ? AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                    return SiteBuilder.Build(options with
                    {
                        Progress = new SynchronousProgress(p =>
                        {
                            if (!tasks.TryGetValue(p.Stage, out var task))
                            {
                                task = ctx.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                                tasks[p.Stage] = task;
                            }

                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Done;
                        }),
                    });
                })
            : SiteBuilder.Build(options);

        DiagnosticPrinter.Print(result.Diagnostics, System.Console.Error);
        var c = result.Counts;
        var errors = result.Diagnostics.Count(d => d.IsError);
        var warnings = result.Diagnostics.Count(d => d.Severity == Diagnostics.Severity.Warning);
        System.Console.Out.WriteLine(
            $"kb build: {(result.UpToDate ? "up to date" : result.WasIncremental ? "incremental" : "full")}; {c.FilingsImported} filings imported, {c.EntitiesDiscovered} entities discovered; " +
            $"pages rendered {c.PagesRendered}, written {c.FilesWritten}, unchanged {c.FilesUnchanged}, deleted {c.FilesDeleted}; " +
            $"{errors} errors, {warnings} warnings");
        System.Console.Out.WriteLine("kb build: " + string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Elapsed.TotalMilliseconds:0} ms")));
        return result.HasErrors ? ExitCodes.BadInput : ExitCodes.Success;
    }

    // A progress bar on a terminal; plain lines in CI logs and pipes.
    private static bool ShowsProgress() =>
        !System.Console.IsOutputRedirected
        && !System.Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("CI") is null
        && AnsiConsole.Profile.Capabilities.Interactive;

    // Progress<T> posts to the thread pool; Spectre's context wants calls in order on the caller's side.
    private sealed class SynchronousProgress(Action<BuildProgress> report) : IProgress<BuildProgress>
    {
        private readonly object _gate = new();

        public void Report(BuildProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
