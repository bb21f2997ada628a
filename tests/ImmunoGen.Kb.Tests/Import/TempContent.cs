namespace ImmunoGen.Kb.Tests.Import;

/// <summary>A throw-away folder with a content/ inside, deleted when the test ends.</summary>
internal sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "kb-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Content);
        Directory.CreateDirectory(Inbox);
    }

    public string Root { get; }

    public string Content => Path.Combine(Root, "content");

    /// <summary>Where tests put files before importing them.</summary>
    public string Inbox => Path.Combine(Root, "inbox");

    public string Put(string name, byte[] bytes)
    {
        var path = Path.Combine(Inbox, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Put(string name, string text) => Put(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string PutSeed(string seed, string? name = null) => Put(name ?? seed + ".txt", File.ReadAllBytes(ImportTestFiles.Seed(seed)));

    /// <summary>Every file under content/ with its bytes, for byte-identical comparisons.</summary>
    public SortedDictionary<string, string> Snapshot() =>
        new(Directory.EnumerateFiles(Content, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Content, f).Replace('\\', '/'), f => Convert.ToHexString(File.ReadAllBytes(f))), StringComparer.Ordinal);

    public string[] Pages() =>
        Directory.Exists(Path.Combine(Content, "filings"))
            ? Directory.GetFiles(Path.Combine(Content, "filings"), "*.md").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray()
            : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
