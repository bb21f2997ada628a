using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Build;

/// <summary>What a build did, in numbers a person or a CI log can read.</summary>
/// <param name="FilingsImported">Filing pages written or rewritten from raw filings.</param>
/// <param name="EntitiesDiscovered">Stub entity pages created for entities that had none.</param>
/// <param name="PagesRendered">Output files rendered this build (the rest were known to be unchanged).</param>
/// <param name="FilesWritten">Output files whose bytes changed and were written.</param>
/// <param name="FilesUnchanged">Output files that already held the right bytes.</param>
/// <param name="FilesDeleted">Output files no input produces any more.</param>
public sealed record BuildCounts(
    int FilingsImported,
    int EntitiesDiscovered,
    int PagesRendered,
    int FilesWritten,
    int FilesUnchanged,
    int FilesDeleted);

/// <summary>The result of <see cref="SiteBuilder.Build"/>: counts, time per stage, and every diagnostic in a stable order.</summary>
/// <param name="WasIncremental">True when the last build's manifest applied (same tool, templates and output folder).</param>
public sealed record BuildResult(BuildCounts Counts, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<StageTiming> Timings, bool WasIncremental)
{
    /// <summary>The site files rendered by this build, in path order (the rest were known to be unchanged).</summary>
    public IReadOnlyList<string> Rendered { get; init; } = [];

    /// <summary>True when nothing changed since the last build: no stage ran, and its diagnostics are reported again.</summary>
    public bool UpToDate { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>How long one pipeline stage took.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed);
