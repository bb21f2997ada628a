using System.Security.Cryptography;
using System.Text;

namespace ImmunoGen.Kb.Content;

/// <summary>SHA-256 fingerprints of bytes, text and folders, as lowercase hex.</summary>
public static class Fingerprint
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>One hash over every file under <paramref name="directory"/>: relative paths and bytes, in ordinal order.</summary>
    public static string OfDirectory(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                         .Select(f => (Full: f, Rel: Path.GetRelativePath(directory, f).Replace('\\', '/')))
                         .OrderBy(f => f.Rel, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file.Rel + "\n"));
                hash.AppendData(File.ReadAllBytes(file.Full));
                hash.AppendData("\n"u8);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
