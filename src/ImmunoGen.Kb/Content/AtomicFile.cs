using System.Buffers;
using System.Text;

namespace ImmunoGen.Kb.Content;

/// <summary>
/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the same folder,
/// which is then renamed over the target. A build killed at any moment leaves either the old file or the new one.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 unless the file already holds exactly these bytes.</summary>
    /// <returns>True when the file was written, false when it was already up to date.</returns>
    public static bool WriteIfChanged(string path, string text) => WriteIfChanged(path, Utf8NoBom.GetBytes(text));

    /// <inheritdoc cref="WriteIfChanged(string, string)"/>
    public static bool WriteIfChanged(string path, ReadOnlyMemory<byte> bytes) => WriteIfChanged(path, new ReadOnlySequence<byte>(bytes));

    /// <inheritdoc cref="WriteIfChanged(string, string)"/>
    public static bool WriteIfChanged(string path, in ReadOnlySequence<byte> bytes)
    {
        if (SameBytes(path, bytes))
        {
            return false;
        }

        Write(path, bytes);
        return true;
    }

    public static void Write(string path, ReadOnlyMemory<byte> bytes) => Write(path, new ReadOnlySequence<byte>(bytes));

    public static void Write(string path, in ReadOnlySequence<byte> bytes)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
            {
                foreach (var segment in bytes)
                {
                    fs.Write(segment.Span);
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Deletes the temporary files a killed writer left under <paramref name="directory"/> (<c>.name.pid.guid.tmp</c>).
    /// Call it only while holding the build lock, when no other writer can be mid-write.
    /// </summary>
    public static int DeleteLeftovers(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp", SearchOption.AllDirectories).ToList())
        {
            TryDelete(file);
            deleted++;
        }

        return deleted;
    }

    private static bool SameBytes(string path, in ReadOnlySequence<byte> bytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length != bytes.Length)
            {
                return false;
            }

            // Compared chunk by chunk: reading a 10 MB page whole would put another array on the large-object heap.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                foreach (var segment in bytes)
                {
                    for (var rest = segment.Span; !rest.IsEmpty;)
                    {
                        var read = stream.Read(buffer, 0, Math.Min(buffer.Length, rest.Length));
                        if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(rest[..read]))
                        {
                            return false;
                        }

                        rest = rest[read..];
                    }
                }

                return stream.Read(buffer, 0, 1) == 0;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
