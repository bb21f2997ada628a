using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// Values the build derives from one file under the content folder (a raw filing's parse and analysis; a filing page's
/// front-matter, block ids and search text), kept in the cache folder between builds so that an unchanged file is not processed again. One entry per
/// file (content-relative path), valid only for the key it was stored with (the SHA-256 of what the value is read from,
/// and whatever else it depends on) and for the tool that made it.
/// </summary>
/// <remarks>
/// Entries are spread over <see cref="ShardCount"/> files by path, so a build that changes one filing rewrites one small
/// file, and the files load in parallel. Each file is a header line (format, tool identity, SHA-256 of the rest) and the
/// entries in binary (<see cref="CacheCodecs"/>): the count, then per entry the path, the key and the value. A file that
/// is missing, unreadable, damaged (checksum) or from another format or tool counts as empty: the build just does the
/// work. On <see cref="Save"/> a file holds exactly the entries this build looked up or stored, so entries of removed or
/// changed files are dropped, and any other file in the folder is deleted. Find and Put are safe to call from many
/// threads at once.
/// </remarks>
internal sealed class ContentFileCache<TValue>
    where TValue : class
{
    public const int FormatVersion = 4;

    /// <summary>Enough files that one new filing rewrites a small one at 10,000 filings, few enough that each is worth opening.</summary>
    public const int ShardCount = 32;

    private readonly string _directory;
    private readonly string _tool;
    private readonly ICacheCodec<TValue> _codec;
    private readonly Lazy<Shard>[] _shards;

    /// <param name="directory">The folder of this kind of value (<c>.kb-cache/parses</c>).</param>
    /// <param name="tool">The running tool's identity: entries made by other code are not trusted.</param>
    /// <param name="reuse">False to start empty (<c>kb build --full</c>); the files are still rewritten on save.</param>
    public ContentFileCache(string directory, string tool, ICacheCodec<TValue> codec, bool reuse)
    {
        _directory = directory;
        _tool = tool;
        _codec = codec;
        // Each file is loaded on first use, so that the time counts towards the stage that needs it. One by one: lookups
        // come from parallel loops, and threads that each wait for their own file load different files at once, where
        // one load of all files, itself parallel, would have the loop's threads wait on it for want of threads to run it.
        _shards = Enumerable.Range(0, ShardCount).Select(i => new Lazy<Shard>(() => Load(i, reuse))).ToArray();
    }

    /// <summary>
    /// The value stored for <paramref name="path"/> under exactly <paramref name="key"/>, by this build or the last one, or
    /// null; a hit is kept on save.
    /// </summary>
    public TValue? Find(string path, string key)
    {
        var shard = _shards[ShardOf(path)].Value;
        if (shard.Kept.TryGetValue(path, out var entry) && string.Equals(entry.Key, key, StringComparison.Ordinal))
        {
            return entry.Value;
        }

        if (shard.Loaded.TryGetValue(path, out entry) && string.Equals(entry.Key, key, StringComparison.Ordinal))
        {
            shard.Kept[path] = entry;
            return entry.Value;
        }

        return null;
    }

    /// <summary>Stores the value for <paramref name="path"/> under <paramref name="key"/>, replacing what this build had for it.</summary>
    public void Put(string path, string key, TValue value) =>
        _shards[ShardOf(path)].Value.Kept[path] = new Entry(key, value);

    /// <summary>
    /// Writes every file whose entries changed (atomically). A cache that cannot be saved costs the next build time,
    /// never its result: the failure is a warning naming the cache (<paramref name="name"/>) and what the next build does
    /// again (<paramref name="consequence"/>), or null when all was written.
    /// </summary>
    public Diagnostic? Save(string name, string consequence) =>
        SaveFiles() is { } reason
            ? Diagnostic.Warning(DiagnosticCodes.Build.WriteFailed, _directory, $"cannot save the {name} ({reason}); the next build {consequence}")
            : null;

    // The reason the first file that could not be written gives, or null.
    private string? SaveFiles()
    {
        var failures = new ConcurrentQueue<string>();
        Parallel.For(0, _shards.Length, i =>
        {
            var shard = _shards[i].Value;
            if (!shard.Rewrite && SameKeys(shard.Loaded, shard.Kept))
            {
                return;
            }

            var path = FileOf(i);
            try
            {
                if (shard.Kept.IsEmpty)
                {
                    File.Delete(path);
                }
                else
                {
                    AtomicFile.Write(path, Encode(shard.Kept, _tool, _codec));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                failures.Enqueue(ex.Message);
            }
        });

        // Files of another shard count or format would otherwise stay forever.
        try
        {
            var current = Enumerable.Range(0, ShardCount).Select(FileOf).ToHashSet(StringComparer.Ordinal);
            foreach (var stray in Directory.Exists(_directory) ? Directory.GetFiles(_directory).Where(f => !current.Contains(f)) : [])
            {
                File.Delete(stray);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Enqueue(ex.Message);
        }

        return failures.TryDequeue(out var reason) ? reason : null;
    }

    /// <summary>One entry: the key it is valid for, and the value.</summary>
    public sealed record Entry(string Key, TValue Value);

    private sealed class Shard(Dictionary<string, Entry> loaded, bool rewrite)
    {
        /// <summary>What the file held when the build started.</summary>
        public Dictionary<string, Entry> Loaded { get; } = loaded;

        /// <summary>What the build looked up or stored: the file's next content.</summary>
        public ConcurrentDictionary<string, Entry> Kept { get; } = new(StringComparer.Ordinal);

        /// <summary>The file is there but was not usable: rewrite it even when nothing is kept from it.</summary>
        public bool Rewrite { get; } = rewrite;
    }

    private Shard Load(int shard, bool reuse)
    {
        var path = FileOf(shard);
        var entries = reuse ? TryRead(path) : null;
        return new Shard(entries ?? new Dictionary<string, Entry>(StringComparer.Ordinal), rewrite: entries is null && File.Exists(path));
    }

    // A cache is only a shortcut: anything wrong with a file (I/O, truncation, a flipped bit, bytes that do not decode)
    // means the build does the work instead, never that it fails or trusts a bad entry.
    private Dictionary<string, Entry>? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? Decode(File.ReadAllBytes(path), _tool, _codec) : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The entries of a file's bytes; null when they are not a whole file of this format made by <paramref name="tool"/>.</summary>
    /// <exception cref="Exception">Any, on bytes that pass the checksum and still do not decode.</exception>
    public static Dictionary<string, Entry>? Decode(byte[] bytes, string tool, ICacheCodec<TValue> codec)
    {
        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline < 0
            || !string.Equals(Encoding.UTF8.GetString(bytes, 0, newline), Header(tool, bytes.AsSpan(newline + 1)), StringComparison.Ordinal))
        {
            return null;
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, newline + 1, bytes.Length - newline - 1, writable: false), Encoding.UTF8);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (path, entry) in reader.ReadList(r => (r.ReadString(), new Entry(r.ReadString(), codec.Read(r)))))
        {
            entries[path] = entry;
        }

        return reader.BaseStream.Position == reader.BaseStream.Length ? entries : null;
    }

    /// <summary>A file's bytes: the header line, then the entries in ordinal path order.</summary>
    public static byte[] Encode(IEnumerable<KeyValuePair<string, Entry>> entries, string tool, ICacheCodec<TValue> codec)
    {
        var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.WriteList(entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList(), (w, e) =>
            {
                w.Write(e.Key);
                w.Write(e.Value.Key);
                codec.Write(w, e.Value.Value);
            });
        }

        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        return [.. Encoding.UTF8.GetBytes(Header(tool, bytes) + "\n"), .. bytes];
    }

    private static string Header(string tool, ReadOnlySpan<byte> body) =>
        $"kb-cache {FormatVersion} {tool} {Convert.ToHexStringLower(SHA256.HashData(body))}";

    private string FileOf(int shard) => Path.Combine(_directory, $"{shard:00}.bin");

    private static bool SameKeys(Dictionary<string, Entry> loaded, ConcurrentDictionary<string, Entry> kept) =>
        loaded.Count == kept.Count
        && kept.All(k => loaded.TryGetValue(k.Key, out var l) && string.Equals(l.Key, k.Value.Key, StringComparison.Ordinal));

    // A stable hash (FNV-1a): string.GetHashCode differs from one process to the next.
    private static int ShardOf(string path)
    {
        var hash = 2166136261u;
        foreach (var c in path)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % ShardCount);
    }
}
