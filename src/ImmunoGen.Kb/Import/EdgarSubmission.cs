using System.Globalization;
using System.Text.RegularExpressions;

namespace ImmunoGen.Kb.Import;

/// <summary>The facts of an EDGAR <c>&lt;SEC-HEADER&gt;</c>. Each is null when the header does not state it.</summary>
public sealed record EdgarHeader(
    string? AccessionNumber,
    string? FormType,
    DateOnly? FiledDate,
    DateOnly? PeriodOfReport,
    string? Cik,
    string? CompanyName,
    string? FileNumber);

/// <summary>One <c>&lt;DOCUMENT&gt;</c> of a submission, its text already turned from HTML into plain text.</summary>
/// <param name="TextLine">1-based line in the submission where the document's text starts (0 when it came from HTML).</param>
public sealed record EdgarDocument(string Type, string? FileName, string? Description, string Text, int TextLine);

/// <summary>
/// An EDGAR full submission (<c>.txt</c>): the SEC header and the documents that carry words.
/// uuencoded parts, XBRL schemas and linkbases, graphics, spreadsheets, zips and PDFs are skipped.
/// </summary>
public sealed partial record EdgarSubmission(EdgarHeader Header, IReadOnlyList<EdgarDocument> Documents)
{
    private static readonly string[] SkippedTypePrefixes = ["GRAPHIC", "ZIP", "EXCEL", "XML", "JSON", "PDF", "EX-101", "EX-104", "XBRL", "COVER", "ZIP"];

    /// <summary>True when the text is an SGML submission (has a SEC header or a DOCUMENT part) rather than a plain filing.</summary>
    public static bool LooksLike(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 8192));
        return head.Contains("<SEC-HEADER>", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<SEC-DOCUMENT>", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<IMS-HEADER>", StringComparison.OrdinalIgnoreCase)
            || (head.Contains("<DOCUMENT>", StringComparison.OrdinalIgnoreCase) && head.Contains("<TYPE>", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Parses a submission; null when the text has neither a header nor a document part.</summary>
    public static EdgarSubmission? TryParse(string text)
    {
        if (!LooksLike(text))
        {
            return null;
        }

        var header = ParseHeader(text);
        var documents = new List<EdgarDocument>();
        foreach (Match m in DocumentRegex().Matches(text))
        {
            if (ParseDocument(text, m) is { } doc)
            {
                documents.Add(doc);
            }
        }

        return new EdgarSubmission(header, documents);
    }

    /// <summary>The report itself: the first document whose type is the form (8-K, 8-K/A…), else the first 8-K-like one.</summary>
    public EdgarDocument? MainDocument =>
        Documents.FirstOrDefault(d => Header.FormType is { } f && string.Equals(d.Type, f, StringComparison.OrdinalIgnoreCase))
        ?? Documents.FirstOrDefault(d => d.Type.StartsWith("8-K", StringComparison.OrdinalIgnoreCase));

    /// <summary>EX-99 exhibits (press releases and other announcements), in submission order.</summary>
    public IEnumerable<EdgarDocument> PressReleases =>
        Documents.Where(d => d.Type.StartsWith("EX-99", StringComparison.OrdinalIgnoreCase));

    private static EdgarHeader ParseHeader(string text)
    {
        var start = text.IndexOf("<SEC-HEADER>", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            start = text.IndexOf("<IMS-HEADER>", StringComparison.OrdinalIgnoreCase);
        }

        if (start < 0)
        {
            return new EdgarHeader(null, null, null, null, null, null, null);
        }

        var end = text.IndexOf("</SEC-HEADER>", start, StringComparison.OrdinalIgnoreCase);
        if (end < 0)
        {
            end = text.IndexOf("<DOCUMENT>", start, StringComparison.OrdinalIgnoreCase);
        }

        var block = end < 0 ? text[start..] : text[start..end];
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in HeaderLineRegex().Matches(block))
        {
            // The first filer is the registrant; later FILER/SUBJECT COMPANY blocks repeat the keys.
            fields.TryAdd(m.Groups["key"].Value.Trim(), m.Groups["value"].Value.Trim());
        }

        return new EdgarHeader(
            Get("ACCESSION NUMBER"),
            Get("CONFORMED SUBMISSION TYPE") ?? Get("FORM TYPE"),
            Date(Get("FILED AS OF DATE")),
            Date(Get("CONFORMED PERIOD OF REPORT")),
            Get("CENTRAL INDEX KEY"),
            Get("COMPANY CONFORMED NAME"),
            Get("SEC FILE NUMBER"));

        string? Get(string key) => fields.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
    }

    private static DateOnly? Date(string? yyyymmdd) =>
        yyyymmdd is not null && DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static EdgarDocument? ParseDocument(string text, Match m)
    {
        var body = m.Groups["body"];
        var part = body.Value;
        var type = Tag(part, "TYPE");
        if (type is null || SkippedTypePrefixes.Any(p => type.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var textMatch = TextRegex().Match(part);
        if (!textMatch.Success)
        {
            return null;
        }

        var content = textMatch.Groups["text"].Value;
        var trimmed = content.TrimStart();
        if (trimmed.StartsWith("begin ", StringComparison.Ordinal) && UuencodeRegex().IsMatch(trimmed[..Math.Min(trimmed.Length, 200)]))
        {
            return null;
        }

        // Inline XBRL and PDF parts are wrapped in <XBRL>…</XBRL> / <PDF>…</PDF> inside <TEXT>.
        content = WrapperRegex().Replace(content, "");
        var fileName = Tag(part, "FILENAME");
        var isHtml = fileName is not null && (fileName.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            || HtmlText.LooksLikeHtml(content);
        var line = 0;
        if (isHtml)
        {
            content = HtmlText.ToText(content);
        }
        else
        {
            var offset = body.Index + textMatch.Groups["text"].Index;
            line = 1 + CountNewlines(text, offset);
        }

        return new EdgarDocument(type, fileName, Tag(part, "DESCRIPTION"), content, line);
    }

    private static int CountNewlines(string text, int end)
    {
        var n = 0;
        foreach (var c in text.AsSpan(0, end))
        {
            if (c == '\n')
            {
                n++;
            }
        }

        return n;
    }

    private static string? Tag(string part, string name)
    {
        var m = Regex.Match(part, $@"^[ \t]*<{name}>[ \t]*(?<v>[^\n<]*)", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return m.Success && m.Groups["v"].Value.Trim() is { Length: > 0 } v ? v : null;
    }

    [GeneratedRegex(@"^[ \t]*(?<key>[A-Z][A-Z0-9 \-/]*?):[ \t]*(?<value>[^\n]*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLineRegex();

    [GeneratedRegex(@"<DOCUMENT>(?<body>.*?)(?:</DOCUMENT>|(?=<DOCUMENT>)|\z)", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DocumentRegex();

    [GeneratedRegex(@"<TEXT>\n?(?<text>.*?)(?:</TEXT>|\z)", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TextRegex();

    [GeneratedRegex(@"</?(?:XBRL|PDF)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrapperRegex();

    [GeneratedRegex(@"^begin [0-7]{3,4} \S", RegexOptions.CultureInvariant)]
    private static partial Regex UuencodeRegex();
}
