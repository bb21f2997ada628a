using System.Reflection;
using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Import;
using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Tests.Build;

/// <summary>
/// The binary encoding of cached parses, analyses, front-matter and search text (<see cref="CacheCodecs"/>) is written by hand, field by field:
/// these tests make a field added to a stored record fail until the codec stores it, and check that every value reads
/// back as it was written.
/// </summary>
public sealed class CacheCodecTests
{
    public static TheoryData<Type, string[]> StoredTypes() => new()
    {
        { typeof(RawParse), ["Rel", "Shown", "Sha", "Filing", "Diagnostics"] },
        { typeof(ParsedFiling), ["Meta", "Body"] },
        { typeof(Diagnostic), ["Severity", "Code", "Path", "Line", "Message"] },
        {
            typeof(FilingFrontMatter),
            ["Title", "Form", "Company", "FileNumber", "EventDate", "PressReleaseDate", "SignedDate", "AccessionNumber", "FiledDate", "Cik",
             "Items", "Exhibits", "Signatories", "Compounds", "Partners", "People", "Events", "Boilerplate", "Source"]
        },
        { typeof(FilingItem), ["Number", "Title"] },
        { typeof(Exhibit), ["Number", "Description"] },
        { typeof(Signatory), ["Name", "Title"] },
        { typeof(SourceRef), ["Path", "Sha256"] },
        { typeof(FilingEvent), ["Type", "Date", "Compound", "Partner", "AmountUsd", "AmountUsdMax", "Potential", "Phase", "Detail", "Paragraph"] },
        { typeof(FilingAnalysis), ["Compounds", "Partners", "People", "Events", "Boilerplate", "Mentions", "Quotes", "Roles", "Stages", "Discovered"] },
        { typeof(EntityMention), ["Entity", "Paragraph", "Sentence", "Boilerplate", "Start", "Length"] },
        { typeof(EntityRef), ["Kind", "Slug"] },
        { typeof(QuoteSeen), ["PersonSlug", "Paragraph", "Text", "Compounds"] },
        { typeof(PersonRoleSeen), ["PersonSlug", "Title", "Organization", "Date", "Paragraph"] },
        { typeof(StageSeen), ["CompoundSlug", "Date", "Stage", "Paragraph"] },
        { typeof(Compound), ["Slug", "Name", "Aliases", "Discovered", "Body", "Path", "CompoundKind", "Antibody", "Target", "Payload", "Indications", "Partners", "Related"] },
        { typeof(Partner), ["Slug", "Name", "Aliases", "Discovered", "Body", "Path", "FormerNames", "Parent", "Relationship"] },
        { typeof(Person), ["Slug", "Name", "Aliases", "Discovered", "Body", "Path", "Roles"] },
        { typeof(Role), ["Title", "Organization", "FirstSeen", "LastSeen"] },
        { typeof(FilingSearchText), ["Text", "Tokens"] },
    };

    [Theory]
    [MemberData(nameof(StoredTypes))]
    public void EveryStoredFieldOfARecord_IsOneTheCodecWrites(Type type, string[] written)
    {
        // Computed properties (no setter) are derived again on reading and are not stored.
        var stored = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(written.Order(StringComparer.Ordinal), stored);
    }

    [Fact]
    public void AParseWithEveryFieldSet_AndItsFrontMatterAlone_ReadBackAsWritten()
    {
        var meta = new FilingFrontMatter
        {
            Title = "Title",
            Form = "8-K",
            Company = "ImmunoGen, Inc.",
            FileNumber = "0-17999",
            EventDate = new DateOnly(2006, 10, 17),
            PressReleaseDate = new DateOnly(2006, 10, 18),
            SignedDate = new DateOnly(2006, 10, 19),
            AccessionNumber = "0001-23",
            FiledDate = new DateOnly(2006, 10, 20),
            Cik = "855654",
            Items = [new FilingItem("1.01", "Entry"), new FilingItem("8.01", null)],
            Exhibits = [new Exhibit("99.1", "Press release"), new Exhibit("99.2", null)],
            Signatories = [new Signatory("Daniel M. Junius", "CFO"), new Signatory("Someone", null)],
            Compounds = ["sar3419"],
            Partners = ["sanofi-aventis"],
            People = ["daniel-m-junius"],
            Events = [Event, new FilingEvent { Type = EventTypes.Royalty }],
            Boilerplate = ["p9"],
            Source = new SourceRef("raw/x.txt", "abc"),
        };
        var parse = new RawParse("raw/x.txt", "content/raw/x.txt", "abc", new ParsedFiling(meta, "Body ‘text’\n"), [Diagnostic.Warning("KB1001", "content/raw/x.txt", "odd", 12)]);

        AssertRoundTrip(CacheCodecs.Parse, parse);
        AssertRoundTrip(CacheCodecs.Parse, new RawParse("raw/y.txt", "raw/y.txt", null, null, []));
        AssertRoundTrip(CacheCodecs.Parse, new RawParse("raw/z.txt", "raw/z.txt", "def", new ParsedFiling(new FilingFrontMatter(), ""), []));
        AssertRoundTrip(CacheCodecs.FrontMatter, meta);
        AssertRoundTrip(CacheCodecs.FrontMatter, new FilingFrontMatter());
    }

