using System.IO.Enumeration;
using System.Text;
using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// One hash over the path, length and modification time of every file under some folders, the way make, Ninja and
/// git's index tell that nothing changed without reading a byte. A build records the snapshot of its inputs (content,
/// templates) and outputs (the site) when it ends; the next build with the same snapshot has nothing to do.
/// Modification times are compared to the tick, so an edit, a touch, a copy over, a new or a deleted file all count.
/// The file system stamps times from a coarse clock (a few milliseconds), so a file written just before the snapshot
/// could be changed again within the same tick unseen: such a snapshot is "racy" (git's word) and is not to be trusted.
/// </summary>
internal static class FileSnapshot
{
    // Longer than the file system's timestamp tick (jiffies: 1-10 ms on Linux).
    private static readonly TimeSpan RacyWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The snapshot of files just written: if the first look is racy, it waits out the clock tick and looks again.
    /// Without that, the build after a build would always run in full.
    /// </summary>
    /// <returns>The hash, or null when files kept changing (something else is writing there).</returns>
    public static string? Settled(IEnumerable<(string Label, string Directory)> roots, string settings, IReadOnlySet<string> ignore)
    {
        if (Of(roots, settings, ignore) is { } snapshot)
        {
            return snapshot;
        }

        Thread.Sleep(RacyWindow);
        return Of(roots, settings, ignore);
    }

    /// <param name="roots">The folders to take, each under a label so that moving a file between them counts.</param>
    /// <param name="settings">Anything else the result depends on (options, tool identity), hashed along.</param>
    /// <param name="ignore">Full paths of files that change on every build and say nothing about its inputs (the lock).</param>
    /// <returns>The hash, or null when a file was modified so recently that the snapshot may miss a change still to come.</returns>
    public static string? Of(IEnumerable<(string Label, string Directory)> roots, string settings, IReadOnlySet<string> ignore)
    {
        var takenAt = DateTimeOffset.UtcNow;

        // The folders are listed in parallel: a no-change build is mostly this walk (35,000 files at 10,000 filings).
        var listed = roots.AsParallel().AsOrdered().Select(r => List(r.Label, r.Directory, ignore)).ToList();
        if (listed.Any(l => l.Newest > takenAt - RacyWindow))
        {
            return null;
        }

        var lines = listed.SelectMany(l => l.Lines).ToList();
        lines.Sort(StringComparer.Ordinal);
        var text = new StringBuilder(settings.Length + 1 + lines.Sum(l => l.Length + 1));
        text.Append(settings).Append('\n');
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return Fingerprint.Of(text.ToString());
    }

    // One line per file under the folder (label, relative path, length, modification time), and the newest time seen.
    private static (List<string> Lines, DateTimeOffset Newest) List(string label, string directory, IReadOnlySet<string> ignore)
    {
        if (!Directory.Exists(directory))
        {
            return ([$"{label}\t(none)"], DateTimeOffset.MinValue);
        }

        var newest = DateTimeOffset.MinValue;
        var root = Path.GetFullPath(directory);
        // Entries' full paths are the root joined with their relative path: cut, not computed (35,000 files).
        var prefix = Path.EndsInDirectorySeparator(root) ? root.Length : root.Length + 1;
        var ignoredNames = ignore.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var files = new FileSystemEnumerable<string>(
            root,
            (ref FileSystemEntry e) =>
            {
                var written = e.LastWriteTimeUtc;
                newest = written > newest ? written : newest;
                return $"{label}\t{e.ToFullPath().AsSpan(prefix)}\t{e.Length}\t{written.UtcTicks}";
            },
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) =>
                !e.IsDirectory && !(ignoredNames.Contains(e.FileName) && ignore.Contains(e.ToFullPath())),
        };
        var lines = files.ToList();
        return (lines, newest);
    }
}
