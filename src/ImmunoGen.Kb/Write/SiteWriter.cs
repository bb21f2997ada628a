using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Render;

namespace ImmunoGen.Kb.Write;

/// <summary>What one <see cref="SiteWriter.Write"/> did: files written, files already up to date, stale files deleted.</summary>
public sealed record SiteWriteResult(int Written, int Unchanged, int Deleted);

/// <summary>
/// Writes the rendered site into the output folder. Each file goes through <see cref="AtomicFile.WriteIfChanged(string, ReadOnlySpan{byte})"/>,
/// so an unchanged page keeps its timestamp and a killed build never leaves half a file. Files the build did not produce are deleted
/// (dotfiles and dot-folders are kept: .git, .nojekyll), so a removed filing disappears from the site too; that clean-up only
/// runs in a folder that was empty or already held a site (an <c>index.html</c>).
/// </summary>
public static class SiteWriter
{
    /// <param name="keep">Site paths to leave as they are although this build did not produce them: pages whose rendering
    /// failed keep their last good version instead of disappearing.</param>
    /// <exception cref="ArgumentException">A file's path is absolute or leaves the output folder.</exception>
    public static SiteWriteResult Write(string outDir, IEnumerable<SiteFile> files, IReadOnlySet<string>? keep = null)
    {
        var root = Path.GetFullPath(outDir);
        // Stale files are only deleted in a folder that is a site already (or empty): pointing --out at the wrong folder must not wipe it.
        var isSite = !Directory.Exists(root)
            || File.Exists(Path.Combine(root, "index.html"))
            || !Directory.EnumerateFileSystemEntries(root).Any(e => !Path.GetFileName(e).StartsWith('.'));
        Directory.CreateDirectory(root);
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kept in keep ?? new HashSet<string>())
        {
            produced.Add(Resolve(root, kept));
        }

        var written = 0;
        var unchanged = 0;
        foreach (var file in files)
        {
            var target = Resolve(root, file.Path);
            if (!produced.Add(target))
            {
                throw new ArgumentException($"the build produced '{file.Path}' twice", nameof(files));
            }

            if (AtomicFile.WriteIfChanged(target, file.Content))
            {
                written++;
            }
            else
            {
                unchanged++;
            }
        }

        var deleted = isSite ? DeleteStale(root, produced) : 0;
        return new SiteWriteResult(written, unchanged, deleted);
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

    private static int DeleteStale(string root, HashSet<string> produced)
    {
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList())
        {
            var rel = Path.GetRelativePath(root, file);
            if (produced.Contains(file) || rel.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(p => p.StartsWith('.')))
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
