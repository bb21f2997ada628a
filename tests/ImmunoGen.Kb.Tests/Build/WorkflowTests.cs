using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ImmunoGen.Kb.Tests.Build;

/// <summary>
/// The CI workflow and .ci/run stay true to the README: the workflow is valid YAML, triggers on content and template
/// pushes, daily and by hand, and its steps run the README's two set-up commands, the check, and the Pages deploy.
/// </summary>
public sealed partial class WorkflowTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".github", "workflows", "site.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>The commands of the README's "Set up" block, comments removed.</summary>
    private static List<string> SetUpCommands()
    {
        var block = SetUpBlock().Match(Readme);
        Assert.True(block.Success, "README.md has a 'Set up' section with a sh code block");
        return block.Groups["code"].Value.Split('\n')
            .Select(l => l.Split('#')[0].Trim())
            .Where(l => l.Length > 0)
            .ToList();
    }

    private static List<string> Runs(YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow["jobs"]).Children.Values
            .OfType<YamlMappingNode>()
            .Where(job => job.Children.ContainsKey("steps"))
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Children.OfType<YamlMappingNode>())
            .Where(step => step.Children.ContainsKey("run"))
            .Select(step => ((YamlScalarNode)step["run"]).Value!)
            .ToList();

    private static List<string> Uses(YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow["jobs"]).Children.Values
            .OfType<YamlMappingNode>()
            .Where(job => job.Children.ContainsKey("steps"))
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Children.OfType<YamlMappingNode>())
            .Where(step => step.Children.ContainsKey("uses"))
            .Select(step => ((YamlScalarNode)step["uses"]).Value!)
            .ToList();

    [Fact]
    public void ReadmeSetUp_IsTheBuildAndTheTestCommand()
    {
        Assert.Equal(["dotnet run --project src/ImmunoGen.Kb.Cli -- build", "dotnet test"], SetUpCommands());
    }

    [Fact]
    public void Workflow_RunsTheReadmeCommands_ThenChecks()
    {
        var runs = Runs(Workflow());

        foreach (var command in SetUpCommands())
        {
            Assert.Contains(runs, r => r.Trim() == command);
        }

        Assert.Contains(runs, r => r.Trim() == "dotnet run --project src/ImmunoGen.Kb.Cli -- check");
        Assert.Contains(runs, r => r.Trim().StartsWith("dotnet run --project src/ImmunoGen.Kb.Cli -- fetch --cik 855654", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("git add content site", StringComparison.Ordinal) && r.Contains("git push", StringComparison.Ordinal));
        var order = new[] { "dotnet test", "-- build", "-- check", "git add content site" }
            .Select(c => runs.FindIndex(r => r.Contains(c, StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(order.Order().ToList(), order);
    }

    [Fact]
    public void Workflow_TriggersOnContentAndTemplates_DailyAndByHand_AndPublishesWithTheOfficialPagesActions()
    {
        var workflow = Workflow();
        var on = (YamlMappingNode)workflow["on"];

        var paths = ((YamlSequenceNode)((YamlMappingNode)on["push"])["paths"]).Children.Select(p => ((YamlScalarNode)p).Value).ToList();
        Assert.Equal(["content/**", "templates/**"], paths);
        Assert.Single(((YamlSequenceNode)on["schedule"]).Children);
        Assert.True(on.Children.ContainsKey("workflow_dispatch"));

        var uses = Uses(workflow);
        Assert.Contains(uses, u => u.StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/deploy-pages@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/configure-pages@", StringComparison.Ordinal));
    }

    [Fact]
    public void CiRun_InstallsChromium_ThenRunsTheReadmeTestCommand()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".ci", "run"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();

        Assert.Equal("set -euo pipefail", lines[0]);
        Assert.Contains(lines, l => l.Contains("apt-get install", StringComparison.Ordinal) && l.Contains("chromium", StringComparison.Ordinal));
        Assert.Equal(SetUpCommands()[1], lines[^1]);
    }

    [GeneratedRegex(@"## Set up.*?```sh\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SetUpBlock();
}
