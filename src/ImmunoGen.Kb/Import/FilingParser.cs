using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Import;

/// <summary>
/// Reads one 8-K filing — plain text, HTML, or an EDGAR full submission — into front-matter facts and a clean Markdown body.
/// The rules are general (any item numbers, old and new cover layouts, press releases with or without contacts);
/// a fact the filing does not state is left out. Bad input gives error diagnostics and no filing, never an exception.
/// </summary>
public static partial class FilingParser
{
    /// <summary>Parses decoded filing text (see <see cref="RawFilingReader"/>). <paramref name="displayPath"/> names the file in diagnostics.</summary>
    public static (ParsedFiling? Filing, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, string displayPath)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            var normalized = RawFilingReader.NormalizeLineEndings(text);
            var filing = ParseCore(normalized, displayPath, diagnostics);
            ExplainTruncation(normalized, displayPath, diagnostics);
            return (diagnostics.Any(d => d.IsError) ? null : filing, diagnostics);
        }
        catch (RegexMatchTimeoutException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.NotAFiling, displayPath, "text too irregular to parse (pattern match timed out)"));
            return (null, diagnostics);
        }
    }

    // A cut-off download fails for want of whatever was cut off (title, date, the 8-K document); saying "no title"
    // would send the reader looking for a headline, so a recognized filing that lacks them and stops mid-sentence
    // gets one error that says the file stops mid-way.
    // An EDGAR submission always closes with </SEC-DOCUMENT>: without it the file is cut off even when what is left parses.
    private static void ExplainTruncation(string text, string path, List<Diagnostic> diagnostics)
    {
        string[] missingPart = [DiagnosticCodes.Import.NoTitle, DiagnosticCodes.Import.NoDate, DiagnosticCodes.Import.NotAFiling, DiagnosticCodes.Import.NoFilingDocument];
        string? why = null;
        if (text.Contains("<SEC-DOCUMENT>", StringComparison.OrdinalIgnoreCase) && !text.Contains("</SEC-DOCUMENT>", StringComparison.OrdinalIgnoreCase))
        {
            why = "EDGAR submission has no closing </SEC-DOCUMENT>";
        }
        else if (diagnostics.Any(d => d.Code is DiagnosticCodes.Import.NoTitle or DiagnosticCodes.Import.NoDate) && text.Length > 0 && text[^1] != '\n' && char.IsLetterOrDigit(text[^1]))
        {
            why = "the last line stops mid-sentence with no line end";
        }

        if (why is not null)
        {
            diagnostics.RemoveAll(d => missingPart.Contains(d.Code));
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.Truncated, path, $"file ends mid-way (a cut-off download?): {why}", 1 + text.AsSpan().TrimEnd().Count('\n')));
        }
    }

    private static ParsedFiling? ParseCore(string text, string path, List<Diagnostic> diagnostics)
    {
        EdgarHeader? header = null;
        List<FilingLine> report;
        var releaseTexts = new List<(List<FilingLine> Lines, string? Label)>();
        var documentExhibits = new List<Exhibit>();
        if (EdgarSubmission.LooksLike(text))
        {
            var submission = EdgarSubmission.TryParse(text)!;
            header = submission.Header;
            if (submission.MainDocument is not { } main)
            {
                var form = header.FormType is { } f ? $"form {f}" : "no form type";
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.NoFilingDocument, path, $"EDGAR submission ({form}) has no 8-K document"));
                return null;
            }

            report = FilingLines.Split(main.Text, main.TextLine);
            foreach (var doc in submission.PressReleases)
            {
                releaseTexts.Add((FilingLines.Split(doc.Text, doc.TextLine), $"Exhibit {doc.Type["EX-".Length..]}" + (doc.Description is { } d ? " " + Tidy(d) : "")));
                documentExhibits.Add(new Exhibit(doc.Type["EX-".Length..], doc.Description is { } desc ? Tidy(desc) : null));
            }
        }
        else
        {
            report = HtmlText.LooksLikeHtml(text) ? FilingLines.Split(HtmlText.ToText(text), 0) : FilingLines.Split(text, 1);
        }

        // A press release may follow the report in the same text (always so in plain-text extractions).
        var releaseStart = FindReleaseStart(report);
        if (releaseStart < report.Count)
        {
            releaseTexts.Insert(0, (report[releaseStart..], null));
            report = report[..releaseStart];
        }

        var sections = Sectionize(report, out var cover);
        var releases = releaseTexts.Select(r => ReadRelease(r.Lines, r.Label)).Where(r => r.Blocks.Count > 0 || r.Headline is not null).ToList();
        var recognized = cover.Count > 0 || sections.Any(s => s.Kind == SectionKind.Item) || releases.Any(r => r.Date is not null) || header?.FormType is not null;
        if (!recognized)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.NotAFiling, path, "no recognizable filing: no cover page, no ITEM headings and no press-release dateline"));
            return null;
        }

        var coverFacts = ReadCover(cover, path, diagnostics);
        var signature = ReadSignatures(sections, path, diagnostics);
        var release = releases.FirstOrDefault(r => r.Date is not null) ?? releases.FirstOrDefault(r => r.Headline is not null);
        var pressDate = release?.Date is { } rd ? CheckDate(rd, release.DateLine, "press-release dateline", path, diagnostics) : null;
        var items = sections.Where(s => s.Kind == SectionKind.Item).GroupBy(s => s.Number).Select(g => new FilingItem(g.Key!, g.First().Title)).ToList();
        var exhibits = MergeExhibits(ReadExhibits(sections), documentExhibits);

        var eventDate = coverFacts.EventDate ?? pressDate ?? header?.PeriodOfReport;
        var impossible = diagnostics.Any(d => d.Code == DiagnosticCodes.Import.ImpossibleDate);
        if (eventDate is null && !impossible)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.NoDate, path, "no date found: no 'Date of Report' on a cover page and no press-release dateline"));
        }

        // Without a press release the filing's own words name it: its first item that is not the exhibit list.
        var title = release?.Headline
            ?? items.FirstOrDefault(i => !IsExhibitsItem(i.Number, i.Title) && i.Title is not null)?.Title
            ?? items.FirstOrDefault(i => i.Title is not null)?.Title;
        if (title is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.NoTitle, path, "no title found: no press-release headline and no item title"));
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return null;
        }

        var meta = new FilingFrontMatter
        {
            Title = title,
            Form = coverFacts.Form ?? header?.FormType ?? FormFromText(sections),
            Company = coverFacts.Company ?? signature.Registrant ?? header?.CompanyName,
            FileNumber = coverFacts.FileNumber ?? header?.FileNumber,
            EventDate = eventDate,
            PressReleaseDate = pressDate,
            SignedDate = signature.Date,
            AccessionNumber = header?.AccessionNumber,
            FiledDate = header?.FiledDate,
            Cik = header?.Cik,
            Items = items,
            Exhibits = exhibits,
            Signatories = signature.Signatories,
        };
        return new ParsedFiling(meta, WriteBody(sections, releases));
    }

    // ---- report: cover, items, signatures, exhibit index ----------------------------------------------------------

    private enum SectionKind
    {
        Preamble,
        Item,
        Signatures,
        ExhibitIndex,
    }

    private sealed record Section(SectionKind Kind, string? Number, string? Title, List<FilingLine> Lines)
    {
        public bool ListsExhibits => Kind == SectionKind.ExhibitIndex || (Kind == SectionKind.Item && IsExhibitsItem(Number, Title));
    }

    private static bool IsExhibitsItem(string? number, string? title) =>
        number is "9.01" or "7" || (title?.Contains("Exhibits", StringComparison.OrdinalIgnoreCase) ?? false);

    private static List<Section> Sectionize(List<FilingLine> lines, out List<FilingLine> cover)
    {
        var sections = new List<Section>();
        var current = new Section(SectionKind.Preamble, null, null, []);
        sections.Add(current);
        for (var i = 0; i < lines.Count; i++)
        {
            var flat = lines[i].Flat;
            if (FilingLines.ItemHeading(flat) is { Success: true } item && item.Groups["title"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 40)
            {
                var (title, rest) = SplitItemTitle(item.Groups["title"].Value);
                if (title is null && NextNonBlank(lines, i) is { } n && LooksLikeItemTitle(lines[n].Flat))
                {
                    title = ItemTitle(lines[n].Flat);
                    lines[n] = new FilingLine("", lines[n].Number);
                }

                current = new Section(SectionKind.Item, NormalizeItemNumber(item.Groups["num"].Value), title, []);
                if (rest is not null)
                {
                    current.Lines.Add(new FilingLine(rest, lines[i].Number));
                }

                sections.Add(current);
            }
            else if (FilingLines.IsSignaturesHeading(flat))
            {
                current = new Section(SectionKind.Signatures, null, null, []);
                sections.Add(current);
            }
            else if (FilingLines.IsExhibitIndexHeading(flat))
            {
                current = new Section(SectionKind.ExhibitIndex, null, null, []);
                sections.Add(current);
            }
            else
            {
                current.Lines.Add(lines[i]);
            }
        }

        var preamble = sections[0];
        cover = [];
        if (preamble.Lines.Any(l => FilingLines.IsCoverIndicator(l.Flat)))
        {
            cover = preamble.Lines;
            sections.RemoveAt(0);
        }
        else if (preamble.Lines.All(l => l.IsBlank))
        {
            sections.RemoveAt(0);
        }

        return sections;
    }

    private static int? NextNonBlank(List<FilingLine> lines, int i)
    {
        for (var k = i + 1; k < lines.Count && k <= i + 3; k++)
        {
            if (!lines[k].IsBlank)
            {
                return k;
            }
        }

        return null;
    }

    private static bool LooksLikeHeadingText(string flat)
    {
        var words = flat.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 10 && char.IsUpper(flat[0]) && !flat.EndsWith(',') && !FilingLines.ItemHeading(flat).Success
            && words.Count(w => char.IsUpper(w[0])) * 2 >= words.Length && !SentenceEndRegex().IsMatch(flat[..^1]);
    }

    /// <summary>An item title on the line after "Item 5.02.": capitalized words, at most a long heading's length.</summary>
    private static bool LooksLikeItemTitle(string flat)
    {
        var words = flat.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var content = words.Where(w => !SmallWords.Contains(w)).ToList();
        return words.Length is > 0 and <= 30 && char.IsUpper(flat[0]) && !FilingLines.ItemHeading(flat).Success
            && content.Count(w => char.IsUpper(w[0]) || !char.IsLetter(w[0])) * 4 >= content.Count * 3
            && !SentenceEndRegex().IsMatch(flat);
    }

    private static (string? Title, string? Remainder) SplitItemTitle(string raw)
    {
        var t = raw.Trim();
        if (t.Length == 0)
        {
            return (null, null);
        }

        // "Item 5. Other Events. On January 3, 2001, …": the heading runs to the first sentence end.
        var m = SentenceEndRegex().Match(t);
        if (m.Success && t[..m.Index].Split(' ').Length <= 10)
        {
            return (ItemTitle(t[..m.Index]), t[(m.Index + m.Length)..].Trim());
        }

        return (ItemTitle(t), null);
    }

    private static string? ItemTitle(string raw)
    {
        var t = raw.Trim().TrimEnd('.', ':', ';', ' ').Trim();
        if (t.Length == 0)
        {
            return null;
        }

        return t.Any(char.IsLower) ? t : TitleCase(t);
    }

    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "the", "to", "under", "upon", "with",
    };

    /// <summary>"FINANCIAL STATEMENTS AND EXHIBITS" → "Financial Statements and Exhibits": the words kept, the shouting dropped.</summary>
    internal static string TitleCase(string upper)
    {
        var words = upper.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && SmallWords.Contains(words[i]))
            {
                continue;
            }

            var w = words[i].ToCharArray();
            var first = Array.FindIndex(w, char.IsLetter);
            if (first >= 0)
            {
                w[first] = char.ToUpperInvariant(w[first]);
            }

            // Capitalize after a hyphen or slash too ("Off-Balance", "Audit/Review").
            for (var k = 1; k < w.Length; k++)
            {
                if (w[k - 1] is '-' or '/' && char.IsLetter(w[k]))
                {
                    w[k] = char.ToUpperInvariant(w[k]);
                }
            }

            words[i] = new string(w);
        }

        return string.Join(' ', words);
    }

    private static string NormalizeItemNumber(string number)
    {
        var parts = number.Split('.');
        return parts.Length == 2 && parts[1].Length == 1 ? $"{parts[0]}.{parts[1]}0" : number;
    }

    private sealed record CoverFacts(string? Form, string? Company, string? FileNumber, DateOnly? EventDate);

    private static CoverFacts ReadCover(List<FilingLine> cover, string path, List<Diagnostic> diagnostics)
    {
        string? form = null, company = null, fileNumber = null;
        DateOnly? eventDate = null;
        var nonBlank = cover.Where(l => !l.IsBlank).ToList();
        for (var i = 0; i < nonBlank.Count; i++)
        {
            var flat = nonBlank[i].Flat;
            if (form is null && FilingLines.FormLine(flat) is { Success: true } f)
            {
                form = f.Groups["form"].Value.ToUpperInvariant();
            }

            if (eventDate is null && flat.Contains("Date of Report", StringComparison.OrdinalIgnoreCase)
                || (eventDate is null && flat.Contains("earliest event reported", StringComparison.OrdinalIgnoreCase)))
            {
                for (var k = i; k < Math.Min(nonBlank.Count, i + 4) && eventDate is null; k++)
                {
                    if (FilingDates.FindFirst(nonBlank[k].Flat) is { } found)
                    {
                        eventDate = CheckDate(found, nonBlank[k].Number, "cover-page 'Date of Report'", path, diagnostics);
                        break;
                    }
                }
            }

            var exact = flat.IndexOf("(Exact name of registrant", StringComparison.OrdinalIgnoreCase);
            if (company is null && exact >= 0)
            {
                var before = flat[..exact].Trim();
                company = before.Length > 0 ? before : i > 0 ? nonBlank[i - 1].Flat : null;
                company = company is { Length: > 0 and < 120 } ? Tidy(company) : null;
            }

            if (fileNumber is null && flat.Contains("Commission", StringComparison.OrdinalIgnoreCase)
                && (flat.Contains("File", StringComparison.OrdinalIgnoreCase) || (i + 1 < nonBlank.Count && nonBlank[i + 1].Flat.Contains("File", StringComparison.OrdinalIgnoreCase))))
            {
                for (var k = i; k >= Math.Max(0, i - 4) && fileNumber is null; k--)
                {
                    if (FilingLines.FileNumber(nonBlank[k].Flat) is { Success: true } fn)
                    {
                        fileNumber = fn.Groups["num"].Value;
                    }
                }
            }
        }

        return new CoverFacts(form, company, fileNumber, eventDate);
    }

    private static DateOnly? CheckDate(FilingDates.Found found, int line, string what, string path, List<Diagnostic> diagnostics)
    {
        if (found.Value is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Import.ImpossibleDate, path, $"impossible date '{found.Text}' in the {what}", line));
        }

        return found.Value;
    }

    private sealed record SignatureFacts(DateOnly? Date, IReadOnlyList<Signatory> Signatories, string? Registrant);

    private static SignatureFacts ReadSignatures(List<Section> sections, string path, List<Diagnostic> diagnostics)
    {
        DateOnly? date = null;
        string? registrant = null;
        var signatories = new List<Signatory>();
        foreach (var section in sections.Where(s => s.Kind == SectionKind.Signatures))
        {
            var lines = section.Lines.Where(l => !l.IsBlank).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var flat = lines[i].Flat;
                if (date is null && FilingLines.DateLine(flat) is { Success: true } d && FilingDates.FindFirst(d.Groups["rest"].Value) is { } found)
                {
                    date = CheckDate(found, lines[i].Number, "signature date", path, diagnostics);
                }
                else if (date is null && FilingDates.FindFirst(flat) is { Index: 0 } leading && (FilingDates.IsDateOnly(flat) || FilingLines.Signature(flat).Success))
                {
                    // "April 15, 2025 By: /s/ Uttam Patil": a date standing alone in the signature block.
                    date = CheckDate(leading, lines[i].Number, "signature date", path, diagnostics);
                }

                if (registrant is null && flat.EndsWith("(Registrant)", StringComparison.OrdinalIgnoreCase))
                {
                    var before = flat[..^"(Registrant)".Length].Trim();
                    registrant = before.Length > 0 ? Tidy(before) : i > 0 && lines[i - 1].Flat.Length < 80 ? Tidy(lines[i - 1].Flat) : null;
                }

                if (FilingLines.Signature(flat) is { Success: true } s)
                {
                    var name = s.Groups["name"].Value.Trim().TrimEnd(',');
                    // "/S/ BARBARA S. POLSKY" over a typed "Barbara S. Polsky": take the typed spelling.
                    if (i + 1 < lines.Count && string.Equals(lines[i + 1].Flat, name, StringComparison.OrdinalIgnoreCase))
                    {
                        name = lines[i + 1].Flat;
                    }

                    signatories.Add(new Signatory(name, SignatoryTitle(lines, i, name)));
                }
            }
        }

        return new SignatureFacts(date, signatories.DistinctBy(s => s.Name).ToList(), registrant);
    }

    private static string? SignatoryTitle(List<FilingLine> lines, int signed, string name)
    {
        for (var k = signed + 1; k < Math.Min(lines.Count, signed + 4); k++)
        {
            var flat = lines[k].Flat;
            if (FilingLines.Signature(flat).Success || FilingLines.DateLine(flat).Success && FilingDates.FindFirst(flat) is not null)
            {
                return null;
            }

            if (flat.StartsWith("Title:", StringComparison.OrdinalIgnoreCase))
            {
                return Tidy(flat["Title:".Length..]);
            }

            if (flat.StartsWith("Name:", StringComparison.OrdinalIgnoreCase) || string.Equals(flat, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = flat.StartsWith(name, StringComparison.OrdinalIgnoreCase) ? flat[name.Length..].TrimStart(',', ' ') : flat;
            if (rest.Length is > 0 and < 120 && FilingLines.IsTitleWord(rest))
            {
                return Tidy(rest);
            }

            return null;
        }

        return null;
    }

    private static List<Exhibit> ReadExhibits(List<Section> sections) =>
        sections.Where(s => s.ListsExhibits)
            .SelectMany(s => ToBlocks(s.Lines))
            .SelectMany(ExhibitPieces)
            .SelectMany(p => p.Rows)
            .Select(r => new Exhibit(r[0], r[1].Length > 0 ? r[1] : null))
            .ToList();

    private sealed record ExhibitRowText(string? HeaderNo, string? HeaderDescription, string Number, string Description);

    /// <summary>An exhibit row in any of its layouts: "99.1 Press…", "99.1\tPress…", "Exhibit No.Exhibit99.1Press…".</summary>
    private static ExhibitRowText? ExhibitRowOf(string flat)
    {
        string? headNo = null, headDesc = null;
        var text = flat;
        if (FilingLines.ExhibitHeader(flat) is { Success: true } h)
        {
            headNo = h.Groups["no"].Value;
            headDesc = h.Groups["desc"].Success && h.Groups["desc"].Length > 0 ? h.Groups["desc"].Value : null;
            text = h.Groups["rest"].Value.Trim();
        }

        var m = NumberedExhibitRegex().Match(text);
        return m.Success ? new ExhibitRowText(headNo, headDesc, m.Groups["num"].Value, Tidy(m.Groups["desc"].Value)) : null;
    }

    private static List<Exhibit> MergeExhibits(List<Exhibit> fromText, List<Exhibit> fromDocuments)
    {
        var merged = new List<Exhibit>();
        foreach (var e in fromText.Concat(fromDocuments))
        {
            var at = merged.FindIndex(x => x.Number == e.Number);
            if (at < 0)
            {
                merged.Add(e);
            }
            else if (merged[at].Description is null && e.Description is not null)
            {
                merged[at] = e;
            }
        }

        return merged;
    }

    private static string? FormFromText(List<Section> sections) =>
        sections.SelectMany(s => s.Lines).Select(l => FilingLines.FormMention(l.Flat)).FirstOrDefault(m => m.Success)?.Groups["form"].Value.ToUpperInvariant();

    private static string Tidy(string text) => FilingLines.Flatten(text).Trim().TrimEnd(',', ';');

    private static int FindReleaseStart(List<FilingLine> lines)
    {
        var from = lines.FindIndex(l => FilingLines.ItemHeading(l.Flat).Success);
        from = from < 0 ? 0 : from + 1;
        var lastHeading = from - 1;
        for (var i = from; i < lines.Count; i++)
        {
            var flat = lines[i].Flat;
            if (flat.Length == 0)
            {
                continue;
            }

            if (FilingLines.ItemHeading(flat).Success || FilingLines.IsSignaturesHeading(flat) || FilingLines.IsExhibitIndexHeading(flat))
            {
                lastHeading = i;
                continue;
            }

            var contact = FilingLines.ContactLabel(flat);
            var starts = FilingLines.IsReleaseMarker(flat)
                || (contact.Success && contact.Groups["label"].Value.Contains("Contact", StringComparison.OrdinalIgnoreCase))
                || FilingLines.IsTelFax(flat)
                || (FilingLines.Dateline(flat) is not null && (i == 0 || lines[i - 1].IsBlank));
            if (!starts)
            {
                continue;
            }

            // Letterhead lines just above the marker belong to the release; so does the headline above a bare dateline.
            var start = i;
            if (FilingLines.Dateline(flat) is not null && HeadlineAbove(lines, i, lastHeading) is { } headlineStart)
            {
                start = headlineStart;
                i = headlineStart;
            }

            for (var k = i - 1; k > lastHeading; k--)
            {
                var f = lines[k].Flat;
                if (f.Length == 0)
                {
                    continue;
                }

                if (FilingLines.IsLetterhead(f) || FilingLines.IsStreetAddress(f) || FilingLines.IsTelFax(f))
                {
                    start = k;
                }
                else
                {
                    break;
                }
            }

            return start;
        }

        return lines.Count;
    }

    /// <summary>Where the headline starts when a title-like block (no sentence in it) sits right above a dateline.</summary>
    private static int? HeadlineAbove(List<FilingLine> lines, int dateline, int lastHeading)
    {
        int? start = null;
        var k = dateline - 1;
        for (var blocks = 0; blocks < 2; blocks++)
        {
            while (k > lastHeading && lines[k].IsBlank)
            {
                k--;
            }

            var end = k;
            while (k > lastHeading && !lines[k].IsBlank)
            {
                k--;
            }

            if (end <= lastHeading || end - k > 3)
            {
                break;
            }

            var text = string.Join(' ', lines.Skip(k + 1).Take(end - k).Select(l => l.Flat));
            if (text.Length == 0 || text.Length > 250 || text.EndsWith('.') || text.EndsWith(':') || SentenceEndRegex().IsMatch(text) || FilingLines.ExhibitRow(text).Success)
            {
                break;
            }

            start = k + 1;
        }

        return start;
    }

    // ---- press release ---------------------------------------------------------------------------------------------

    private sealed record Block(List<FilingLine> Lines, bool AfterMore)
    {
        public string FirstFlat => Lines[0].Flat;
    }

    /// <param name="Headline">The press release's headline (a title for the filing); null for an exhibit that is not a release.</param>
    /// <param name="Heading">What the body shows as the section heading: the headline, else the exhibit's label.</param>
    private sealed record Release(string? Headline, string? Heading, List<string> SubHeadlines, FilingDates.Found? Date, int DateLine, List<Block> Blocks, List<string> Contacts);

    private static List<Block> ToBlocks(IEnumerable<FilingLine> lines)
    {
        var blocks = new List<Block>();
        var current = new List<FilingLine>();
        var afterMore = false;
        var pendingMore = false;
        foreach (var line in lines)
        {
            if (line.IsBlank || FilingLines.IsNoise(line.Flat) || FilingLines.IsCheckBoxRule(line.Flat))
            {
                if (current.Count > 0)
                {
                    blocks.Add(new Block(current, afterMore));
                    current = [];
                }

                pendingMore |= FilingLines.IsMoreMarker(line.Flat);
                continue;
            }

            if (current.Count == 0)
            {
                afterMore = pendingMore;
                pendingMore = false;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            blocks.Add(new Block(current, afterMore));
        }

        return blocks;
    }

    private static bool IsContactLine(string flat) =>
        FilingLines.ContactLabel(flat).Success || FilingLines.HasPhoneOrEmail(flat) || FilingLines.IsTelFax(flat)
        || FilingLines.IsStreetAddress(flat) || FilingLines.IsLetterhead(flat);

    /// <param name="label">For an EX-99 document: "Exhibit 99.2 Investor presentation", the heading when the text has no dateline.</param>
    private static Release ReadRelease(List<FilingLine> lines, string? label)
    {
        var blocks = ToBlocks(lines.Where(l => !FilingLines.IsReleaseMarker(l.Flat)));
        var datelineAt = blocks.FindIndex(b => FilingLines.Dateline(b.FirstFlat) is not null);
        if (datelineAt < 0 && label is not null)
        {
            // An exhibit that is not a dated press release (slides, financial tables): all of it is body.
            return new Release(null, label, [], null, 0, blocks, []);
        }

        var contacts = new List<string>();
        var candidates = new List<Block>();
        var subHeadlines = new List<string>();
        var labelPending = false;
        var bodyFrom = datelineAt;
        for (var i = 0; i < (datelineAt < 0 ? blocks.Count : datelineAt); i++)
        {
            var block = blocks[i];
            if (labelPending || block.Lines.Any(l => IsContactLine(l.Flat)))
            {
                contacts.AddRange(block.Lines.Select(l => l.Flat));
                labelPending = block.Lines.Count == 1 && FilingLines.ContactLabel(block.FirstFlat) is { Success: true } lm && lm.Groups["rest"].Length == 0;
                continue;
            }

            if (block.Lines.Count == 1 && FilingLines.SubHeadline(block.FirstFlat) is { Success: true } sub)
            {
                subHeadlines.Add(sub.Groups["text"].Value);
                continue;
            }

            candidates.Add(block);
            if (datelineAt < 0)
            {
                // No dateline: the first title-like block is the headline and the text starts after it.
                bodyFrom = i + 1;
                break;
            }
        }

        string? headline = null;
        if (candidates.Count > 0)
        {
            var parts = new List<string> { Join(candidates[0]) };
            var k = 1;
            while (k < candidates.Count && ConnectorEndRegex().IsMatch(parts[^1]))
            {
                parts.Add(Join(candidates[k++]));
            }

            headline = string.Join(' ', parts);
            subHeadlines.InsertRange(0, candidates.Skip(k).Select(Join));
        }

        var body = new List<Block>();
        var inContacts = false;
        for (var i = Math.Max(bodyFrom, 0); i < blocks.Count; i++)
        {
            var block = blocks[i];
            var first = block.FirstFlat;
            var contactLabel = FilingLines.ContactLabel(first);
            if (contactLabel.Success && contactLabel.Groups["label"].Value.Contains("Contact", StringComparison.OrdinalIgnoreCase))
            {
                inContacts = true;
            }

            if (inContacts && block.Lines.Any(l => IsContactLine(l.Flat) || l.Flat.Length < 60))
            {
                contacts.AddRange(block.Lines.Select(l => l.Flat));
                continue;
            }

            inContacts = false;
            if (block.Lines.All(l => FilingLines.IsTelFax(l.Flat) || FilingLines.IsLetterhead(l.Flat)))
            {
                contacts.AddRange(block.Lines.Select(l => l.Flat));
                continue;
            }

            // The running head a page repeats after "-more-".
            if (block.AfterMore && block.Lines.Count == 1 && !first.StartsWith("About ", StringComparison.Ordinal) && !SentenceEndRegex().IsMatch(first + " ") && first.Split(' ').Length <= 16)
            {
                continue;
            }

            body.Add(block);
        }

        var date = datelineAt >= 0 ? FilingLines.Dateline(blocks[datelineAt].FirstFlat) : null;
        var dateLine = datelineAt >= 0 ? blocks[datelineAt].Lines[0].Number : 0;
        return new Release(headline, headline ?? label, subHeadlines, date, dateLine, body, contacts);
    }

    private static string Join(Block block) => string.Join(' ', block.Lines.Select(l => l.Flat));

    // ---- body ------------------------------------------------------------------------------------------------------

    private static string WriteBody(List<Section> sections, List<Release> releases)
    {
        var parts = new List<string>();
        foreach (var section in sections)
        {
            switch (section.Kind)
            {
                case SectionKind.Item:
                    parts.Add("## " + MarkdownText.Escape($"Item {section.Number}" + (section.Title is { } t ? " " + t : "")));
                    break;
                case SectionKind.Signatures:
                    parts.Add("## Signatures");
                    break;
                case SectionKind.ExhibitIndex:
                    parts.Add("## Exhibit Index");
                    break;
            }

            foreach (var block in ToBlocks(section.Lines))
            {
                parts.AddRange(section.ListsExhibits ? ExhibitBlock(block) : [TextBlock(block)]);
            }
        }

        foreach (var release in releases)
        {
            if (release.Heading is { } h)
            {
                parts.Add("## " + MarkdownText.Escape(h));
            }

            parts.AddRange(release.SubHeadlines.Select(s => "*" + MarkdownText.Escape(s) + "*"));
            foreach (var block in release.Blocks)
            {
                parts.Add(ReleaseHeading(block) is { } heading ? "### " + MarkdownText.Escape(heading) : TextBlock(block));
            }

            if (release.Contacts.Count > 0)
            {
                parts.Add("### Contacts");
                parts.Add(ContactList(release.Contacts));
            }
        }

        return string.Join("\n\n", parts.Where(p => p.Length > 0)) + "\n";
    }

    /// <summary>A one-line block that reads as a section title: "About ImmunoGen, Inc.", "Forward-Looking Statements".</summary>
    private static string? ReleaseHeading(Block block)
    {
        if (block.Lines.Count != 1)
        {
            return null;
        }

        var flat = block.FirstFlat;
        var words = flat.Split(' ');
        if (flat.Contains('\t', StringComparison.Ordinal) || words.Length > 8 || FilingDates.IsDateOnly(flat))
        {
            return null;
        }

        if (flat.StartsWith("About ", StringComparison.Ordinal) && (!flat.EndsWith('.') || AbbreviationEndRegex().IsMatch(flat)))
        {
            return flat;
        }

        return LooksLikeHeadingText(flat) && !flat.EndsWith('.') && !flat.EndsWith(':') && words.Length <= 6 ? flat : null;
    }

    private static string TextBlock(Block block)
    {
        var tabbed = block.Lines.Count(l => l.Text.Contains('\t', StringComparison.Ordinal));
        if (tabbed >= 2 && tabbed == block.Lines.Count)
        {
            var rows = block.Lines.Select(l => (IReadOnlyList<string>)TabCellsRegex().Split(l.Text).Select(c => c.Trim()).ToList()).ToList();
            return MarkdownText.Table(rows[0], rows.Skip(1).ToList());
        }

        return MarkdownText.Paragraph(Reflow(block.Lines.Select(l => l.Flat).ToList()));
    }

    /// <summary>A run of an exhibit list: a table (header and rows), or lines of text between tables.</summary>
    private sealed record ExhibitPiece(IReadOnlyList<string> Header, List<IReadOnlyList<string>> Rows, List<FilingLine> Text);

    /// <summary>
    /// Splits a block of an exhibit list into tables and text. A line under a row that is neither a row nor a header
    /// continues that row's description (a wrapped exhibit title).
    /// </summary>
    private static List<ExhibitPiece> ExhibitPieces(Block block)
    {
        var pieces = new List<ExhibitPiece>();
        IReadOnlyList<string> header = ["Exhibit No.", "Description"];
        ExhibitPiece? table = null;
        ExhibitPiece? text = null;
        foreach (var line in block.Lines)
        {
            var head = FilingLines.ExhibitHeader(line.Flat);
            var row = ExhibitRowOf(line.Flat);
            if (row is null && head.Success && head.Groups["rest"].Length == 0)
            {
                header = [head.Groups["no"].Value, head.Groups["desc"].Length > 0 ? head.Groups["desc"].Value : "Description"];
                table = null;
                continue;
            }

            if (row is not null)
            {
                if (row.HeaderNo is not null)
                {
                    header = [row.HeaderNo, row.HeaderDescription ?? "Description"];
                    table = null;
                }

                if (table is null)
                {
                    table = new ExhibitPiece(header, [], []);
                    pieces.Add(table);
                }

                text = null;
                table.Rows.Add([row.Number, row.Description]);
                continue;
            }

            if (table is not null && !char.IsDigit(line.Flat[0]) && !line.Text.Contains('\t', StringComparison.Ordinal))
            {
                table.Rows[^1] = [table.Rows[^1][0], table.Rows[^1][1] + " " + line.Flat];
                continue;
            }

            table = null;
            if (text is null)
            {
                text = new ExhibitPiece(header, [], []);
                pieces.Add(text);
            }

            text.Text.Add(line);
        }

        return pieces;
    }

    private static List<string> ExhibitBlock(Block block) =>
        ExhibitPieces(block)
            .Select(p => p.Rows.Count > 0 ? MarkdownText.Table(p.Header, p.Rows) : TextBlock(new Block(p.Text, false)))
            .ToList();

    /// <summary>
    /// Joins hard-wrapped lines into one paragraph line; a short line (an address, a name under a signature) keeps its break.
    /// "tumor-" + "targeting" joins without a space.
    /// </summary>
    private static List<string> Reflow(List<string> lines)
    {
        var result = new List<string>();
        if (lines.Count == 0)
        {
            return result;
        }

        var longest = lines.Max(l => l.Length);
        var sb = new StringBuilder(lines[0]);
        for (var i = 1; i < lines.Count; i++)
        {
            var prev = lines[i - 1];
            var next = lines[i];
            var wrapped = prev.Length >= Math.Min(60, longest * 0.6) || ConnectorEndRegex().IsMatch(prev) || char.IsLower(next[0]);
            if (!wrapped)
            {
                result.Add(sb.ToString());
                sb.Clear().Append(next);
            }
            else if (prev.Length > 1 && prev[^1] == '-' && char.IsLetter(prev[^2]) && char.IsLower(next[0]))
            {
                sb.Append(next);
            }
            else
            {
                sb.Append(' ').Append(next);
            }
        }

        result.Add(sb.ToString());
        return result;
    }

    private static string ContactList(List<string> lines)
    {
        var items = new List<string>();
        string? label = null;
        foreach (var line in lines)
        {
            var m = FilingLines.ContactLabel(line);
            if (m.Success && m.Groups["rest"].Length == 0 && !line.Contains('@', StringComparison.Ordinal))
            {
                // "Contacts:" is the section heading; "Investors" labels the line after it.
                label = m.Groups["label"].Value.Equals("Contacts", StringComparison.OrdinalIgnoreCase) || m.Groups["label"].Value.Equals("Contact", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : m.Groups["label"].Value;
                continue;
            }

            var text = label is null ? line : $"{label}: {line}";
            label = null;
            if (items.Count > 0 && ConnectorEndRegex().IsMatch(items[^1]))
            {
                items[^1] += " " + text;
            }
            else
            {
                items.Add(text);
            }
        }

        if (label is not null)
        {
            items.Add(label);
        }

        return string.Join('\n', items.Select(i => "- " + MarkdownText.Escape(i).TrimStart('\\')));
    }

    [GeneratedRegex(@"[.!?][""”’)]?\s+(?=[A-Z(""“])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEndRegex();

    [GeneratedRegex(@"(?:\b(?:to|of|and|for|with|in|on|at|by|the|a|an|or|from|into|as)|[,&–—-])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectorEndRegex();

    [GeneratedRegex(@"\b(?:Inc|Co|Corp|Ltd|S\.A|N\.V|L\.P)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex AbbreviationEndRegex();

    [GeneratedRegex(@"^\(?(?<num>\d{1,3}\.\d{1,3})\)?\s*[-–—:.]?\s*(?<desc>[A-Za-z“""(].*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedExhibitRegex();

    [GeneratedRegex(@"\t+", RegexOptions.CultureInvariant)]
    private static partial Regex TabCellsRegex();
}
