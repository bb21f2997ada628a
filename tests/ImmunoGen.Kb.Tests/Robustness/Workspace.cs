using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Tests.Import;

namespace ImmunoGen.Kb.Tests.Robustness;

/// <summary>
/// A throw-away copy of the repository's content/ and templates/ in a temp folder, with an empty site/ beside them,
/// so a test can add one bad input and run the real build over the real seeds.
/// </summary>
public sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "kb-robust-" + Guid.NewGuid().ToString("N")[..12]);
        CopyTree(Path.Combine(ImportTestFiles.RepoRoot, "content"), Content);
        CopyTree(Path.Combine(ImportTestFiles.RepoRoot, "templates"), Templates);
        // The import state belongs to the repository's own pages; a fresh workspace regenerates from raw.
        Directory.CreateDirectory(Site);
    }

    public string Root { get; }

    public string Content => Path.Combine(Root, "content");

    public string Templates => Path.Combine(Root, "templates");

    public string Site => Path.Combine(Root, "site");

    public string Raw => Path.Combine(Content, "raw");

    public BuildOptions Options => new()
    {
        ContentDirectory = Content,
        TemplatesDirectory = Templates,
        OutputDirectory = Site,
        CacheDirectory = Path.Combine(Root, ".kb-cache"),
    };

    /// <summary>The hostile fixtures checked in beside these tests.</summary>
    public static string Hostile(string name) =>
        Path.Combine(ImportTestFiles.RepoRoot, "tests", "ImmunoGen.Kb.Tests", "TestData", "Hostile", name);

    public BuildResult Build() => SiteBuilder.Build(Options);

    public string AddRaw(string name, byte[] bytes)
    {
        var path = Path.Combine(Raw, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string AddRawFixture(string fixture, string? name = null) =>
        AddRaw(name ?? fixture, File.ReadAllBytes(Hostile(fixture)));

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every file under <paramref name="folder"/> (relative, forward slashes, sorted) with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes),
            StringComparer.Ordinal);

    /// <summary>The path a diagnostic prints for a file of this workspace (absolute, as the temp folder is outside the working directory).</summary>
    public static string Shown(string fullPath)
    {
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return (rel.StartsWith("..", StringComparison.Ordinal) ? fullPath : rel).Replace('\\', '/');
    }

    public static IReadOnlyList<Diagnostic> Errors(BuildResult result) => result.Diagnostics.Where(d => d.IsError).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process killed mid-write may still hold a handle for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (rel.StartsWith('.') || Path.GetFileName(rel) == BuildLock.FileName)
            {
                continue;
            }

            var target = Path.Combine(to, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
