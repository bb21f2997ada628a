using System.Text;
using System.Text.Json;

namespace ImmunoGen.Kb.Import;

/// <summary>What the importer last wrote to one page: the page's bytes (by SHA-256) and the raw file it came from.</summary>
/// <param name="Page">Path of the page relative to the content folder (<c>filings/….md</c>).</param>
public sealed record ImportStateEntry(string Page, string Source, string SourceSha256, string Sha256);

/// <summary>
/// The import state file <c>content/filings/.imports.json</c>: for each generated page, the SHA-256 of the bytes the importer
/// wrote. A page whose bytes differ from that was edited by a person and is never overwritten. The file is sorted and has no
/// timestamps, so it is byte-identical when nothing changed and can be committed with the content.
/// <code>
/// {
///   "format": 1,
///   "pages": [
///     { "page": "filings/2006-10-04-….md", "source": "raw/000_….txt", "source_sha256": "…", "sha256": "…" }
///   ]
/// }
/// </code>
/// </summary>
public sealed record ImportState(IReadOnlyDictionary<string, ImportStateEntry> Pages)
{
    public const string FileName = ".imports.json";

    public static ImportState Empty { get; } = new(new Dictionary<string, ImportStateEntry>(StringComparer.Ordinal));

    /// <summary>Where the state of a content folder lives.</summary>
    public static string PathIn(string contentDir) => System.IO.Path.Combine(contentDir, "filings", FileName);

    /// <summary>Parses the state file; null when it is not valid (the caller then trusts no page).</summary>
    public static ImportState? Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("pages", out var pages) || pages.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var map = new Dictionary<string, ImportStateEntry>(StringComparer.Ordinal);
            foreach (var p in pages.EnumerateArray())
            {
                var page = Str(p, "page");
                var sha = Str(p, "sha256");
                if (page is null || sha is null)
                {
                    return null;
                }

                map[page] = new ImportStateEntry(page, Str(p, "source") ?? "", Str(p, "source_sha256") ?? "", sha);
            }

            return new ImportState(map);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", 1);
            w.WriteStartArray("pages");
            foreach (var e in Pages.Values.OrderBy(e => e.Page, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("page", e.Page);
                w.WriteString("source", e.Source);
                w.WriteString("source_sha256", e.SourceSha256);
                w.WriteString("sha256", e.Sha256);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
