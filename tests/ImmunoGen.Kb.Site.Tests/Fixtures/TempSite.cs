namespace ImmunoGen.Kb.Site.Tests.Fixtures;

/// <summary>A small hand-written site in a temporary folder, deleted on dispose.</summary>
public sealed class TempSite : IDisposable
{
    public TempSite(params (string Path, string Html)[] pages)
    {
        Root = Path.Combine(Path.GetTempPath(), "kb-check-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, html) in pages)
        {
            Write(path, html);
        }
    }

    public string Root { get; }

    public void Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>A valid minimal page with the given title and body.</summary>
    public static string Page(string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main>{body}</main></body></html>\n";

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
