namespace ImmunoGen.Kb.Fetch;

/// <summary>One row of a company's EDGAR filing index (the submissions API's column arrays, zipped).</summary>
/// <param name="Accession">The submission's accession number.</param>
/// <param name="Form">The form type exactly as EDGAR lists it: <c>8-K</c>, <c>8-K/A</c>, <c>10-Q</c>.</param>
/// <param name="FilingDate">The day EDGAR accepted it.</param>
/// <param name="ReportDate">The period of report, when EDGAR lists one.</param>
/// <param name="PrimaryDocument">The main document's file name inside the submission, when listed.</param>
public sealed record EdgarFiling(AccessionNumber Accession, string Form, DateOnly FilingDate, DateOnly? ReportDate, string? PrimaryDocument);

/// <summary>Every filing EDGAR lists for a company, across the recent block and the older pages that were read.</summary>
/// <param name="CompanyName">The conformed name EDGAR gives, when the index was read at all.</param>
/// <param name="Filings">Filings in index order, newest first as EDGAR sends them.</param>
/// <param name="Diagnostics">Pages that could not be fetched or read; the filings from the other pages are still listed.</param>
public sealed record FilingIndex(string? CompanyName, IReadOnlyList<EdgarFiling> Filings, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics);
