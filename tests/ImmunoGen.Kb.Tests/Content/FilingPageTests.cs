using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Tests.Content;

public class FilingPageTests
{
    private static readonly FilingFrontMatter Sample = new()
    {
        Title = "sanofi-aventis Licenses Broader Access to ImmunoGen's Antibody Humanization Technology",
        Form = "8-K",
        Company = "ImmunoGen, Inc.",
        FileNumber = "0-17999",
        EventDate = new DateOnly(2006, 10, 17),
        PressReleaseDate = new DateOnly(2006, 10, 18),
        SignedDate = new DateOnly(2006, 10, 19),
        Items = [new FilingItem("1.01", "Entry into a Material Definitive Agreement"), new FilingItem("9.01", "Financial Statements and Exhibits")],
        Exhibits = [new Exhibit("99.1", "Press Release of ImmunoGen, Inc. dated October 18, 2006")],
        Signatories = [new Signatory("Daniel M. Junius", "Executive Vice President and Chief Financial Officer")],
        Partners = ["sanofi-aventis"],
        Events =
        [
            new FilingEvent { Type = EventTypes.LicenseFee, Date = new DateOnly(2006, 10, 17), Partner = "sanofi-aventis", AmountUsd = 1_000_000, Detail = "half due upon contract signing: \"yes\"", Paragraph = "p2" },
            new FilingEvent { Type = EventTypes.MilestonePayment, Partner = "sanofi-aventis", AmountUsd = 21_500_000, AmountUsdMax = 30_000_000, Potential = true },
        ],
        Source = new SourceRef("raw/001_a60059691f3829e0.txt", new string('a', 64)),
    };

    [Fact]
    public void Write_ThenRead_GivesBackTheSameFacts()
    {
        var text = FilingPage.Write(Sample, "## ITEM 1.01\n\nBody with $21.5 to $30 million.\n");
        var diagnostics = new List<Diagnostic>();

        var filing = FilingPage.Read("filings/2006-10-17-x.md", text, diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(filing);
        Assert.Equal("2006-10-17-x", filing.Slug);
        Assert.Equal(Sample.Title, filing.Meta.Title);
        Assert.Equal(Sample.EventDate, filing.Meta.EventDate);
        Assert.Equal(Sample.Items, filing.Meta.Items);
        Assert.Equal(Sample.Exhibits, filing.Meta.Exhibits);
        Assert.Equal(Sample.Signatories, filing.Meta.Signatories);
        Assert.Equal(Sample.Events, filing.Meta.Events);
        Assert.Equal(Sample.Source, filing.Meta.Source);
        Assert.Equal("## ITEM 1.01\n\nBody with $21.5 to $30 million.\n", filing.Body);
    }

    [Fact]
    public void ARead_FilingKeepsTheHashOfItsText_AndACopyWithChangesDoesNot()
    {
        var text = FilingPage.Write(Sample, "Body.\n");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        // The same facts in another layout (a comment) read the same, and hash as the text they were read from.
        var commented = text.Replace("\nform: 8-K\n", "\n# checked by hand\nform: 8-K\n", StringComparison.Ordinal);

        var filing = FilingPage.Read("filings/2006-10-17-x.md", text, [])!;
        var other = FilingPage.Read("filings/2006-10-17-x.md", commented, [])!;
        var copy = filing with { Body = "Another body.\n" };

        Assert.Equal(sha, filing.TextSha256);
        Assert.Equal(sha, filing.PageSha256());
        Assert.Equal(text, FilingPage.Write(other.Meta, other.Body!));
        Assert.NotEqual(sha, other.PageSha256());
        Assert.Null(copy.TextSha256);
        Assert.Equal(Fingerprint.Of(FilingPage.Write(Sample, "Another body.\n")), copy.PageSha256());
    }

    [Fact]
    public void Write_QuotesValuesYamlWouldRetype()
    {
        var text = FilingPage.Write(Sample, "");

        Assert.Contains("number: \"1.01\"", text);
        Assert.Contains("file_number: 0-17999", text);
        Assert.Contains("event_date: 2006-10-17", text);
        Assert.Contains("amount_usd: 1000000", text);
        Assert.DoesNotContain("accession_number", text);
    }

    [Fact]
    public void Read_ReportsAListWhereADateBelongs_WithItsLine()
    {
        var diagnostics = new List<Diagnostic>();

        var filing = FilingPage.Read("filings/x.md", "---\ntitle: T\nevent_date:\n  - 2006-10-17\n---\n\nbody\n", diagnostics);

        Assert.Null(filing);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.Content.WrongType, d.Code);
        Assert.Equal(4, d.Line);
    }

    [Fact]
    public void Read_ReportsAnUnknownKey()
    {
        var diagnostics = new List<Diagnostic>();

        FilingPage.Read("filings/x.md", "---\ntitle: T\ncolour: red\n---\n", diagnostics);

        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.Content.UnknownKey, d.Code);
        Assert.Equal(3, d.Line);
        Assert.Equal("filings/x.md:3: error KB2002: unknown front-matter key 'colour'", d.ToString());
    }

    [Fact]
    public void Read_RefusesYamlAliasesInsteadOfExpandingThem()
    {
        var laughs = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n";
        var diagnostics = new List<Diagnostic>();

        Assert.Null(FilingPage.Read("filings/x.md", laughs, diagnostics));
        Assert.Equal(DiagnosticCodes.Content.YamlTooComplex, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Read_ReportsBrokenYamlWithItsLine()
    {
        var diagnostics = new List<Diagnostic>();

        FilingPage.Read("filings/x.md", "---\ntitle: T\nitems: [unclosed\n---\n", diagnostics);

        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.Content.BadFrontMatter, d.Code);
        Assert.True(d.Line >= 3, d.ToString());
    }
}

public class EntityPageTests
{
    [Fact]
    public void Write_ThenRead_KeepsAnAliasWithACommaWhole()
    {
        // Seen on the synthetic corpus: a flow list [Arthex, Inc.] read back as two aliases, "Arthex" and "Inc.".
        var partner = new Partner { Slug = "arthex", Name = "Arthex", Aliases = ["Arthex, Inc.", "AX [old]"], Relationship = "licensee", Discovered = true };
        var diagnostics = new List<Diagnostic>();

        var read = EntityPage.Read(EntityKind.Partner, "partners/arthex.md", EntityPage.Write(partner), diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["Arthex, Inc.", "AX [old]"], Assert.IsType<Partner>(read).Aliases);
    }
}
