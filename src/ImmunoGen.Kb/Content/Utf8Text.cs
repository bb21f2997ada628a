using System.Text;

namespace ImmunoGen.Kb.Content;

/// <summary>
/// An immutable text held as its UTF-8 bytes, for text held for every filing at once: the imported bodies through
/// Extract (107 MiB as strings at 10,000 filings) and the searchable text in the Search stage (76 MiB). Filings are
/// mostly ASCII, so this halves them, and caches and the index writer copy the bytes without transcoding. Compared by
/// content.
/// </summary>
public sealed class Utf8Text : IEquatable<Utf8Text>
{
    // A lone surrogate (from a damaged source file) becomes U+FFFD rather than failing the build.
    private static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false);
    private readonly byte[] _bytes;

    public Utf8Text(string text) => _bytes = Encoding.GetBytes(text);

    private Utf8Text(byte[] bytes) => _bytes = bytes;

    public static Utf8Text Empty { get; } = new([]);

    /// <summary>The text of UTF-8 bytes the caller no longer changes (a cache entry just read).</summary>
    /// <exception cref="ArgumentException">The bytes are not valid UTF-8.</exception>
    public static Utf8Text FromUtf8(byte[] bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) ? new Utf8Text(bytes) : throw new ArgumentException("not valid UTF-8", nameof(bytes));

    public ReadOnlySpan<byte> Bytes => _bytes;

    public bool IsEmpty => _bytes.Length == 0;

    public static implicit operator Utf8Text(string text) => new(text);

    public override string ToString() => Encoding.GetString(_bytes);

    public bool Equals(Utf8Text? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as Utf8Text);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
