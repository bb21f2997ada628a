using System.Collections.Concurrent;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Render;

namespace ImmunoGen.Kb.Write;

/// <summary>What one <see cref="SiteWriter.Write"/> did: files written, files already up to date, stale files deleted.</summary>
public sealed record SiteWriteResult(int Written, int Unchanged, int Deleted);

/// <summary>
/// Writes the rendered site into the output folder. Each file goes through <see cref="AtomicFile.WriteIfChanged(string, in System.Buffers.ReadOnlySequence{byte})"/>,
/// so an unchanged page keeps its timestamp and a killed build never leaves half a file. Files the build did not produce are deleted
/// (dotfiles and dot-folders are kept: .git, .nojekyll), so a removed filing disappears from the site too; that clean-up only
/// runs in a folder that was empty or already held a site (an <c>index.html</c>).
/// A build opens one writer with <see cref="Open"/> and hands it each file as soon as it is rendered, from any thread, so the
/// site is never held in memory as a whole; <see cref="Finish"/> then removes what the build no longer produces.
/// </summary>
public sealed class SiteWriter
{
    private readonly string _root;
    private readonly bool _isSite;
    private readonly ConcurrentDictionary<string, byte> _produced = new(StringComparer.Ordinal);
    private int _written;
    private int _unchanged;

    private SiteWriter(string root, bool isSite)
    {
        _root = root;
        _isSite = isSite;
    }

    /// <param name="keep">Site paths to leave as they are although this build does not produce them: pages whose rendering
    /// failed keep their last good version instead of disappearing, and unchanged pages are not rendered at all.</param>
    public static SiteWriter Open(string outDir, IEnumerable<string>? keep = null)
    {
        var root = Path.GetFullPath(outDir);
        // Stale files are only deleted in a folder that is a site already (or empty): pointing --out at the wrong folder must not wipe it.
        var isSite = !Directory.Exists(root)
            || File.Exists(Path.Combine(root, "index.html"))
            || !Directory.EnumerateFileSystemEntries(root).Any(e => !Path.GetFileName(e).StartsWith('.'));
        Directory.CreateDirectory(root);
        var writer = new SiteWriter(root, isSite);
        foreach (var kept in keep ?? [])
        {
            writer.Keep(kept);
        }

        return writer;
    }

    /// <summary>Opens a writer, writes every file and finishes: the whole site in one call.</summary>
    /// <exception cref="ArgumentException">A file's path is absolute, leaves the output folder, or comes twice.</exception>
    public static SiteWriteResult Write(string outDir, IEnumerable<SiteFile> files, IReadOnlySet<string>? keep = null)
    {
        var writer = Open(outDir, keep);
        foreach (var file in files)
        {
            writer.Write(file);
        }

        return writer.Finish();
    }

    /// <summary>Marks a site path as produced by this build without writing it.</summary>
    public void Keep(string sitePath) => _produced.TryAdd(Resolve(_root, sitePath), 0);

    /// <summary>Writes one file if its bytes differ from what is there; safe to call from several threads.</summary>
    /// <returns>True when the file was written, false when it was already up to date.</returns>
    /// <exception cref="ArgumentException">The path is absolute, leaves the output folder, or was produced already.</exception>
    public bool Write(SiteFile file)
    {
        var target = Resolve(_root, file.Path);
        if (!_produced.TryAdd(target, 0))
        {
            throw new ArgumentException($"the build produced '{file.Path}' twice", nameof(file));
        }

        var written = AtomicFile.WriteIfChanged(target, file.Bytes);
        Interlocked.Increment(ref written ? ref _written : ref _unchanged);
        return written;
    }

    /// <summary>Deletes the files this build did not produce (in a folder that is a site) and says what was done.</summary>
    public SiteWriteResult Finish()
    {
        var deleted = _isSite ? DeleteStale(_root, _produced) : 0;
        return new SiteWriteResult(_written, _unchanged, deleted);
    }

    /// <summary>The full path of a site file, refusing anything that would land outside the output folder.</summary>
    public static string Resolve(string root, string relativePath)
    {
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Split('/', '\\').Any(p => p is "" or "." or ".."))
        {
            throw new ArgumentException($"site path '{relativePath}' must be relative, without empty, '.' or '..' parts", nameof(relativePath));
        }

        return Path.GetFullPath(Path.Combine(root, relativePath));
    }

    private static int DeleteStale(string root, ConcurrentDictionary<string, byte> produced)
    {
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList())
        {
            var rel = Path.GetRelativePath(root, file);
            if (produced.ContainsKey(file) || rel.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(p => p.StartsWith('.')))
            {
                continue;
            }

            File.Delete(file);
            deleted++;
        }

        // Folders emptied by the deletions go too, deepest first.
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
        {
            var rel = Path.GetRelativePath(root, dir);
            if (!rel.Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')) && !Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }

        return deleted;
    }
}
