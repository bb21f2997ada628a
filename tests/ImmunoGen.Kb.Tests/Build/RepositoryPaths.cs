using ImmunoGen.Kb.Build;

namespace ImmunoGen.Kb.Tests.Build;

/// <summary>Finds the repository's real content/ and templates/ from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Templates => Path.Combine(Root, "templates");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImmunoGen.Kb.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ImmunoGen.Kb.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted with the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kb-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Build options over a copy of the repository's content/ and templates/ in this folder, without the check.</summary>
    public BuildOptions RepositoryCopy()
    {
        var options = new BuildOptions
        {
            ContentDirectory = Sub("content"),
            TemplatesDirectory = Sub("templates"),
            OutputDirectory = Sub("site"),
            CacheDirectory = Sub("cache"),
            Check = false,
        };
        Copy(RepositoryPaths.Content, options.ContentDirectory);
        Copy(RepositoryPaths.Templates, options.TemplatesDirectory);
        return options;
    }

    /// <summary>
    /// Options that build a copy of <paramref name="options"/>' content/, as it stands now (before the next build writes
    /// to it), into a site and cache of its own under <paramref name="name"/>: the clean build to compare with.
    /// </summary>
    public BuildOptions CleanCopy(BuildOptions options, string name)
    {
        var clean = options with
        {
            ContentDirectory = Sub($"{name}/content"),
            OutputDirectory = Sub($"{name}/site"),
            CacheDirectory = Sub($"{name}/cache"),
        };
        Copy(options.ContentDirectory, clean.ContentDirectory);
        return clean;
    }

    /// <summary>Asserts that two trees hold the same files with the same bytes; <paramref name="reference"/> names the expected one.</summary>
    public static void AssertSameTree(string expectedRoot, string actualRoot, string reference)
    {
        var expected = Snapshot(expectedRoot);
        var actual = Snapshot(actualRoot);
        Assert.Equal(expected.Keys.ToList(), actual.Keys.ToList());
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from {reference}");
        }
    }

    /// <summary>Every file under <paramref name="root"/> as relative path → bytes, for byte-for-byte comparison of two trees.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string root)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var rel = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
                if (!rel.EndsWith(".lock", StringComparison.Ordinal))
                {
                    files[rel] = File.ReadAllBytes(file);
                }
            }
        }

        return files;
    }
}
