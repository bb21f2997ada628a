using System.Buffers;
using System.Text.RegularExpressions;
using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Extract;

/// <summary>A name found by a discovery rule, where it is in the block text, and the stub entity it would become.</summary>
internal readonly record struct Candidate(int Start, int Length, Entity Stub);

/// <summary>A person seen with (possibly) a title and an organization, and where.</summary>
internal sealed record PersonSighting(string Name, string? Title, string? Organization, string? Paragraph, DateOnly? Date, bool FromSignature = false);

/// <summary>
/// The shapes of names the filings use for entities that have no page yet. These are rules, not name lists:
/// compound code names (letters and digits), antibody–payload conjugates, INNs; organizations in licensing
/// sentences and licensee lists; people in attributions, contact blocks, investigator lines and signatures.
/// All regexes are compiled once (source generated) and run once per block or sentence.
/// </summary>
internal static partial class DiscoveryPatterns
{
    // ---------- compounds ----------

    /// <summary>Code-name prefixes that are not compounds: filing vocabulary, targets and markers, regulators.</summary>
    private static readonly HashSet<string> NonCodePrefixes = new(StringComparer.Ordinal)
    {
        "CFR", "USC", "FY", "NCT", "ISO", "ITEM", "RULE", "FORM", "EX", "TEL", "FAX", "ZIP", "BOX", "PO", "SEC",
        "IRS", "CD", "CA", "HER", "IGF", "EGFR", "FR", "MA", "TX", "NY", "NASDAQ", "US", "USD", "EUR",
        "ASCO", "ASH", "AACR", "ESMO", "EORTC", "SABCS", "ASC", "ASU", "FASB", "SFAS", "FAS", "IAS", "IFRS", "GAAP", "SAB", "FIN", "EITF", "PH", "NO", "DM", "GMT", "EST", "EDT", "ET", "PM", "AM", "QTR",
    };

    // AVE1642, SAR3419, IMGN853, IMGN-853, BT-062, AMG 172, BAY 94-9343, LY3076226.
    [GeneratedRegex(@"(?<![\w-])(?<p>[A-Z]{2,5})(?<sep>-|\s)?(?<d>\d{2}-\d{3,5}|\d{3,7})(?![\w]|-\w|\.\d|/)")]
    private static partial Regex CodeName();

    // huN901-DM1, huC242-DM4, huMy9-6-DM4, trastuzumab-DM1, huB4-SPDB-DM4.
    [GeneratedRegex(@"(?<![\w-])(?<ab>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*?)-(?<linker>(?:sulfo-)?(?:SPDB|SMCC|SPP|GMBS|SIA)-)?(?<pl>DM1|DM4|DM21|DGN\d{3}|IGN\d{1,3})(?![\w-])")]
    private static partial Regex Conjugate();

    // cantuzumab mertansine, mirvetuximab soravtansine, ado-trastuzumab emtansine, coltuximab ravtansine.
    [GeneratedRegex(@"(?<![\w-])(?<inn>(?:[a-z]{2,5}-)?[A-Za-z][a-z]{3,}mab\s+[a-z]{2,}(?:tansine|vedotin|ozogamicin|deruxtecan|govitecan|tesirine|mafodotin))(?![\w-])")]
    private static partial Regex ConjugateInn();

    // trastuzumab, isatuximab: a monoclonal antibody INN on its own.
    [GeneratedRegex(@"(?<![\w-])(?<inn>(?:[a-z]{2,5}-)?[A-Za-z][a-z]{3,}mab)(?![\w-])")]
    private static partial Regex AntibodyInn();

    [GeneratedRegex(@"\b(?<t>[A-Z][A-Za-z0-9α-]{1,9}?)-(?:targeting|targeted|expressing|positive)\b|\btargets?\s+(?:the\s+)?(?<t>[A-Z][A-Za-z0-9α-]{1,9})\b|\bbinds?\s+to\s+(?<t>[A-Z][A-Za-z0-9α-]{1,9})\b")]
    private static partial Regex TargetPhrase();

