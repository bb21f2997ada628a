using System.CommandLine;

namespace ImmunoGen.Kb.Cli.Commands;

/// <summary>The options every verb shares (architecture.md): where content, templates and the site live.</summary>
internal static class CommonOptions
{
    public static Option<string> Content() => new("--content")
    {
        Description = "The content folder (raw/, filings/, compounds/, partners/, people/)",
        DefaultValueFactory = _ => "content",
    };

    public static Option<string> Templates() => new("--templates")
    {
        Description = "The templates folder (layouts/, partials/, assets/)",
        DefaultValueFactory = _ => "templates",
    };

    public static Option<string> Out() => new("--out")
    {
        Description = "The site folder to write",
        DefaultValueFactory = _ => "site",
    };
}
