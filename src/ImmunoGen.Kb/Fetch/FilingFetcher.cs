using System.Globalization;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Fetch;

/// <summary>
/// Brings <c>content/raw</c> up to date with EDGAR: lists the company's filings, keeps those the options ask for,
/// and downloads each one whose accession number no raw file holds yet. A run that is interrupted leaves only
/// complete files behind, so running it again finishes the job.
/// </summary>
public sealed class FilingFetcher(EdgarClient client)
{
    private const long MaxCik = 9_999_999_999;

    public async Task<FetchResult> FetchAsync(FetchOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        if (Refusal(options) is { } refusal)
        {
            diagnostics.Add(refusal);
            return Result([], [], [], diagnostics);
        }

        var store = new ContentStore(options.ContentDirectory);
        var folderProblems = new List<Diagnostic>();
        using var folder = RawFilingFolder.Open(store.RawDirectory, store.Display, folderProblems);
        diagnostics.AddRange(folderProblems);
        if (folder is null)
        {
            return Result([], [], [], diagnostics);
        }

        var index = await client.GetFilingIndexAsync(options.Cik, options.Since, cancellationToken).ConfigureAwait(false);
        diagnostics.AddRange(index.Diagnostics);

        var forms = options.Forms.Select(f => f.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wanted = index.Filings
            .Where(f => forms.Contains(f.Form) && (options.Since is not { } since || f.FilingDate >= since))
            .DistinctBy(f => f.Accession)
            .OrderBy(f => f.FilingDate)
            .ThenBy(f => f.Accession.Value, StringComparer.Ordinal)
            .ToList();

        var downloaded = new List<FetchedFiling>();
        var present = new List<FetchedFiling>();
        var failed = new List<EdgarFiling>();
        foreach (var filing in wanted)
        {
            if (folder.Find(filing.Accession) is { } existing)
            {
                present.Add(new FetchedFiling(filing, store.Display(existing)));
                continue;
            }

            var destination = folder.PathFor(filing.Accession);
            var failure = await client.DownloadFullSubmissionAsync(options.Cik, filing.Accession, destination, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                diagnostics.Add(failure);
                failed.Add(filing);
                continue;
            }

            folder.Add(filing.Accession, destination);
            var fetched = new FetchedFiling(filing, store.Display(destination));
            downloaded.Add(fetched);
            options.OnDownloaded?.Invoke(fetched);
        }

        return Result(downloaded, present, failed, diagnostics);
    }

    private Diagnostic? Refusal(FetchOptions options)
    {
        if (EdgarUserAgent.Problem(client.Options.UserAgent) is { } userAgent)
        {
            return Diagnostic.Error(DiagnosticCodes.Fetch.NoUserAgent, "", userAgent);
        }

        if (options.Cik is <= 0 or > MaxCik)
        {
            return Diagnostic.Error(DiagnosticCodes.Fetch.BadOption, "", string.Create(CultureInfo.InvariantCulture, $"CIK {options.Cik} is not a 1- to 10-digit number"));
        }

        return options.Forms.Count == 0 || options.Forms.Any(string.IsNullOrWhiteSpace)
            ? Diagnostic.Error(DiagnosticCodes.Fetch.BadOption, "", "no form types to fetch (e.g. 8-K or 8-K,8-K/A)")
            : null;
    }

    private static FetchResult Result(List<FetchedFiling> downloaded, List<FetchedFiling> present, List<EdgarFiling> failed, DiagnosticBag diagnostics) =>
        new(downloaded, present, failed, diagnostics.ToSortedList());
}