    [GeneratedRegex(@"\b(?:TAP compound|antibody-drug conjugate|ADC|conjugate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConjugateWords();

    [GeneratedRegex(@"\b(?:naked|unconjugated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NakedWords();

    /// <summary>
    /// Compound names in a block, left to right by rule. <paramref name="wanted"/> (start, length, name) says which
    /// candidates the caller keeps; a stub, whose kind and target take more regexes, is built only for those.
    /// </summary>
    public static IEnumerable<Candidate> Compounds(string text, Func<int, int, string, bool>? wanted = null)
    {
        // Encoded attachments (uuencode, base64) are long runs without spaces; a name never sits inside one.
        // The runs are only needed once some rule matches, which most blocks never reach.
        List<(int Start, int End)>? taken = null;

        // Most blocks name no conjugate or INN: conjugates are looked for only around a payload, INNs only where "mab" is.
        foreach (var m in ConjugateMatches(text))
        {
            var ab = m.Groups["ab"].Value;
            if (!ab.Any(char.IsDigit) && !ab.EndsWith("mab", StringComparison.Ordinal))
            {
                continue;
            }

            taken ??= EncodedRuns(text);
            taken.Add((m.Index, m.Index + m.Length));
            if (wanted?.Invoke(m.Index, m.Length, m.Value) == false)
            {
                continue;
            }

            yield return new Candidate(m.Index, m.Length, new Compound
            {
                Slug = Slug.From(m.Value),
                Name = m.Value,
                CompoundKind = "antibody-drug conjugate",
                Antibody = ab,
                Payload = m.Groups["pl"].Value,
                Target = TargetNear(text, m.Index, m.Length),
                Discovered = true,
            });
        }

        if (text.Contains("mab", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match m in ConjugateInn().Matches(text))
            {
                taken ??= EncodedRuns(text);
                if (Overlaps(taken, m.Index, m.Length))
                {
                    continue;
                }

                taken.Add((m.Index, m.Index + m.Length));
                var name = string.Join(' ', m.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
                if (wanted?.Invoke(m.Index, m.Length, name) == false)
                {
                    continue;
                }

                yield return new Candidate(m.Index, m.Length, new Compound
                {
                    Slug = Slug.From(name),
                    Name = name,
                    CompoundKind = "antibody-drug conjugate",
                    Antibody = name.Split(' ')[0],
                    Target = TargetNear(text, m.Index, m.Length),
                    Discovered = true,
                });
            }

            foreach (Match m in AntibodyInn().Matches(text))
            {
                taken ??= EncodedRuns(text);
                if (Overlaps(taken, m.Index, m.Length))
                {
                    continue;
                }

                taken.Add((m.Index, m.Index + m.Length));
                var name = m.Value.ToLowerInvariant();
                if (wanted?.Invoke(m.Index, m.Length, name) == false)
                {
                    continue;
                }

                yield return new Candidate(m.Index, m.Length, new Compound
                {
                    Slug = Slug.From(name),
                    Name = name,
                    CompoundKind = "antibody",
                    Target = TargetNear(text, m.Index, m.Length),
                    Discovered = true,
                });
            }
        }

        if (!MayHaveCodeName(text))
        {
            yield break;
        }

        foreach (Match m in CodeName().Matches(text))
        {
            var prefix = m.Groups["p"].Value;
            var digits = m.Groups["d"].Value;
            var sep = m.Groups["sep"].Value;
            if (NonCodePrefixes.Contains(prefix))
            {
                continue;
            }

            taken ??= EncodedRuns(text);
            if (Overlaps(taken, m.Index, m.Length))
            {
                continue;
            }

            // "MA 02139" and "ASCO 2010": a space only joins a prefix of three or more letters, and never a year.
            if (sep == " " && (prefix.Length < 3 || (digits.Length == 4 && digits[0] is '1' or '2' && digits[1] is '9' or '0')))
            {
                continue;
            }

            if (sep is "\n" or "\r" or "\t")
            {
                continue;
            }

            // IMGN-853 and IMGN853 are one compound: the page is named without the separator. The written form is
            // not an alias, because the registry already ignores hyphens and spaces.
            var canonical = prefix + digits;
            if (wanted?.Invoke(m.Index, m.Length, canonical) == false)
            {
                continue;
            }

            yield return new Candidate(m.Index, m.Length, new Compound
            {
                Slug = Slug.From(canonical),
                Name = canonical,
                CompoundKind = KindNear(text, m.Index),
                Target = TargetNear(text, m.Index, m.Length),
                Discovered = true,
            });
        }
    }

    /// <summary>
    /// The matches of <see cref="Conjugate"/> in <paramref name="text"/>, the same as <c>Conjugate().Matches(text)</c>,
    /// found by running the pattern only over the runs of letters, digits and hyphens that hold a payload ("-DM",
    /// "-DGN", "-IGN"). A conjugate name lies within one such run; the pattern, which tries every letter, then never
    /// scans the prose between.
    /// </summary>
    private static IEnumerable<Match> ConjugateMatches(string text)
    {
        var from = 0;
        for (var marker = NextPayload(text, from); marker >= 0; marker = NextPayload(text, from))
        {
            var runStart = marker;
            while (runStart > 0 && IsNameChar(text[runStart - 1]))
            {
                runStart--;
            }

            var runEnd = marker;
            while (runEnd < text.Length && IsNameChar(text[runEnd]))
            {
                runEnd++;
            }

            // One character more on each side, so the look-behind and look-ahead see what they see in the whole text.
            // No match starts on the one before: it is a separator, or the digit that ended the previous match.
            var start = Math.Max(from, runStart);
            var windowStart = Math.Max(0, start - 1);
            var windowEnd = Math.Min(text.Length, runEnd + 1);
            var m = Conjugate().Match(text, windowStart, windowEnd - windowStart);
            if (m.Success)
            {
                yield return m;
                from = m.Index + m.Length;
            }
            else
            {
                from = runEnd;
            }
        }

        static int NextPayload(string text, int from)
        {
            var next = -1;
            foreach (var payload in PayloadMarkers)
            {
                var at = text.IndexOf(payload, from, StringComparison.Ordinal);
                if (at >= 0 && (next < 0 || at < next))
                {
                    next = at;
                }
            }

            return next;
        }

        // Every character Conjugate can match (its \d takes any Unicode digit).
        static bool IsNameChar(char c) => char.IsAsciiLetter(c) || char.IsDigit(c) || c == '-';
    }

    private static readonly string[] PayloadMarkers = ["-DM", "-DGN", "-IGN"];

    /// <summary>
    /// A test <see cref="CodeName"/> needs to pass to match at all: two capital letters followed by two digits, directly
    /// or after one hyphen or whitespace. Most blocks fail it, and the pattern, which tries every capital, need not run.
    /// </summary>
    private static bool MayHaveCodeName(string text)
    {
        for (var i = 1; i + 2 < text.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(text[i]) || !char.IsAsciiLetterUpper(text[i - 1]))
            {
                continue;
            }

            var digits = text[i + 1] == '-' || char.IsWhiteSpace(text[i + 1]) ? i + 2 : i + 1;
            if (digits + 1 < text.Length && char.IsDigit(text[digits]) && char.IsDigit(text[digits + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a block of encoded data (a uuencoded or base64 attachment the importer left in): symbols that prose
    /// hardly uses make up more than 3% of it.
    /// </summary>
    public static bool LooksEncoded(string text)
    {
        if (text.Length < 60)
        {
            return false;
        }

        // The symbols are rare in prose: jump from one to the next rather than test every character.
        var symbols = 0;
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(EncodingSymbols); at >= 0; at = rest.IndexOfAny(EncodingSymbols))
        {
            symbols++;
            rest = rest[(at + 1)..];
        }

        return symbols * 100 > text.Length * 3;
    }

    private static readonly SearchValues<char> EncodingSymbols = SearchValues.Create("@#^*=[]{}<>\\|~`!");

    private static List<(int Start, int End)> EncodedRuns(string text)
    {
        var runs = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || char.IsWhiteSpace(text[i]))
            {
                if (i - start > 40)
                {
                    runs.Add((start, i));
                }

                start = i + 1;
            }
        }

        return runs;
    }

    private static string? KindNear(string text, int at)
    {
        var from = Math.Max(0, at - 40);
        var window = text.AsSpan(from, Math.Min(text.Length, at + 60) - from);
        return NakedWords().IsMatch(window) ? "naked antibody" : ConjugateWords().IsMatch(window) ? "antibody-drug conjugate" : null;
    }

    private static string? TargetNear(string text, int at, int length)
    {
        // Only the sentence's own words: "SAR3419 is a CD19-targeting TAP compound".
        var from = Math.Max(0, at - 60);
        var to = Math.Min(text.Length, at + length + 80);
        // Matching within the window treats its ends as the ends of the input, as a substring would, without copying.
        var m = TargetPhrase().Match(text, from, to - from);
        if (!m.Success)
        {
            return null;
        }

        var t = m.Groups["t"].Value;
        return t.Any(char.IsDigit) || t.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? t : null;
    }

    private static bool Overlaps(List<(int Start, int End)> taken, int start, int length) =>
        taken.Any(t => start < t.End && start + length > t.Start);

    // ---------- partners ----------

    private const string OrgWord = @"[A-Z][\w'&.]*(?:-[A-Za-z][\w'&.]*)*";
    private const string Org = @"(?<org>" + OrgWord + @"(?:\s+(?:&\s+)?" + OrgWord + @"){0,5}(?:,?\s+(?:Inc|Ltd|LLC|Corp|Co|AG|GmbH|plc|PLC|S\.A|N\.V|SE|AB|A/S|K\.K|B\.V|Limited|Corporation)\b\.?)?)";
    private const string Paren = @"(?:\s*\((?<paren>[^()]{2,60})\))?";

    [GeneratedRegex(Org + Paren + @",?\s+(?:has|have|had)?\s*(?:(?:also|now|recently|exclusively|previously|each)\s+)*(?:licensed|in-licensed|obtained\s+(?:an?\s+)?(?:exclusive\s+|non-?exclusive\s+)?(?:license|rights)|acquired\s+(?:the\s+)?(?:exclusive\s+)?rights|took\s+a\s+license|exercised\s+(?:an?\s+|its\s+)?option)\b")]
    private static partial Regex SubjectLicensed();

    [GeneratedRegex(@"\blicensed\b[^.;]{0,120}?\bto\s+" + Org)]
    private static partial Regex LicensedTo();

    [GeneratedRegex(@"\b(?<rel>collaboration|partnership|alliance|co-development|agreement|license|licensing)\s+(?:agreement\s+|arrangement\s+|deal\s+)?with\s+" + Org + Paren)]
    private static partial Regex AgreementWith();

    // The relationship words of AgreementWith, one of which it needs; "license" covers "licensing".
    private static readonly string[] AgreementWords = ["collaboration", "partnership", "alliance", "co-development", "agreement", "license"];

    [GeneratedRegex(@"\b(?:in\s+development\s+by|partnered\s+with|licensed\s+by|being\s+developed\s+by)\s+" + Org + Paren)]
    private static partial Regex DevelopedBy();

    [GeneratedRegex("^" + Org + "$")]
    private static partial Regex OrgShape();

    [GeneratedRegex(@"\s(?:have)\s+(?:each\s+|also\s+|all\s+)?(?:licensed|taken\s+licenses|obtained\s+licenses|in-licensed)\b")]
    private static partial Regex ListVerb();

    [GeneratedRegex(@"^\s*formerly\s+(?:known\s+as\s+)?(?<f>.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Formerly();

    [GeneratedRegex(@"^(?:a\s+(?:wholly[- ]owned\s+)?subsidiary\s+of|part\s+of|a\s+member\s+of\s+the)\s+(?<p>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SubsidiaryOf();

    [GeneratedRegex(@",?\s+(?:Inc|Ltd|LLC|Corp|Co|AG|GmbH|plc|PLC|S\.A|N\.V|SE|AB|A/S|K\.K|B\.V|Limited|Corporation)\.?$")]
    private static partial Regex LegalSuffix();

    private static readonly HashSet<string> LeadingStopWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "And", "But", "Today", "That", "On", "In", "Also", "Additionally", "Under", "Through", "With",
        "Both", "Each", "Its", "Our", "This", "These", "Further", "Furthermore", "Moreover", "Previously", "Recently",
    };

    /// <summary>Organizations a licensing or collaboration sentence names, with the relationship it states.</summary>
    public static IEnumerable<(int Start, int Length, Partner Stub)> Partners(string sentence)
    {
        // Most sentences have none of the words the patterns need and are done without a regex or an allocation.
        var rules = PartnerRules.Of(sentence);
        return rules.Any ? Partners(sentence, rules) : [];
    }

    /// <summary>
    /// Which partner patterns may match a sentence: each needs literal words (its verb, "with", "by", "have") and is
    /// skipped without them. Both patterns that the word "licens" admits need "licensed" itself.
    /// </summary>
    private readonly record struct PartnerRules(bool SubjectLicensed, bool LicensedTo, bool AgreementWith, bool DevelopedBy, bool ListVerb)
    {
        public bool Any => SubjectLicensed || LicensedTo || AgreementWith || DevelopedBy || ListVerb;

        public static PartnerRules Of(string sentence)
        {
            var licensed = sentence.Contains("licensed", StringComparison.Ordinal);
            var with = sentence.Contains(" with ", StringComparison.Ordinal);
            return new PartnerRules(
                SubjectLicensed: licensed || sentence.Contains("obtained", StringComparison.Ordinal) || sentence.Contains("acquired", StringComparison.Ordinal)
                    || sentence.Contains("took", StringComparison.Ordinal) || sentence.Contains("exercised", StringComparison.Ordinal),
                LicensedTo: licensed,
                AgreementWith: with && Literals.ContainsAny(sentence, AgreementWords),
                DevelopedBy: (with || sentence.Contains(" by ", StringComparison.Ordinal))
                    && (licensed || sentence.Contains("develop", StringComparison.Ordinal) || sentence.Contains("partnered", StringComparison.Ordinal)),
                ListVerb: sentence.Contains(" have ", StringComparison.Ordinal));
        }
    }

    private static IEnumerable<(int Start, int Length, Partner Stub)> Partners(string sentence, PartnerRules rules)
    {
        foreach (var (m, rel) in Matches(sentence, rules))
        {
            var g = m.Groups["org"];
            var paren = m.Groups["paren"].Success ? m.Groups["paren"].Value : null;
            if (PartnerStub(g.Value, paren, rel) is { } stub)
            {
                var lead = g.Value.Length - TrimLeading(g.Value).Length;
                yield return (g.Index + lead, g.Length - lead, stub);
            }
        }

        // "Amgen (formerly Abgenix), Biogen Idec, …, and sanofi-aventis have licensed the right to …"
        var verb = rules.ListVerb ? ListVerb().Match(sentence) : Match.Empty;
        if (verb.Success)
        {
            var head = sentence[..verb.Index];
            var from = new[] { head.LastIndexOf(';'), head.LastIndexOf(':'), head.LastIndexOf(" - ", StringComparison.Ordinal), head.LastIndexOf(" – ", StringComparison.Ordinal) }.Max() + 1;
            var offset = from;
            foreach (var (itemStart, item) in SplitList(head[from..]))
            {
                var (name, paren) = SplitParen(item);
                if (PartnerStub(name, paren, "licensee") is { } stub)
                {
                    var at = sentence.IndexOf(name, offset + itemStart, StringComparison.Ordinal);
                    yield return (at < 0 ? offset + itemStart : at, name.Length, stub);
                }
            }
        }
    }

    private static IEnumerable<(Match, string)> Matches(string sentence, PartnerRules rules)
    {
        if (rules.SubjectLicensed)
        {
            foreach (Match m in SubjectLicensed().Matches(sentence))
            {
                yield return (m, "licensee");
            }
        }

        if (rules.LicensedTo)
        {
            foreach (Match m in LicensedTo().Matches(sentence))
            {
                yield return (m, "licensee");
            }
        }

        if (rules.AgreementWith)
        {
            foreach (Match m in AgreementWith().Matches(sentence))
            {
                var rel = m.Groups["rel"].Value.ToLowerInvariant() is "collaboration" or "partnership" or "alliance" or "co-development" ? "collaborator" : "licensee";
                yield return (m, rel);
            }
        }

        if (rules.DevelopedBy)
        {
            foreach (Match m in DevelopedBy().Matches(sentence))
            {
                yield return (m, "licensee");
            }
        }
    }

    /// <summary>Splits "A (x), B, C, Inc., and D" into items, keeping legal suffixes and parentheses with their company.</summary>
    private static IEnumerable<(int Start, string Item)> SplitList(string list)
    {
        var items = new List<(int, string)>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= list.Length; i++)
        {
            var c = i < list.Length ? list[i] : ',';
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == ',' && depth == 0)
            {
                var piece = list[start..Math.Min(i, list.Length)];
                var trimmed = piece.Trim();
                if (trimmed.StartsWith("and ", StringComparison.Ordinal))
                {
                    trimmed = trimmed[4..].Trim();
                }

                // "Millennium Pharmaceuticals, Inc." — a legal suffix belongs to the item before it.
                if (items.Count > 0 && LegalSuffix().IsMatch(" " + trimmed) && trimmed.Length <= 12)
                {
                    var (s, prev) = items[^1];
                    items[^1] = (s, prev + ", " + trimmed);
                }
                else if (trimmed.Length > 0)
                {
                    items.Add((start + piece.IndexOf(trimmed, StringComparison.Ordinal), trimmed));
                }

                start = i + 1;
            }
        }

        // "A and B have licensed": a last "and" that is not inside a name splits two items.
        foreach (var (s, item) in items)
        {
            var and = item.IndexOf(" and ", StringComparison.Ordinal);
            if (and > 0 && !item.Contains('&', StringComparison.Ordinal))
            {
                yield return (s, item[..and]);
                yield return (s + and + 5, item[(and + 5)..]);
            }
            else
            {
                yield return (s, item);
            }
        }
    }

    private static (string Name, string? Paren) SplitParen(string item)
    {
        var open = item.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (item.Trim(), null);
        }

        var close = item.IndexOf(')', open);
        return (item[..open].Trim(), close > open ? item[(open + 1)..close] : null);
    }

    private static string TrimLeading(string name)
    {
        // Usually there is nothing to drop: single spaces, no stop word in front. The name is then its own result.
        var firstSpace = name.IndexOf(' ', StringComparison.Ordinal);
        if (firstSpace != 0 && !name.EndsWith(' ') && !name.Contains("  ", StringComparison.Ordinal)
            && !LeadingStopWords.Contains(firstSpace < 0 ? name : name[..firstSpace]))
        {
            return name;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && LeadingStopWords.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    /// <summary>A stub partner for an organization name, or null when the name is not a partner by <see cref="NonPartnerRules"/>.</summary>
    // A list such as "AVE9633, in development by Amgen, AVE1642, in development by …" puts compound codes where a
    // licensing pattern expects organizations: a code name or conjugate is never a partner.
    private static bool IsCompoundName(string text) =>
        CodeName().Match(text) is { Success: true } code && code.Length == text.Length
        || Conjugate().Match(text) is { Success: true } conjugate && conjugate.Length == text.Length;

    private static readonly char[] ListPunctuation = [',', ';', ':'];

    private static Partner? PartnerStub(string raw, string? paren, string relationship)
    {
        var full = TrimLeading(raw.Trim().TrimEnd(ListPunctuation));
        if (full.Length < 2 || !OrgShape().IsMatch(full) || full.Split(' ').Length > 6 || NonPartnerRules.IsNonPartner(full, out _) || IsCompoundName(full))
        {
            return null;
        }

        // A page is named without the legal suffix so "Acme Therapeutics" and "Acme Therapeutics, Inc." are one partner.
        var name = LegalSuffix().Replace(full, "").Trim();
        if (name.Length < 2 || NonPartnerRules.IsNonPartner(name, out _))
        {
            return null;
        }

        var aliases = new List<string>();
        if (name != full)
        {
            aliases.Add(full);
        }

        var former = new List<string>();
        string? parent = null;
        if (paren is not null && paren.Trim() is { Length: > 0 } p)
        {
            if (Formerly().Match(p) is { Success: true } f)
            {
                former.Add(f.Groups["f"].Value.Trim());
            }
            else if (SubsidiaryOf().Match(p) is { Success: true } s)
            {
                parent = s.Groups["p"].Value.Trim();
            }
            else if (p.Length is >= 2 and <= 6 && p.All(char.IsUpper))
            {
                aliases.Add(p);
            }
            else if (char.IsUpper(p[0]) && !p.Contains(':', StringComparison.Ordinal) && !NonPartnerRules.IsNonPartner(p, out _))
            {
                parent = p;
            }
        }

        return new Partner
        {
            Slug = Slug.From(name),
            Name = name,
            Aliases = aliases,
            FormerNames = former,
            Parent = parent,
            Relationship = relationship,
            Discovered = true,
        };
    }

    // ---------- people ----------

    private const string Name = @"(?<name>[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+[A-Z]\.)?\s+(?:Mc|Mac|O'|De|Van|Von)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)";
    private const string Degrees = @"(?:,?\s*(?:M\.\s?D\.|MD|Ph\.\s?D\.|PhD|Jr\.|Sr\.|MBA|RN|Pharm\.D\.)(?![\w]))*";
    private const string Said = @"(?:commented|said|stated|added|noted|remarked|explained|continued|concluded)";

    // The words of Said, for a cheap test before the attribution patterns run: its alternatives, taken from the pattern.
    private static readonly string[] SaidWords = Said["(?:".Length..^")".Length].Split('|');

    [GeneratedRegex(Said + @"\s+(?:Dr\.\s+|Mr\.\s+|Ms\.\s+|Mrs\.\s+|Prof\.\s+)?" + Name + Degrees + @",\s*(?<title>[^,“”""]{3,90}?)(?=\s*[.,;“""]|$)")]
    private static partial Regex SaidName();

    [GeneratedRegex(@"(?:^|[\s”""])(?:Dr\.\s+|Mr\.\s+|Ms\.\s+)?" + Name + Degrees + @",\s*(?<title>[^,“”""]{3,90}?),\s*" + Said + @"\b")]
    private static partial Regex NameSaid();

    [GeneratedRegex(@"(?:Dr\.\s+)?" + Name + Degrees + @"\s*(?:,|-|–|—)?\s*(?:is\s+)?(?:the\s+|a\s+|an\s+)?(?<title>(?:[Pp]rincipal|[Ll]ead|[Cc]oordinating)\s+[Ii]nvestigator)")]
    private static partial Regex Investigator();

    [GeneratedRegex(@"/s/\s*" + Name)]
    private static partial Regex SignedBy();

    [GeneratedRegex(@"\b(?:Chairman|Chairwoman|Chair|Chief|CEO|CFO|COO|CMO|CSO|CBO|President|Vice\s+President|VP|EVP|SVP|Director|Officer|Treasurer|Secretary|Counsel|Head|Manager|Investigator|Professor|Founder|Controller|Lead)\b")]
    private static partial Regex TitleWord();

    [GeneratedRegex(@"\b(?:at|of)\s+(?:the\s+)?(?<site>(?:[A-Z][\w'.&-]*\s+(?:(?:and|of|for|&)\s+)?){0,6}(?:Center|Centre|Institute|University|Hospital|Clinic)(?:\s+of\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})?)")]
    private static partial Regex Site();

    [GeneratedRegex(@"\b(?<label>Investors?|Media|Investor\s+Relations|Investor\s+Contacts?|Media\s+Contacts?|Contacts?)\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ContactLabel();

    [GeneratedRegex(@"(?:\b(?:Tel|TEL|Phone|Ph|Fax|FAX)\s*[:.]|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\S+@\S+)")]
    private static partial Regex PhoneOrEmail();

    [GeneratedRegex("^" + Name)]
    private static partial Regex NameAtStart();

    [GeneratedRegex(@"^(?:(?:Investors?|Media|Investor\s+Relations|Investor\s+Contacts?|Media\s+Contacts?|Contacts?)\s*:?\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelOnly();

    [GeneratedRegex(@"\b(?<h>Dr|Mr|Ms|Mrs|Prof)\.\s+(?<sur>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!\s+[A-Z]\.|\s+[A-Z][a-z]+\b)")]
    private static partial Regex HonorificSurname();

    private static readonly string[] HonorificWords = ["Dr.", "Mr.", "Ms.", "Mrs.", "Prof."];

    private static readonly HashSet<string> NotFirstNames = new(StringComparer.Ordinal)
    {
        "The", "Chairman", "Chief", "President", "Executive", "Senior", "Vice", "Director", "Investor", "Investors", "Media",
        "Contact", "Contacts", "For", "Immediate", "Release", "Exhibit", "Item", "Form", "Press", "Date", "About", "Phase",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Cancer", "Research", "Corporate", "Annual", "Investigator", "Principal", "Tumor", "This", "These", "Under", "Our",
    };

    public static bool IsTitle(string text) => TitleWord().IsMatch(text);

    public static bool IsPersonName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && !NotFirstNames.Contains(words[0]) && !NotFirstNames.Contains(words[^1]) && !IsTitle(name)
            && !NonPartnerRules.IsFiler(words[0]);
    }

    /// <summary>Quote attributions and investigator lines in one paragraph.</summary>
    public static IEnumerable<PersonSighting> Attributions(string text, string paragraph, DateOnly? date, string? company)
    {
        // Each pattern needs a literal word to match at all; looking for that word first spares most paragraphs the
        // name patterns, which try every capitalized pair of words.
        var attributed = Literals.ContainsAny(text, SaidWords);
        foreach (Match m in attributed ? SaidName().Matches(text).Concat(NameSaid().Matches(text)) : Enumerable.Empty<Match>())
        {
            var title = m.Groups["title"].Value.Trim();
            if (!IsTitle(title))
            {
                continue;
            }

            var (t, org) = SplitOrganization(title);
            var investigator = t.Contains("nvestigator", StringComparison.Ordinal);
            yield return new PersonSighting(m.Groups["name"].Value, t, org ?? (investigator ? SiteIn(text) : company), paragraph, date);
        }

        foreach (Match m in text.Contains("nvestigator", StringComparison.Ordinal) ? Investigator().Matches(text) : Enumerable.Empty<Match>())
        {
            var title = m.Groups["title"].Value;
            yield return new PersonSighting(m.Groups["name"].Value, char.ToUpperInvariant(title[0]) + title[1..], SiteIn(text), paragraph, date);
        }

        foreach (Match m in text.Contains("/s/", StringComparison.Ordinal) ? SignedBy().Matches(text) : Enumerable.Empty<Match>())
        {
            yield return new PersonSighting(m.Groups["name"].Value, null, company, paragraph, date, FromSignature: true);
        }
    }

    private static (string Title, string? Org) SplitOrganization(string title)
    {
        foreach (var sep in new[] { " of ", " at " })
        {
            var i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i > 0 && i + sep.Length < title.Length && char.IsUpper(title[i + sep.Length]))
            {
                return (title[..i].Trim(), title[(i + sep.Length)..].Trim());
            }
        }

        return (title, null);
    }

    /// <summary>The trial site a paragraph names ("conducted at the Cancer Therapy and Research Center").</summary>
    public static string? SiteIn(string text)
    {
        var m = Site().Match(text);
        return m.Success ? m.Groups["site"].Value.Trim() : null;
    }

    public static bool IsContactLabel(string text) => text.Length <= 40 && LabelOnly().IsMatch(text.Trim());

    /// <summary>
    /// People in a contact block: "Investors: Carol Hausner Executive Director, … ImmunoGen, Inc. (617) 995-2500" or
    /// "Media: Kathryn Morris KMorrisPR (845) 635-9828". <paramref name="pendingLabel"/> is a label given in the block before.
    /// </summary>
    public static IEnumerable<PersonSighting> Contacts(string text, string? pendingLabel, string paragraph, DateOnly? date, string? company)
    {
        if (!MayHavePhoneOrEmail(text) || !PhoneOrEmail().IsMatch(text))
        {
            yield break;
        }

        var parts = new List<(string? Label, string Text)>();
        var labels = ContactLabel().Matches(text).Where(l => l.Index == 0 || (text[l.Index - 1] == ' ' && l.Value.Contains(':', StringComparison.Ordinal))).ToList();
        if (labels.Count == 0 || labels[0].Index > 0)
        {
            if (pendingLabel is null)
            {
                yield break;
            }

            parts.Add((pendingLabel, labels.Count == 0 ? text : text[..labels[0].Index]));
        }

        for (var i = 0; i < labels.Count; i++)
        {
            var end = i + 1 < labels.Count ? labels[i + 1].Index : text.Length;
            parts.Add((labels[i].Groups["label"].Value, text[(labels[i].Index + labels[i].Length)..end]));
        }

        foreach (var (label, part) in parts)
        {
            var m = NameAtStart().Match(part);
            if (!m.Success || !IsPersonName(m.Groups["name"].Value))
            {
                continue;
            }

            var rest = part[m.Length..];
            var cut = PhoneOrEmail().Match(rest);
            rest = (cut.Success ? rest[..cut.Index] : rest).Trim().Trim(',', ';').Trim();
            string? org = null;
            if (company is not null && rest.EndsWith(company, StringComparison.Ordinal))
            {
                org = company;
                rest = rest[..^company.Length].Trim().Trim(',').Trim();
            }

            string title;
            if (IsTitle(rest))
            {
                title = rest;
                org ??= company;
            }
            else
            {
                var kind = label is { } l && l.StartsWith("media", StringComparison.OrdinalIgnoreCase) ? "Media Contact" : "Investor Contact";
                title = kind;
                org ??= rest.Length > 0 ? rest : company;
            }

            yield return new PersonSighting(m.Groups["name"].Value, title, org, paragraph, date);
        }
    }

    /// <summary>
    /// What <see cref="PhoneOrEmail"/> needs to match at all: an "@", a phone label followed by ":" or ".", or the
    /// digit groups of a phone number. Most paragraphs have none, and the pattern, whose e-mail branch tries every
    /// character, need not run.
    /// </summary>
    private static bool MayHavePhoneOrEmail(string text)
    {
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var label in PhoneLabels)
        {
            for (var at = text.IndexOf(label, StringComparison.Ordinal); at >= 0; at = text.IndexOf(label, at + 1, StringComparison.Ordinal))
            {
                var next = at + label.Length;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && text[next] is ':' or '.')
                {
                    return true;
                }
            }
        }

        // "(617) 995-2500", "617.995.2500": three digits, a separator, three digits, a separator, four digits.
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (Digits(text, i, 3) && PhoneTail(text, i + 3))
            {
                return true;
            }
        }

        return false;

        static bool Digits(string text, int at, int count)
        {
            if (at + count > text.Length)
            {
                return false;
            }

            for (var k = at; k < at + count; k++)
            {
                if (!char.IsDigit(text[k]))
                {
                    return false;
                }
            }

            return true;
        }

        static bool Separator(string text, int at) => at < text.Length && (text[at] is '.' or '-' || char.IsWhiteSpace(text[at]));

        static bool PhoneTail(string text, int at)
        {
            if (at < text.Length && text[at] == ')')
            {
                at++;
            }

            return Separator(text, at) && Digits(text, at + 1, 3) && Separator(text, at + 4) && Digits(text, at + 5, 4);
        }
    }

    // The labels of PhoneOrEmail; keep the two the same.
    private static readonly string[] PhoneLabels = ["Tel", "TEL", "Phone", "Ph", "Fax", "FAX"];

    /// <summary>"Dr. Tolcher", "Mr. Sayare": a surname after an honorific, resolved by the analyzer within the filing.</summary>
    public static IEnumerable<(int Start, int Length, string Surname)> Honorifics(string text)
    {
        // The honorific and its period are literal: a block without one skips the pattern.
        if (!Literals.ContainsAny(text, HonorificWords))
        {
            yield break;
        }

        foreach (Match m in HonorificSurname().Matches(text))
        {
            yield return (m.Index, m.Length, m.Groups["sur"].Value);
        }
    }

    /// <summary>A title printed next to a signer's name in the signature block ("Daniel M. Junius Executive Vice President …").</summary>
    public static string? TitleAfterName(string text, string name)
    {
        var i = text.IndexOf(name, StringComparison.Ordinal);
        var rest = (i >= 0 ? text[(i + name.Length)..] : text).Trim().Trim(',').Trim();
        if (rest.Length == 0 || rest.Length > 120 || rest.StartsWith("Date", StringComparison.Ordinal) || rest.Contains("/s/", StringComparison.Ordinal))
        {
            return null;
        }

        var m = TitleWord().Match(rest);
        return m.Success && m.Index < 30 ? rest : null;
    }

    /// <summary>The family name of a person's name: the last word, degrees and suffixes removed.</summary>
    public static string Surname(string name)
    {
        var words = name.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.TrimEnd('.') is not ("MD" or "M.D" or "PhD" or "Ph.D" or "Jr" or "Sr" or "MBA" or "RN" or "II" or "III"))
            .ToList();
        return words.Count > 0 ? words[^1] : name;
    }

    /// <summary>"Daniel M. Junius" → "Daniel Junius": the form without middle initials, for matching spellings.</summary>
    public static string WithoutInitials(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !(w.Length == 2 && w[1] == '.' && char.IsUpper(w[0]))));
}
