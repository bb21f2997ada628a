using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Import;

/// <summary>One raw file read and parsed: its SHA-256 (null when it could not be read), the filing, and what was wrong.</summary>
/// <param name="Rel">The raw file relative to the content folder, with <c>/</c>: <c>raw/001_x.txt</c>.</param>
/// <param name="Shown">The path its diagnostics print.</param>
public sealed record RawParse(string Rel, string Shown, string? Sha, ParsedFiling? Filing, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Parses kept from an earlier run. Parsing depends only on the raw bytes and the path diagnostics print, so a file
/// with the same path, display path and SHA-256 parses the same and need not be parsed again.
/// </summary>
public interface IParseCache
{
    /// <summary>The parse of this raw file as it was stored for these exact bytes and paths, or null.</summary>
    RawParse? Find(string rawPath, string shown, string sha256);

    /// <summary>Remembers a parse just made (called from many threads at once).</summary>
    void Add(RawParse parse);
}

/// <summary>
/// The SHA-256 of each page as an earlier run generated it, kept by what it was generated from (the raw bytes and, through
/// the caller's key, the enrichment), so that <see cref="FilingImporter.Write"/> can tell a page on disk is the one it
/// would generate without generating it again.
/// </summary>
public interface IGeneratedPageCache
{
    /// <summary>The SHA-256 of the page generated from this filing with the same enrichment, or null.</summary>
    string? Find(ImportedFiling filing);

    /// <summary>Remembers the page just generated or found (called from many threads at once).</summary>
    void Add(ImportedFiling filing, string pageSha256);
}