    [Fact]
    public void SearchText_ReadsBackAsWritten()
    {
        AssertRoundTrip(CacheCodecs.SearchText(), new FilingSearchText("First paragraph.\nSecond, with “quotes”.", ["first", "paragraph", "second", "quotes"]));
        AssertRoundTrip(CacheCodecs.SearchText(), new FilingSearchText("", []));
    }

    [Fact]
    public void BlockIds_ReadBackAsWritten()
    {
        AssertRoundTrip<IReadOnlyList<string>>(CacheCodecs.BlockIds(), ["s-heading", "p1", "p2"]);
        AssertRoundTrip<IReadOnlyList<string>>(CacheCodecs.BlockIds(), []);
    }

    [Fact]
    public void AnAnalysisWithEveryFieldSet_ReadsBackAsWritten()
    {
        var analysis = new FilingAnalysis
        {
            Compounds = ["sar3419", "ave9633"],
            Partners = ["sanofi-aventis"],
            People = ["mitchel-sayare"],
            Events = [Event],
            Boilerplate = ["p8", "p9"],
            Mentions =
            [
                new EntityMention(new EntityRef(EntityKind.Compound, "sar3419"), "p1", "SAR3419 and AVE9633 advanced.", false, 0, 7),
                new EntityMention(new EntityRef(EntityKind.Compound, "ave9633"), "p1", "SAR3419 and AVE9633 advanced.", false, 12, 7),
                new EntityMention(new EntityRef(EntityKind.Partner, "sanofi-aventis"), "p9", "About sanofi-aventis.", true, 6, 14),
            ],
            Quotes = [new QuoteSeen("mitchel-sayare", "p2", "We are pleased", ["sar3419"])],
            Roles = [new PersonRoleSeen("mitchel-sayare", "CEO", "ImmunoGen", new DateOnly(2007, 1, 2), "p2"), new PersonRoleSeen("x", "Director", null, null, null)],
            Stages = [new StageSeen("sar3419", new DateOnly(2007, 10, 17), "Phase I", "p1")],
            Discovered =
            [
                new Compound { Slug = "sar4401", Name = "SAR4401", Aliases = ["SAR-4401"], Discovered = true, Body = "b", Path = "compounds/sar4401.md", CompoundKind = "antibody-drug conjugate", Antibody = "a", Target = "CD19", Payload = "DM4", Indications = ["NHL"], Partners = ["sanofi-aventis"], Related = ["sar3419"] },
                new Compound { Slug = "bare", Name = "Bare" },
                new Partner { Slug = "acme", Name = "Acme", FormerNames = ["Acme Old"], Parent = "Holding", Relationship = "licensee", Discovered = true },
                new Person { Slug = "jane-doe", Name = "Jane Doe", Roles = [new Role("CEO", "Acme", new DateOnly(2001, 1, 1), null), new Role("Director", null, null, new DateOnly(2002, 2, 2))] },
            ],
        };

        AssertRoundTrip(CacheCodecs.Analysis, analysis);
        AssertRoundTrip(CacheCodecs.Analysis, new FilingAnalysis());
    }

    private static readonly FilingEvent Event = new()
    {
        Type = EventTypes.MilestonePayment,
        Date = new DateOnly(2007, 10, 17),
        Compound = "sar3419",
        Partner = "sanofi-aventis",
        AmountUsd = 21_500_000,
        AmountUsdMax = 30_000_000,
        Potential = true,
        Phase = "1",
        Detail = "detail",
        Paragraph = "p1",
    };

    // Written, read, and written again: the same bytes, and the read value gives the same entries on a second read,
    // so no field is lost, moved into another's place or read from the wrong position.
    [Fact]
    public void SearchText_ReadByOneCodec_SharesOneStringPerToken()
    {
        var codec = CacheCodecs.SearchText();
        var entries = new Dictionary<string, ContentFileCache<FilingSearchText>.Entry>
        {
            ["raw/a.txt"] = new("key", new FilingSearchText("a", ["milestone", "phase"])),
            ["raw/b.txt"] = new("key", new FilingSearchText("b", ["phase"])),
        };

        var read = ContentFileCache<FilingSearchText>.Decode(ContentFileCache<FilingSearchText>.Encode(entries, "tool", codec), "tool", codec)!;

        Assert.Same(read["raw/a.txt"].Value.Tokens[1], read["raw/b.txt"].Value.Tokens[0]);
        Assert.Equal("phase", read["raw/b.txt"].Value.Tokens[0]);
    }

    private static void AssertRoundTrip<T>(ICacheCodec<T> codec, T value)
        where T : class
    {
        var entries = new Dictionary<string, ContentFileCache<T>.Entry> { ["raw/x.txt"] = new("key", value) };
        var bytes = ContentFileCache<T>.Encode(entries, "tool", codec);

        var read = ContentFileCache<T>.Decode(bytes, "tool", codec);

        Assert.NotNull(read);
        Assert.Equal("key", read["raw/x.txt"].Key);
        Assert.Equal(bytes, ContentFileCache<T>.Encode(read, "tool", codec));
        Assert.Equal(Describe(value), Describe(read["raw/x.txt"].Value));
    }

    // Records print their fields, but lists print only their type: expand those.
    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        Utf8Text t => $"utf8\"{t}\"",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Describe)) + "]",
        _ when value.GetType().Namespace?.StartsWith("ImmunoGen", StringComparison.Ordinal) == true =>
            value.GetType().Name + "{" + string.Join(", ", value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{p.Name}={Describe(p.GetValue(value))}")) + "}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
