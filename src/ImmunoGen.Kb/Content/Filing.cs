namespace ImmunoGen.Kb.Content;

/// <summary>An 8-K item as the cover lists it: <c>{number: "1.01", title: "Entry into a Material Definitive Agreement"}</c>.</summary>
public sealed record FilingItem(string Number, string? Title);

/// <summary>An exhibit from Item 9.01 or the exhibit index.</summary>
public sealed record Exhibit(string Number, string? Description);

/// <summary>A person who signed the report, with the title printed under the signature.</summary>
public sealed record Signatory(string Name, string? Title);

/// <summary>Where a filing page came from: the raw file under <c>content/</c> and its SHA-256, so nothing is lost.</summary>
public sealed record SourceRef(string Path, string Sha256);

/// <summary>
/// A dated fact a filing reports, tied to a compound and a partner where the text ties it.
/// Amounts are whole US dollars. A range ("$21.5 to $30 million") has both <see cref="AmountUsd"/> and
/// <see cref="AmountUsdMax"/>; money that may be paid later is <see cref="Potential"/>.
/// </summary>
public sealed record FilingEvent
{
    public required string Type { get; init; }

    public DateOnly? Date { get; init; }

    public string? Compound { get; init; }

    public string? Partner { get; init; }

    public long? AmountUsd { get; init; }

    public long? AmountUsdMax { get; init; }

    public bool Potential { get; init; }

    /// <summary>Clinical phase for clinical_start and phase_advance: "1", "1/2", "2", "3".</summary>
    public string? Phase { get; init; }

    public string? Detail { get; init; }

    /// <summary>The paragraph anchor in the filing page it was read from (<c>p7</c>), for provenance links.</summary>
    public string? Paragraph { get; init; }
}

/// <summary>Event type names used in front-matter.</summary>
public static class EventTypes
{
    public const string MilestonePayment = "milestone_payment";
    public const string LicenseFee = "license_fee";
    public const string LicenseAgreement = "license_agreement";
    public const string ClinicalStart = "clinical_start";
    public const string PhaseAdvance = "phase_advance";
    public const string ClinicalData = "clinical_data";
    public const string Royalty = "royalty";

    public static readonly IReadOnlyList<string> All =
        [MilestonePayment, LicenseFee, LicenseAgreement, ClinicalStart, PhaseAdvance, ClinicalData, Royalty];
}

/// <summary>
/// The facts of one filing: the front-matter of <c>content/filings/&lt;event_date&gt;-&lt;slug&gt;.md</c>.
/// A value the filing does not state is null or empty and is left out of the YAML, never guessed.
/// </summary>
public sealed record FilingFrontMatter
{
    public string? Title { get; init; }

    public string? Form { get; init; }

    public string? Company { get; init; }

    public string? FileNumber { get; init; }

    public DateOnly? EventDate { get; init; }

    public DateOnly? PressReleaseDate { get; init; }

    public DateOnly? SignedDate { get; init; }

    public string? AccessionNumber { get; init; }

    public DateOnly? FiledDate { get; init; }

    public string? Cik { get; init; }

    public IReadOnlyList<FilingItem> Items { get; init; } = [];

    public IReadOnlyList<Exhibit> Exhibits { get; init; } = [];

    public IReadOnlyList<Signatory> Signatories { get; init; } = [];

    /// <summary>Compound slugs in order of first mention.</summary>
    public IReadOnlyList<string> Compounds { get; init; } = [];

    /// <summary>Partner slugs in order of first mention.</summary>
    public IReadOnlyList<string> Partners { get; init; } = [];

    /// <summary>Person slugs in order of first mention.</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<FilingEvent> Events { get; init; } = [];

    /// <summary>Anchors of paragraphs that repeat across filings ("About ImmunoGen", safe harbor): kept out of backlinks and search.</summary>
    public IReadOnlyList<string> Boilerplate { get; init; } = [];

    public SourceRef? Source { get; init; }

    /// <summary>The date a filing is filed under: the event date, else the press-release date, else the signature date.</summary>
    public DateOnly? Date => EventDate ?? PressReleaseDate ?? SignedDate ?? FiledDate;
}

/// <summary>A filing page as loaded from <c>content/filings/</c>: its slug, facts and Markdown body.</summary>
/// <param name="Slug">File name without <c>.md</c>: <c>2006-10-17-sanofi-aventis-licenses-…</c>.</param>
/// <param name="Path">Path of the page, relative to the content folder (<c>filings/….md</c>).</param>
/// <param name="Body">
/// The Markdown body, or null for a page loaded without it: a build does not hold 10,000 bodies while it renders, and
/// reads each again from its page when it needs it (<see cref="Corpus.BodyOf"/>).
/// </param>
/// <param name="BodyLine">1-based line in the file where the Markdown body starts, for diagnostics.</param>
public sealed record Filing(string Slug, string Path, FilingFrontMatter Meta, string? Body, int BodyLine)
{
    /// <summary>The SHA-256 (hex) of the page text the filing was read from; null for a filing made in code.</summary>
    public string? TextSha256 { get; init; }

    /// <summary>
    /// The SHA-256 (hex) of the page's text: as read, or else as <see cref="FilingPage.Write"/> makes it. The slug and this
    /// determine everything a filing shows, so the build keys what it derives from a filing by it, without serializing
    /// 10,000 pages again to tell that they did not change.
    /// </summary>
    public string PageSha256() =>
        // A filing without its body was read from a page, so it has the text's hash.
        TextSha256 ?? Fingerprint.Of(FilingPage.Write(Meta, Body!));

    /// <summary>This filing without its body, keeping the hash of the text it was read from (which the body is checked against when read again).</summary>
    internal Filing WithoutBody() => new(Slug, Path, Meta, null, BodyLine) { TextSha256 = TextSha256 };

    // A copy made with `with` may no longer be what the text says, so it does not keep the text's hash.
    private Filing(Filing original)
    {
        Slug = original.Slug;
        Path = original.Path;
        Meta = original.Meta;
        Body = original.Body;
        BodyLine = original.BodyLine;
    }
}
