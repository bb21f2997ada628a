using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Fetch;

/// <summary>What <see cref="FilingFetcher.FetchAsync"/> fetches and where it puts it.</summary>
public sealed record FetchOptions
{
    /// <summary>The form types fetched when none are named: the knowledge base is built from 8-Ks.</summary>
    public static readonly IReadOnlyList<string> DefaultForms = ["8-K"];

    /// <summary>The company's Central Index Key (ImmunoGen is 855654).</summary>
    public required long Cik { get; init; }

    /// <summary>The content folder; submissions land in its <c>raw/</c> folder.</summary>
    public string ContentDirectory { get; init; } = "content";

    /// <summary>Only filings whose EDGAR filing date is on or after this day.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Form types to fetch, matched exactly (ignoring case): <c>8-K</c> does not take in <c>8-K/A</c> unless both are named.</summary>
    public IReadOnlyList<string> Forms { get; init; } = DefaultForms;

    /// <summary>Told about each filing as soon as it is in place, so a long run can show progress.</summary>
    public Action<FetchedFiling>? OnDownloaded { get; init; }
}

/// <summary>A filing and the raw file that holds it.</summary>
/// <param name="Filing">The filing as EDGAR's index lists it.</param>
/// <param name="Path">The file under <c>content/raw</c>, as users see it (relative to the working directory where possible).</param>
public sealed record FetchedFiling(EdgarFiling Filing, string Path);

/// <summary>The outcome of one fetch. Each list is in filing order (filing date, then accession number).</summary>
/// <param name="Downloaded">Filings fetched by this run.</param>
/// <param name="AlreadyPresent">Wanted filings that <c>content/raw</c> already held, under whatever file name.</param>
/// <param name="Failed">Wanted filings that could not be fetched; each has a diagnostic.</param>
/// <param name="Diagnostics">Every problem, sorted; errors make <c>kb fetch</c> exit with 1.</param>
public sealed record FetchResult(
    IReadOnlyList<FetchedFiling> Downloaded,
    IReadOnlyList<FetchedFiling> AlreadyPresent,
    IReadOnlyList<EdgarFiling> Failed,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Failed.Count > 0 || Diagnostics.Any(d => d.IsError);

    /// <summary><c>fetched 2 new filings (2 already present, 0 failed)</c>.</summary>
    public string Summary => $"fetched {Downloaded.Count} new filings ({AlreadyPresent.Count} already present, {Failed.Count} failed)";
}
