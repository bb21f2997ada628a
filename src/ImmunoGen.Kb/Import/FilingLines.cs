using System.Text.RegularExpressions;

namespace ImmunoGen.Kb.Import;

/// <summary>One line of filing text after extraction artefacts are repaired; <see cref="Number"/> is its 1-based line in the raw file (0 when unknown).</summary>
internal sealed record FilingLine(string Text, int Number)
{
    /// <summary>The line with tabs and runs of spaces folded to one space.</summary>
    public string Flat => field ??= FilingLines.Flatten(Text);

    public bool IsBlank => Flat.Length == 0;
}

/// <summary>The line-level rules: artefact repair, noise lines, and the patterns that mark a filing's structure.</summary>
internal static partial class FilingLines
{
    /// <summary>Splits text into repaired lines. SGML page and table tags of old EDGAR text become blank lines.</summary>
    public static List<FilingLine> Split(string text, int firstLine)
    {
        var raw = text.Split('\n');
        var lines = new List<FilingLine>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            lines.Add(new FilingLine(Repair(raw[i]), firstLine == 0 ? 0 : firstLine + i));
        }

        return lines;
    }

    /// <summary>
    /// Repairs what text extraction did to a line: Markdown escapes (<c>\$</c>), SGML tags of old EDGAR text,
    /// rule lines of dashes, a label glued to a number ("2500FAX:"), stray control characters.
    /// </summary>
    public static string Repair(string line)
    {
        var s = line.TrimEnd();
        if (s.Contains('\\', StringComparison.Ordinal))
        {
            s = EscapedPunctuationRegex().Replace(s, "$1");
        }

        if (s.Contains('<', StringComparison.Ordinal))
        {
            s = SgmlTagRegex().Replace(s, "");
        }

        if (RuleLineRegex().IsMatch(s))
        {
            return "";
        }

        s = GluedLabelRegex().Replace(s, "$1 $2");
        if (s.Any(c => char.IsControl(c) && c != '\t'))
        {
            s = new string(s.Where(c => !char.IsControl(c) || c == '\t').ToArray());
        }

        return s.Trim(' ', '\t', '\u00A0');
    }

    public static string Flatten(string text) =>
        text.Contains('\t', StringComparison.Ordinal) || text.Contains("  ", StringComparison.Ordinal)
            ? SpacesRegex().Replace(text, " ").Trim()
            : text.Trim();

    /// <summary>Page numbers, "-more-", "###" and other markers that are layout, not content.</summary>
    public static bool IsNoise(string flat) => NoiseRegex().IsMatch(flat);

    public static bool IsMoreMarker(string flat) => MoreRegex().IsMatch(flat);

    /// <summary>The cover page's check-box rules ("o Written communications pursuant to Rule 425 …").</summary>
    public static bool IsCheckBoxRule(string flat) => CheckBoxRegex().IsMatch(flat) || flat.StartsWith("Check the appropriate box", StringComparison.OrdinalIgnoreCase);

    public static Match ItemHeading(string flat) => ItemRegex().Match(flat);

    public static bool IsSignaturesHeading(string flat) => SignaturesRegex().IsMatch(flat);

    public static bool IsExhibitIndexHeading(string flat) => ExhibitIndexRegex().IsMatch(flat);

    /// <summary>"For Immediate Release", "NEWS RELEASE", "Exhibit 99.1" alone on a line: labels that open a press release.</summary>
    public static bool IsReleaseMarker(string flat) => ReleaseMarkerRegex().IsMatch(flat);

    public static bool IsCoverIndicator(string flat) => CoverRegex().IsMatch(flat);

    public static Match ContactLabel(string flat) => ContactLabelRegex().Match(flat);

    public static bool HasPhoneOrEmail(string flat) => PhoneRegex().IsMatch(flat) || EmailRegex().IsMatch(flat);

    public static bool IsTelFax(string flat) => TelFaxRegex().IsMatch(flat);

    public static bool IsStreetAddress(string flat) => AddressRegex().IsMatch(flat);

    /// <summary>A company name printed as letterhead: all capitals, a few words, a corporate suffix ("IMMUNOGEN, INC.").</summary>
    public static bool IsLetterhead(string flat) =>
        flat.Length is > 3 and < 60 && !flat.Any(char.IsLower) && flat.Any(char.IsLetter) && LetterheadRegex().IsMatch(flat);

    /// <summary>"- Event Triggers $2 Million Milestone Payment to ImmunoGen -": a sub-headline set off by dashes.</summary>
    public static Match SubHeadline(string flat) => SubHeadlineRegex().Match(flat);

    public static Match ExhibitRow(string flat) => ExhibitRowRegex().Match(flat);

    public static Match ExhibitHeader(string flat) => ExhibitHeaderRegex().Match(flat);

    public static Match FileNumber(string flat) => FileNumberRegex().Match(flat);

    public static Match FormLine(string flat) => FormRegex().Match(flat);

    public static Match FormMention(string flat) => FormMentionRegex().Match(flat);

    public static Match Signature(string flat) => SignatureRegex().Match(flat);

    public static Match DateLine(string flat) => DateLineRegex().Match(flat);

    public static bool IsTitleWord(string flat) => TitleWordRegex().IsMatch(flat);

    /// <summary>"CAMBRIDGE, MA, October 4, 2006 - …": where a press release's text begins and when it was issued.</summary>
    public static FilingDates.Found? Dateline(string flat)
    {
        var head = flat.Length > 160 ? flat[..160] : flat;
        if (FilingDates.FindFirst(head) is not { } date || date.Index is < 3 or > 80)
        {
            return null;
        }

        var place = head[..date.Index];
        var after = head[(date.Index + date.Length)..];
        return DatelinePlaceRegex().IsMatch(place) && DatelineAfterRegex().IsMatch(after) ? date : null;
    }

    [GeneratedRegex(@"\\([$%&#_*\[\]()<>.\-+!])", RegexOptions.CultureInvariant)]
    private static partial Regex EscapedPunctuationRegex();

    [GeneratedRegex(@"</?(?:PAGE|TABLE|CAPTION|S|C|FN|F\d+|R|SEC-DOCUMENT|DOCUMENT)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SgmlTagRegex();

    [GeneratedRegex(@"^(?=(?:\s*[-=_*~]){3})[\s\-=_*~]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleLineRegex();

    [GeneratedRegex(@"([0-9a-z])(TEL:|FAX:|Tel:|Fax:|Phone:|E-mail:|Email:)", RegexOptions.CultureInvariant)]
    private static partial Regex GluedLabelRegex();

    [GeneratedRegex(@"[ \t\u00A0]+", RegexOptions.CultureInvariant)]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@"^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|[-–—]\s*more\s*[-–—]|\(?more\)?|#\s*#\s*#|[-–—]\s*30\s*[-–—]|\*\s*\*\s*\*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoiseRegex();

    [GeneratedRegex(@"^(?:[-–—]\s*more\s*[-–—]|\(?more\)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreRegex();

    [GeneratedRegex(@"^(?:[-–•*]\s*)?(?:o|☐|☒|□|■|¨|þ|ý|x|\[\s?[xX]?\s?\])\s+(?:Written communications|Soliciting material|Pre-commencement communications)", RegexOptions.CultureInvariant)]
    private static partial Regex CheckBoxRegex();

    [GeneratedRegex(@"^(?i:ITEM)\s+(?<num>(?>\d{1,2}(?:\.\d{1,2})?))(?!\d)(?>\s*\.?\s*(?:[-–—:.]\s*)?)(?<title>(?:[^\sa-z].*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemRegex();

    [GeneratedRegex(@"^SIGNATURES?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignaturesRegex();

    [GeneratedRegex(@"^(?:EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS|EXHIBIT\s+LIST)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExhibitIndexRegex();

    [GeneratedRegex(@"^(?:For\s+Immediate\s+Release|FOR\s+RELEASE\b.*|NEWS\s+RELEASE|PRESS\s+RELEASE|Exhibit\s+99(?:\.\d+)?)\s*[:.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseMarkerRegex();

    [GeneratedRegex(@"^FORM\s+8-K|CURRENT\s+REPORT|Date\s+of\s+Report|Commission\s+File|Exact\s+name\s+of\s+registrant|SECURITIES\s+AND\s+EXCHANGE\s+COMMISSION", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CoverRegex();

    [GeneratedRegex(@"^(?<label>(?:Company\s+|Investor\s+|Media\s+|Press\s+)?Contacts?|Investors?(?:\s+Relations)?|Media(?:\s+Relations)?|Press|For\s+(?:further|more)\s+information)(?:\s+Contacts?)?\s*(?::\s*(?<rest>.*)|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContactLabelRegex();

    [GeneratedRegex(@"\(?\b\d{3}\)?[\s.-]\d{3}[-.]\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"^(?:TEL|FAX|Tel|Fax|Phone|Telephone)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex TelFaxRegex();

    [GeneratedRegex(@"^\d{1,6}\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Drive|Dr\.|Boulevard|Blvd\.?|Way|Place|Square|Parkway|Lane)\b.{0,60}$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressRegex();

    [GeneratedRegex(@"\b(?:INC|CORP|CORPORATION|COMPANY|LTD|LLC|PLC|CO)\b\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex LetterheadRegex();

    [GeneratedRegex(@"^[-–—]\s*(?<text>\S.*?\S)\s*[-–—]$", RegexOptions.CultureInvariant)]
    private static partial Regex SubHeadlineRegex();

    [GeneratedRegex(@"^(?:Exhibit\s*(?:No\.?|Number)?\s*(?:Exhibit|Description)?\s*)?\(?(?<num>\d{1,3}\.\d{1,3})\)?\s*[-–—:.]?\s*(?<desc>[A-Za-z“""(].*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExhibitRowRegex();

    [GeneratedRegex(@"^(?<no>Exhibit\s*(?:No\.?|Number))\s*(?<desc>Exhibit|Description(?:\s+of\s+Exhibits?)?)?(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExhibitHeaderRegex();

    [GeneratedRegex(@"(?<![\d-])(?<num>\d{1,3}-\d{4,5}(?:-\d{2})?)(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex FileNumberRegex();

    [GeneratedRegex(@"^FORM\s+(?<form>8-K(?:/A)?|8-K12[BG]\d?|[0-9]{1,2}-[A-Z]{1,2}(?:/A)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormRegex();

    [GeneratedRegex(@"\bcurrent\s+report\s+on\s+Form\s+(?<form>8-K(?:/A)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormMentionRegex();

    [GeneratedRegex(@"(?:^|\s)(?:By:?\s*)?/s/\s*(?<name>[^/]+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureRegex();

    [GeneratedRegex(@"^Dated?\s*:?\s*(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLineRegex();

    [GeneratedRegex(@"\b(?:President|Officer|Director|Secretary|Treasurer|Counsel|Chairman|Chairperson|Controller|Chief|Manager|Partner|Vice|Executive|Attorney|CEO|CFO)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TitleWordRegex();

    [GeneratedRegex(@"^(?!On\b|As\b|Dated?\b|Since\b|In\b|By\b)[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Za-z.]{2,20}){0,2}[,\s]*(?:[-–—]*\s*\(?[A-Za-z ]*WIRE\)?\s*[-–—]*\s*)?\(?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePlaceRegex();

    [GeneratedRegex(@"^\)?\s*(?:/[^/]{1,40}/)?\s*(?:--|[-–—/])", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineAfterRegex();
}
