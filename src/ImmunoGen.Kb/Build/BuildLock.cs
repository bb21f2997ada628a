namespace ImmunoGen.Kb.Build;

/// <summary>
/// Keeps two builds (or a build and an import) from interleaving their writes to the same content and site folders.
/// The lock is an exclusively opened file next to the content; the operating system releases it if the process dies.
/// </summary>
public sealed class BuildLock : IDisposable
{
    public const string FileName = ".kb-build.lock";

    private readonly FileStream _stream;

    private BuildLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock for <paramref name="contentDirectory"/>, or returns null with the reason when another build holds it.</summary>
    public static BuildLock? TryAcquire(string contentDirectory, out string? reason)
    {
        Directory.CreateDirectory(contentDirectory);
        var path = Path.Combine(contentDirectory, FileName);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            var owner = System.Text.Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n");
            stream.SetLength(0);
            stream.Write(owner);
            stream.Flush();
            reason = null;
            return new BuildLock(stream);
        }
        catch (IOException)
        {
            reason = $"another kb build or import is running on {contentDirectory} (lock {path}); wait for it to finish";
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
