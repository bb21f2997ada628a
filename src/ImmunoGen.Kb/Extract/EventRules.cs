using System.Globalization;
using System.Text.RegularExpressions;
using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Extract;

/// <summary>An entity mention inside one sentence, by offset in the sentence.</summary>
internal readonly record struct SentenceEntity(int Start, EntityRef Entity);

/// <summary>An event read from one sentence, before the per-filing merge; <see cref="ExplicitDate"/> says the text dated it.</summary>
internal sealed record EventDraft(FilingEvent Event, bool ExplicitDate, int Order);

/// <summary>
/// Sentence rules for events. Money: each dollar amount takes the event type of the keyword right after it
/// ("$2 million milestone payment", "$1 million license fee") or else the nearest keyword before it
/// ("milestone payments that could potentially total $21.5 to $30 million"); it is potential when the words between
/// say so (potentially, could, up to, entitled to receive, eligible) or it is a range. Clinical starts, phase advances,
/// clinical data and license agreements come from verb phrases and bind to the nearest compound or partner.
/// </summary>
internal static partial class EventRules
{
    [GeneratedRegex(@"\b[Oo]n\s+(?<m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<d>\d{1,2}),\s*(?<y>(?:19|20)\d{2})")]
    private static partial Regex OnDate();

    [GeneratedRegex(@"^\s*(?:in\s+)?(?:an?\s+)?(?:upfront\s+|up-front\s+|one-time\s+|cash\s+|additional\s+|development\s+|regulatory\s+|sales\s+)?(?<k>milestone|license\s+fee|licensing\s+fee|upfront|up-front|royalt)", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordRightAfter();

    [GeneratedRegex(@"(?<k>milestone|license\s+fee|licensing\s+fee|upfront\s+(?:fee|payment)|up-front\s+(?:fee|payment)|royalt)", RegexOptions.IgnoreCase)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"\b(?:potential\w*|could|up\s+to|entitled\s+to\s+receive|eligible|may\s+receive|as\s+much\s+as|future)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PotentialWords();

    [GeneratedRegex(@"\b(?:for\s+each|per)\s+(?:compound|product|target|antibody)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerCompound();

    [GeneratedRegex(@"\b(?:half|one-half|a\s+third|\d+\s?%|\w+\s+percent)\s+of\s+which\s+(?:is|was|will\s+be)\s+(?:due|paid|payable)[^,.;]*|\bof\s+which\s+half\s+(?:is|was|will\s+be)\s+(?:due|paid|payable)[^,.;]*", RegexOptions.IgnoreCase)]
    private static partial Regex PaymentTerms();

    private const string Phase = @"(?<ph>Phase\s+(?:[IV]{1,3}|\d)(?:[ab])?(?:\s*/\s*(?:[IV]{1,3}|\d)[ab]?)?)";

    [GeneratedRegex(@"\b(?:initiat\w*|start\w*|began|begun|begin\w*|commenc\w*)\s+(?:of\s+)?(?:(?:the|a|an|its|first|dosing\s+in\s+(?:the|a))\s+)*(?:" + Phase + @"\s+)?(?:clinical\s+(?:testing|trials?|stud(?:y|ies)|evaluation|development)|trials?|stud(?:y|ies))|\b(?:initiation|start)\s+of\s+(?:\S+\s+){0,2}?clinical\s+(?:testing|trials?)|\bfirst\s+patient\s+(?:was\s+|has\s+been\s+)?(?:dosed|treated|enrolled)", RegexOptions.IgnoreCase)]
    private static partial Regex ClinicalStartVerb();

    [GeneratedRegex(@"\b(?:advanc\w*|mov(?:ed|es|ing)|enter\w*|progress\w*|transition\w*)\b[^.;]{0,100}?\binto\s+(?:the\s+)?(?:" + Phase + @"|clinic\b|clinical\s+(?:testing|trials|development))|\b(?:to\s+)?enter(?:ed|s|ing)?\s+(?:the\s+clinic\b|clinical\s+(?:testing|trials|development)|" + Phase + ")", RegexOptions.IgnoreCase)]
    private static partial Regex AdvanceVerb();

    [GeneratedRegex(@"\b(?:clinical\s+(?:data|results|findings)|(?:interim|initial|preliminary|final|updated|top-?line|positive)\s+(?:clinical\s+)?(?:data|results|findings)|data\s+from\s+(?:the\s+|an?\s+)?(?:ongoing\s+)?(?:Phase|clinical|trial|study))", RegexOptions.IgnoreCase)]
    private static partial Regex ClinicalDataPhrase();

    [GeneratedRegex(@"\bPhase\s+(?<n>[IV]{1,3}|\d)(?<s>[ab])?(?:\s*/\s*(?<m>[IV]{1,3}|\d))?\b")]
    private static partial Regex PhaseInText();

    [GeneratedRegex(@"\b(?:expect\w*|plan\w*|anticipat\w*|intend\w*|hope\w*|aim\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureWords();

    [GeneratedRegex(@"\b(?<v>has\s+(?:exclusively\s+)?licensed|licensed|licenses|entered\s+into\s+(?:an?\s+)?(?:[\w-]+\s+){0,5}?(?:agreement|license)|signed\s+(?:an?\s+)?(?:[\w-]+\s+){0,5}?(?:agreement|license))\b(?<obj>[^.;]{0,120})", RegexOptions.IgnoreCase)]
    private static partial Regex LicenseVerb();

    [GeneratedRegex(@"\b(?:was|were|been|being|is|are|and|be)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveBefore();

    /// <summary>
    /// False when no rule can fire: money needs a "$", the other rules a compound or partner in the sentence.
    /// Lets the analyzer skip most sentences without running a regex.
    /// </summary>
    public static bool MayHaveEvents(string sentence, List<SentenceEntity>? entities)
    {
        if (sentence.Contains('$', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var e in entities ?? [])
        {
            if (e.Entity.Kind is EntityKind.Compound or EntityKind.Partner)
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<EventDraft> Read(
        SentenceSpan sentence,
        IReadOnlyList<SentenceEntity> entities,
        IReadOnlyList<string> paragraphCompounds,
        IReadOnlyList<string> paragraphPartners,
        string? filingPartner,
        DateOnly? filingDate,
        string paragraph,
        int order)
    {
        var text = sentence.Text;
        var compounds = OfKind(entities, EntityKind.Compound);
        var partners = OfKind(entities, EntityKind.Partner);
        var dates = OnDate().Matches(text).Select(m => (m.Index, Date: ParseDate(m))).Where(d => d.Date is not null).ToList();

        DateOnly? DateBefore(int at) => dates.LastOrDefault(d => d.Index < at).Date;
        string? CompoundNear(int at) => Nearest(compounds, at) ?? (paragraphCompounds.Count == 1 ? paragraphCompounds[0] : null);
        string? PartnerNear(int at) => Nearest(partners, at) ?? (paragraphPartners.Count > 0 ? paragraphPartners[0] : null) ?? filingPartner;

        FilingEvent New(string type, int at) => new()
        {
            Type = type,
            Date = DateBefore(at) ?? filingDate,
            Paragraph = paragraph,
        };

        // Money.
        var amounts = text.Contains('$', StringComparison.Ordinal) ? MoneyParser.Find(text) : [];
        for (var i = 0; i < amounts.Count; i++)
        {
            var a = amounts[i];
            var segStart = i > 0 ? amounts[i - 1].End : 0;
            var segEnd = i + 1 < amounts.Count ? amounts[i + 1].Start : text.Length;
            string? keyword = null;
            var between = "";
            var after = KeywordRightAfter().Match(text[a.End..segEnd]);
            if (after.Success)
            {
                keyword = after.Groups["k"].Value;
            }
            else
            {
                var windowStart = Math.Max(segStart, a.Start - 120);
                var before = Keyword().Matches(text[windowStart..a.Start]).LastOrDefault();
                if (before is not null)
                {
                    keyword = before.Groups["k"].Value;
                    between = text[(windowStart + before.Index)..a.Start];
                }
            }

            if (keyword is null)
            {
                continue;
            }

            var type = keyword.ToLowerInvariant() switch
            {
                var k when k.StartsWith("milestone", StringComparison.Ordinal) => EventTypes.MilestonePayment,
                var k when k.StartsWith("royalt", StringComparison.Ordinal) => EventTypes.Royalty,
                _ => EventTypes.LicenseFee,
            };
            var lead = text[Math.Max(segStart, a.Start - 40)..a.Start];
            var potential = a.MaxUsd is not null || PotentialWords().IsMatch(between) || PotentialWords().IsMatch(lead);
            var details = new List<string>();
            if (type != EventTypes.LicenseFee && PerCompound().Match(text) is { Success: true } per)
            {
                details.Add(per.Value.ToLowerInvariant());
            }

            if (type == EventTypes.LicenseFee && PaymentTerms().Match(text) is { Success: true } terms)
            {
                details.Add(terms.Value.Trim());
            }

            var e = New(type, a.Start) with
            {
                Compound = CompoundNear(a.Start),
                Partner = PartnerNear(a.Start),
                AmountUsd = a.Usd,
                AmountUsdMax = a.MaxUsd,
                Potential = potential,
                Detail = details.Count > 0 ? string.Join("; ", details) : null,
            };
            yield return new EventDraft(e, DateBefore(a.Start) is not null, order);
        }

        // Clinical starts and phase advances: bound to the nearest compound; a sentence naming none yields none.
        // "expects to start …": a future word before the verb makes it no event. Looked for once, when a verb matched.
        Match? future = null;
        bool IsFuture(int at) => (future ??= FutureWords().Match(text)) is { Success: true } f && f.Index < at;

        // Each verb pattern needs one of its words; most sentences with a compound have none and skip the regexes.
        var starts = compounds.Count > 0 && HasAny(text, ClinicalStartWords) ? ClinicalStartVerb().Matches(text) : null;
        var advances = compounds.Count > 0 && HasAny(text, AdvanceWords) ? AdvanceVerb().Matches(text) : null;
        foreach (var m in (starts ?? Enumerable.Empty<Match>()).Concat(advances ?? Enumerable.Empty<Match>()))
        {
            if (IsFuture(m.Index))
            {
                continue;
            }

            var phase = NormalizePhase(m.Groups["ph"].Success ? m.Groups["ph"].Value : PhaseInText().Match(text) is { Success: true } p ? p.Value : null);
            var type = phase is null or "1" or "1a" or "1b" or "1/2" ? EventTypes.ClinicalStart : EventTypes.PhaseAdvance;
            var e = New(type, m.Index) with
            {
                Compound = Nearest(compounds, m.Index),
                Partner = Nearest(partners, m.Index),
                Phase = phase,
            };
            yield return new EventDraft(e, DateBefore(m.Index) is not null, order);
        }

        foreach (Match m in compounds.Count > 0 && HasAny(text, ClinicalDataWords) ? ClinicalDataPhrase().Matches(text) : Enumerable.Empty<Match>())
        {
            if (IsFuture(m.Index))
            {
                continue;
            }

            var e = New(EventTypes.ClinicalData, m.Index) with
            {
                Compound = Nearest(compounds, m.Index),
                Phase = NormalizePhase(PhaseInText().Match(text) is { Success: true } p ? p.Value : null),
            };
            yield return new EventDraft(e, DateBefore(m.Index) is not null, order);
        }

        // License agreements: an active "X (has) licensed …" or "entered into an agreement"; "was licensed to X as part of" is history.
        foreach (Match m in partners.Count > 0 && HasAny(text, LicenseWords) ? LicenseVerb().Matches(text) : Enumerable.Empty<Match>())
        {
            if (IsFuture(m.Index))
            {
                continue;
            }

            var verb = m.Groups["v"].Value;
            var obj = m.Groups["obj"].Value;
            if (PassiveBefore().IsMatch(text[..m.Index]) || obj.TrimStart().StartsWith("to ", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var e = New(EventTypes.LicenseAgreement, m.Index) with
            {
                Partner = Nearest(partners, m.Index),
                Detail = verb.Contains("licens", StringComparison.OrdinalIgnoreCase) && obj.Trim().Length > 0 ? Clip(obj.Trim().TrimEnd(',')) : null,
            };
            yield return new EventDraft(e, DateBefore(m.Index) is not null, order);
        }
    }

    // One word of each alternative of ClinicalStartVerb, AdvanceVerb, ClinicalDataPhrase and LicenseVerb, compared
    // ignoring case as the patterns are; keep them the same. None has a "k", which the patterns would match as a Kelvin sign.
    private static readonly string[] ClinicalStartWords = ["initiat", "start", "began", "begun", "begin", "commenc", "first"];
    private static readonly string[] AdvanceWords = ["advanc", "mov", "enter", "progress", "transition"];
    private static readonly string[] ClinicalDataWords = ["data", "results", "findings"];
    private static readonly string[] LicenseWords = ["licens", "entered", "signed"];

    private static List<SentenceEntity> OfKind(IReadOnlyList<SentenceEntity> entities, EntityKind kind)
    {
        var found = new List<SentenceEntity>();
        foreach (var e in entities)
        {
            if (e.Entity.Kind == kind)
            {
                found.Add(e);
            }
        }

        return found;
    }

    private static bool HasAny(string text, string[] words) => Literals.ContainsAny(text, words, StringComparison.OrdinalIgnoreCase);

    /// <summary>"Phase I" → "1", "Phase I/II" → "1/2", "Phase 1b" → "1b".</summary>
    public static string? NormalizePhase(string? phase)
    {
        if (phase is null)
        {
            return null;
        }

        var m = PhaseInText().Match(phase);
        if (!m.Success)
        {
            return null;
        }

        var n = Numeral(m.Groups["n"].Value) + m.Groups["s"].Value;
        return m.Groups["m"].Success ? $"{n}/{Numeral(m.Groups["m"].Value)}" : n;
    }

    private static string Numeral(string s) => s switch
    {
        "I" => "1",
        "II" => "2",
        "III" => "3",
        "IV" => "4",
        _ => s,
    };

    private static string Clip(string s) => s.Length <= 100 ? s : s[..(s.LastIndexOf(' ', 100) is var cut and > 0 ? cut : 100)];

    private static string? Nearest(List<SentenceEntity> entities, int at) =>
        entities.Count == 0 ? null : entities.MinBy(e => Math.Abs(e.Start - at)).Entity.Slug;

    private static DateOnly? ParseDate(Match m) =>
        DateOnly.TryParseExact($"{m.Groups["m"].Value} {m.Groups["d"].Value} {m.Groups["y"].Value}", "MMMM d yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// One event per fact per filing: the 8-K item and the press release repeat the same facts. Drafts of one type
    /// merge when their amounts agree and their compound and partner do not contradict; the merged event keeps
    /// every field either knew, the text's own date over the filing's, and the provenance of the most complete draft.
    /// </summary>
    public static IReadOnlyList<FilingEvent> Merge(IEnumerable<EventDraft> drafts)
    {
        var merged = new List<EventDraft>();
        foreach (var d in drafts.OrderBy(d => d.Order))
        {
            var i = merged.FindIndex(m => SameFact(m.Event, d.Event));
            if (i < 0)
            {
                merged.Add(d);
                continue;
            }

            var (a, b) = (merged[i], d);
            var keep = Completeness(b) > Completeness(a) ? b : a;
            var other = ReferenceEquals(keep, a) ? b : a;
            var date = a.ExplicitDate ? a.Event.Date : b.ExplicitDate ? b.Event.Date : keep.Event.Date;
            merged[i] = keep with
            {
                Event = keep.Event with
                {
                    Compound = keep.Event.Compound ?? other.Event.Compound,
                    Partner = keep.Event.Partner ?? other.Event.Partner,
                    Phase = keep.Event.Phase ?? other.Event.Phase,
                    Detail = keep.Event.Detail ?? other.Event.Detail,
                    Date = date,
                },
                ExplicitDate = a.ExplicitDate || b.ExplicitDate,
                Order = Math.Min(a.Order, b.Order),
            };
        }

        return merged.OrderBy(m => m.Order).Select(m => m.Event).ToList();
    }

    private static int Completeness(EventDraft d) =>
        (d.Event.Compound is null ? 0 : 4) + (d.Event.Partner is null ? 0 : 2) + (d.Event.Phase is null ? 0 : 2) + (d.ExplicitDate ? 1 : 0) + (d.Event.Detail is null ? 0 : 1);

    private static bool SameFact(FilingEvent a, FilingEvent b)
    {
        if (a.Type != b.Type || !Compatible(a.Compound, b.Compound) || !Compatible(a.Partner, b.Partner))
        {
            return false;
        }

        return a.Type switch
        {
            EventTypes.ClinicalStart or EventTypes.PhaseAdvance or EventTypes.ClinicalData =>
                a.Compound is not null && b.Compound is not null && Compatible(a.Phase, b.Phase),
            EventTypes.LicenseAgreement => a.Partner is not null && b.Partner is not null,
            _ => a.AmountUsd == b.AmountUsd && a.AmountUsdMax == b.AmountUsdMax && a.Potential == b.Potential,
        };
    }

    private static bool Compatible(string? a, string? b) => a is null || b is null || a == b;
}
