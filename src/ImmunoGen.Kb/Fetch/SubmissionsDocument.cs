using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Fetch;

/// <summary>A page of older filings that the submissions API lists under <c>filings.files</c>.</summary>
/// <param name="Name">The page's file name, <c>CIK0000855654-submissions-001.json</c>.</param>
/// <param name="FilingTo">The newest filing date on the page, when given; lets <c>--since</c> skip pages entirely.</param>
internal sealed record OlderSubmissionsPage(string Name, DateOnly? FilingTo);

/// <summary>What one submissions JSON document says: the company name, its filings, and where older ones are.</summary>
internal sealed record SubmissionsPage(string? CompanyName, IReadOnlyList<EdgarFiling> Filings, IReadOnlyList<OlderSubmissionsPage> OlderPages);

/// <summary>
/// Reads EDGAR's submissions JSON. The main document keeps its filings as column arrays under <c>filings.recent</c>
/// and lists older pages under <c>filings.files</c>; an older page has the same column arrays at its top level.
/// Bad input gives diagnostics, never an exception.
/// </summary>
internal static partial class SubmissionsDocument
{
    private const string AccessionColumn = "accessionNumber";
    private const string FilingDateColumn = "filingDate";
    private const string ReportDateColumn = "reportDate";
    private const string FormColumn = "form";
    private const string PrimaryDocumentColumn = "primaryDocument";

    /// <summary>Reads the company's main document (<c>CIK##########.json</c>).</summary>
    public static SubmissionsPage? ReadMain(ReadOnlySpan<byte> json, string source, List<Diagnostic> diagnostics)
    {
        using var document = Parse(json, source, diagnostics);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("filings", out var filings) || filings.ValueKind != JsonValueKind.Object
            || !filings.TryGetProperty("recent", out var recent))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, source, "not an EDGAR submissions document: no filings.recent"));
            return null;
        }

        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var rows = ReadColumns(recent, source, diagnostics);
        var older = filings.TryGetProperty("files", out var files) ? ReadOlderPages(files, source, diagnostics) : [];
        return new SubmissionsPage(name, rows, older);
    }

    /// <summary>Reads one older page (<c>CIK##########-submissions-###.json</c>).</summary>
    public static IReadOnlyList<EdgarFiling>? ReadOlder(ReadOnlySpan<byte> json, string source, List<Diagnostic> diagnostics)
    {
        using var document = Parse(json, source, diagnostics);
        return document is null ? null : ReadColumns(document.RootElement, source, diagnostics);
    }

    private static JsonDocument? Parse(ReadOnlySpan<byte> json, string source, List<Diagnostic> diagnostics)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : 0;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, source, $"not valid JSON: {e.Message}", line));
            return null;
        }
    }

    private static List<EdgarFiling> ReadColumns(JsonElement table, string source, List<Diagnostic> diagnostics)
    {
        if (table.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, source, "the filing table is not an object of column arrays"));
            return [];
        }

        var accessions = Column(table, AccessionColumn, source, diagnostics, required: true);
        var filingDates = Column(table, FilingDateColumn, source, diagnostics, required: true);
        var forms = Column(table, FormColumn, source, diagnostics, required: true);
        var reportDates = Column(table, ReportDateColumn, source, diagnostics, required: false);
        var primaryDocuments = Column(table, PrimaryDocumentColumn, source, diagnostics, required: false);
        if (accessions is null || filingDates is null || forms is null)
        {
            return [];
        }

        if (accessions.Count != filingDates.Count || accessions.Count != forms.Count)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, source,
                $"column arrays differ in length ({AccessionColumn} {accessions.Count}, {FilingDateColumn} {filingDates.Count}, {FormColumn} {forms.Count})"));
            return [];
        }

        var rows = new List<EdgarFiling>(accessions.Count);
        for (var i = 0; i < accessions.Count; i++)
        {
            if (!AccessionNumber.TryParse(accessions[i], out var accession))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, source, $"row {i}: \"{accessions[i]}\" is not an accession number"));
                continue;
            }

            if (ReadDate(filingDates[i]) is not { } filed)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, source, $"row {i} ({accession}): filing date \"{filingDates[i]}\" is not YYYY-MM-DD"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(forms[i]))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, source, $"row {i} ({accession}): no form type"));
                continue;
            }

            rows.Add(new EdgarFiling(accession, forms[i]!.Trim(), filed, ReadDate(At(reportDates, i)), NullIfEmpty(At(primaryDocuments, i))));
        }

        return rows;
    }

    private static List<OlderSubmissionsPage> ReadOlderPages(JsonElement files, string source, List<Diagnostic> diagnostics)
    {
        var pages = new List<OlderSubmissionsPage>();
        if (files.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, source, "filings.files is not an array"));
            return pages;
        }

        foreach (var file in files.EnumerateArray())
        {
            var name = file.ValueKind == JsonValueKind.Object && file.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()
                : null;

            // The name becomes part of a request path, so only EDGAR's own page naming is followed.
            if (name is null || !OlderPageName().IsMatch(name))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, source, $"filings.files lists a page named \"{name}\", not CIK##########-submissions-###.json"));
                continue;
            }

            var filingTo = file.TryGetProperty("filingTo", out var to) && to.ValueKind == JsonValueKind.String ? ReadDate(to.GetString()) : null;
            pages.Add(new OlderSubmissionsPage(name, filingTo));
        }

        return pages;
    }

    private static List<string?>? Column(JsonElement table, string name, string source, List<Diagnostic> diagnostics, bool required)
    {
        if (!table.TryGetProperty(name, out var column) || column.ValueKind != JsonValueKind.Array)
        {
            if (required)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.BadResponse, source, $"the filing table has no \"{name}\" array"));
            }

            return null;
        }

        var values = new List<string?>(column.GetArrayLength());
        foreach (var cell in column.EnumerateArray())
        {
            values.Add(cell.ValueKind == JsonValueKind.String ? cell.GetString() : null);
        }

        return values;
    }

    private static string? At(List<string?>? column, int i) => column is not null && i < column.Count ? column[i] : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ReadDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [GeneratedRegex(@"^CIK[0-9]{10}-submissions-[0-9]{3,}\.json\z")]
    private static partial Regex OlderPageName();
}
