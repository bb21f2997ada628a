using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// What the last build did, as its manifest records it, without the per-file fingerprints: the tool's identity, the
/// templates' hash, the site folder, and a snapshot of every file with the diagnostics the build reported. It is all a
/// build with nothing to do reads; the fingerprints (a 2 MB file at 10,000 filings) are read only when there is work.
/// </summary>
public record BuildSummary
{
    public const int FormatVersion = 1;

    public int Format { get; init; } = FormatVersion;

    /// <summary>The identity of the code that built the site (assembly module version id): a new tool means a full build.</summary>
    public string Tool { get; init; } = "";

    public string Templates { get; init; } = "";

    /// <summary>The site folder the outputs were written to: a build into another folder starts from nothing.</summary>
    public string Output { get; init; } = "";

    /// <summary><see cref="FileSnapshot"/> of the content, templates and site as the build left them.</summary>
    public string Snapshot { get; init; } = "";

    /// <summary>What the build reported: a build skipped because nothing changed reports it again, until it is dealt with.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Whether the build checked the site it wrote (a build asked to check cannot skip one that did not).</summary>
    public bool Checked { get; init; }

    /// <summary>How many files the site has.</summary>
    public int Files { get; init; }

    /// <summary>The last build's summary (its manifest's "outputs" are skipped unread), or null as for <see cref="BuildManifest.Load"/>.</summary>
    public static BuildSummary? Load(string cacheDirectory) => Read(cacheDirectory, BuildManifestJson.Default.BuildSummary);

    private protected static T? Read<T>(string cacheDirectory, JsonTypeInfo<T> type)
        where T : BuildSummary
    {
        var path = BuildManifest.FileIn(cacheDirectory);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var m = JsonSerializer.Deserialize(File.ReadAllBytes(path), type);
            return m is { Format: FormatVersion } ? m : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>
/// What the last build read and wrote, kept in the cache folder between builds: its <see cref="BuildSummary"/> and,
/// per site file, the fingerprint of everything it was rendered from. A build whose tool, templates or site folder
/// differ from the manifest's ignores the fingerprints and renders everything.
/// </summary>
public sealed record BuildManifest : BuildSummary
{
    /// <summary>Site file (relative to the site root) → fingerprint of its inputs.</summary>
    public SortedDictionary<string, string> Outputs { get; init; } = new(StringComparer.Ordinal);

    public static string FileIn(string cacheDirectory) => Path.Combine(cacheDirectory, "build-manifest.json");

    /// <summary>The manifest of the last build, or null when there is none or it cannot be read (then the build is a full one).</summary>
    public static new BuildManifest? Load(string cacheDirectory) => Read(cacheDirectory, BuildManifestJson.Default.BuildManifest);

    /// <summary>Writes the manifest; returns the reason when it cannot (the next build is then a full one).</summary>
    public string? Save(string cacheDirectory)
    {
        try
        {
            Content.AtomicFile.WriteIfChanged(FileIn(cacheDirectory), JsonSerializer.SerializeToUtf8Bytes(this, BuildManifestJson.Default.BuildManifest));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    /// <summary>The identity of the running tool: changes whenever its code changes (deterministic builds keep it stable otherwise).</summary>
    public static string ToolIdentity() =>
        typeof(BuildManifest).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}

// Generated at compile time: a build with nothing to do reads the manifest and stops, and building the serializer's
// metadata by reflection was a good part of that.
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BuildManifest))]
[JsonSerializable(typeof(BuildSummary))]
internal sealed partial class BuildManifestJson : JsonSerializerContext;
