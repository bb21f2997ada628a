using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Import;
using ImmunoGen.Kb.Tests.Extract;

namespace ImmunoGen.Kb.Tests.Import;

/// <summary>kb import over a content folder: pages, safe re-runs, edits kept, duplicates, enrichment.</summary>
public class FilingImporterTests
{
    private static readonly string[] SeedPages =
    [
        "2006-10-04-immunogen-announces-initiation-of-clinical-testing-of-ave1642-anticancer.md",
        "2006-10-17-sanofi-aventis-licenses-broader-access-to-immunogen-s-antibody-humanization.md",
        "2006-11-08-immunogen-inc-announces-presentation-of-huc242-dm4-clinical-data-at-eortc-nci.md",
        "2007-10-17-immunogen-inc-earns-milestone-with-start-of-sar3419-clinical-testing.md",
    ];

    private static ImportResult ImportSeeds(TempContent t) =>
        new FilingImporter(t.Content).Import(ImportTestFiles.Seeds.Select(s => t.PutSeed(s)));

    [Fact]
    public void ImportingTheSeeds_WritesFourPages_CopiesTheRawFiles_AndRecordsTheirSource()
    {
        using var t = new TempContent();

        var result = ImportSeeds(t);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(4, result.Imported);
        Assert.Equal(SeedPages, t.Pages());
        foreach (var seed in ImportTestFiles.Seeds)
        {
            Assert.Equal(File.ReadAllBytes(ImportTestFiles.Seed(seed)), File.ReadAllBytes(Path.Combine(t.Content, "raw", seed + ".txt")));
        }

        var page = File.ReadAllText(Path.Combine(t.Content, "filings", SeedPages[1]));
        var expected = File.ReadAllText(ImportTestFiles.Data("001_a60059691f3829e0.expected.md"));
        var sha = Fingerprint.Of(File.ReadAllBytes(ImportTestFiles.Seed("001_a60059691f3829e0")));
        Assert.Equal(expected.TrimEnd('\n') + "\n", page.Replace($"source:\n  path: raw/001_a60059691f3829e0.txt\n  sha256: {sha}\n", "", StringComparison.Ordinal));
        Assert.Equal("import: 4 imported, 0 updated, 0 unchanged, 0 kept (edited), 0 removed, 0 duplicate, 0 failed", result.Summary);
    }

    [Fact]
    public void ImportingTheSameFilingsAgain_LeavesContentByteIdentical()
    {
        using var t = new TempContent();
        ImportSeeds(t);
        var before = t.Snapshot();

        var second = ImportSeeds(t);

        Assert.Equal(before, t.Snapshot());
        Assert.Equal(4, second.Unchanged);
        Assert.Equal(0, second.Imported + second.Updated);
        Assert.Empty(second.Diagnostics);
    }

    [Fact]
    public void ImportState_IsSortedDeterministicJson_WithTheHashOfEachWrittenPage()
    {
        using var t = new TempContent();
        ImportSeeds(t);

        var json = File.ReadAllText(ImportState.PathIn(t.Content));
        var state = ImportState.Parse(json)!;

        Assert.Equal(SeedPages.Select(p => "filings/" + p), state.Pages.Keys.Order(StringComparer.Ordinal));
        foreach (var e in state.Pages.Values)
        {
            Assert.Equal(Fingerprint.Of(File.ReadAllBytes(Path.Combine(t.Content, e.Page))), e.Sha256);
            Assert.Equal(Fingerprint.Of(File.ReadAllBytes(Path.Combine(t.Content, e.Source))), e.SourceSha256);
        }

        Assert.Equal(json, state.ToJson());
        Assert.StartsWith("{\n  \"format\": 1,\n  \"pages\": [\n    {\n      \"page\": \"filings/2006-10-04-", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedRawFile_UpdatesItsPage()
    {
        using var t = new TempContent();
        ImportSeeds(t);
        var raw = Path.Combine(t.Content, "raw", "002_9fcb631c0bb8cd92.txt");
        File.WriteAllText(raw, File.ReadAllText(raw).Replace("Twenty-eight patients", "Thirty patients", StringComparison.Ordinal));

        var result = new FilingImporter(t.Content).Import([]);

        Assert.Equal(1, result.Updated);
        Assert.Equal(3, result.Unchanged);
        Assert.Contains("Thirty patients", File.ReadAllText(Path.Combine(t.Content, "filings", SeedPages[2])), StringComparison.Ordinal);
    }

    [Fact]
    public void RawFileWhoseTitleChanges_MovesItsPage_AndTheOldUneditedPageGoes()
    {
        using var t = new TempContent();
        ImportSeeds(t);
        var raw = Path.Combine(t.Content, "raw", "003_35968dba8423dc4d.txt");
        File.WriteAllText(raw, File.ReadAllText(raw).Replace("ImmunoGen, Inc. Earns Milestone with Start", "ImmunoGen Earns a Milestone at the Start", StringComparison.Ordinal));

        var result = new FilingImporter(t.Content).Import([]);

        Assert.Equal(1, result.Imported);
        Assert.Equal(1, result.Removed);
        Assert.Contains("2007-10-17-immunogen-earns-a-milestone-at-the-start-of-sar3419-clinical-testing.md", t.Pages());
        Assert.DoesNotContain(SeedPages[3], t.Pages());
    }

    [Fact]
    public void RemovingARawFile_RemovesItsPage_UnlessAPersonEditedIt()
    {
        using var t = new TempContent();
        ImportSeeds(t);
        File.Delete(Path.Combine(t.Content, "raw", "003_35968dba8423dc4d.txt"));
        File.Delete(Path.Combine(t.Content, "raw", "002_9fcb631c0bb8cd92.txt"));
        var edited = Path.Combine(t.Content, "filings", SeedPages[2]);
        File.AppendAllText(edited, "\nA note a person added.\n");

        var result = new FilingImporter(t.Content).Import([]);

        Assert.Equal(1, result.Removed);
        Assert.Equal(1, result.KeptEdited);
        Assert.DoesNotContain(SeedPages[3], t.Pages());
        Assert.Contains(SeedPages[2], t.Pages());
        var kept = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Import.EditedPageKept, kept.Code);
        Assert.Contains("raw/002_9fcb631c0bb8cd92.txt was removed, but this page was edited", kept.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARawFileThatNoLongerParses_KeepsItsPage()
    {
        using var t = new TempContent();
        ImportSeeds(t);
        File.WriteAllBytes(Path.Combine(t.Content, "raw", "003_35968dba8423dc4d.txt"), []);

        var result = new FilingImporter(t.Content).Import([]);

        Assert.Equal(0, result.Removed);
        Assert.Contains(SeedPages[3], t.Pages());
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Import.EmptyFile);
    }

    [Fact]
    public void PageEditedByAPerson_IsNeverOverwritten_AndIsReported()
    {
        using var t = new TempContent();
        ImportSeeds(t);
        var page = Path.Combine(t.Content, "filings", SeedPages[0]);
        var edited = File.ReadAllText(page) + "\nA note a person added.\n";
        File.WriteAllText(page, edited);
        var raw = Path.Combine(t.Content, "raw", "000_53aae128987dd489.txt");
        File.AppendAllText(raw, "\nOne more sentence in the raw file.\n");

        var result = new FilingImporter(t.Content).Import([]);

        Assert.Equal(edited, File.ReadAllText(page));
        Assert.Equal(1, result.KeptEdited);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Import.EditedPageKept, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void SameBytesUnderAnotherName_AreNotCopiedTwice()
    {
        using var t = new TempContent();
        ImportSeeds(t);

        var result = new FilingImporter(t.Content).Import([t.PutSeed("001_a60059691f3829e0", "copy-of-001.txt")]);

        Assert.False(File.Exists(Path.Combine(t.Content, "raw", "copy-of-001.txt")));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void TwoRawFilesThatAreTheSameFiling_AreReportedAsDuplicates_AndImportedOnceFromTheFirst()
    {
        using var t = new TempContent();
        var raw = Path.Combine(t.Content, "raw");
        Directory.CreateDirectory(raw);
        File.Copy(ImportTestFiles.Seed("003_35968dba8423dc4d"), Path.Combine(raw, "a-003.txt"));
        File.Copy(ImportTestFiles.Data("edgar-plain-003.txt"), Path.Combine(raw, "b-003-edgar.txt"));
        File.Copy(ImportTestFiles.Seed("003_35968dba8423dc4d"), Path.Combine(raw, "c-003-again.txt"));
        var importer = new FilingImporter(t.Content);

        var read = importer.Read(importer.RawFiles());

        var filing = Assert.Single(read.Filings);
        Assert.Equal("raw/a-003.txt", filing.RawPath);
        Assert.Equal(2, read.Duplicates);
        Assert.All(read.Diagnostics, d => Assert.Equal(DiagnosticCodes.Import.Duplicate, d.Code));
        Assert.Contains(read.Diagnostics, d => d.Path.EndsWith("b-003-edgar.txt", StringComparison.Ordinal) && d.Message.Contains("raw/a-003.txt (same event date and title)", StringComparison.Ordinal));
        Assert.Contains(read.Diagnostics, d => d.Path.EndsWith("c-003-again.txt", StringComparison.Ordinal) && d.Message.Contains("raw/a-003.txt (same bytes)", StringComparison.Ordinal));
    }

    [Fact]
    public void SameAccessionNumber_IsTheSameFiling()
    {
        using var t = new TempContent();
        var raw = Path.Combine(t.Content, "raw");
        Directory.CreateDirectory(raw);
        var text = File.ReadAllText(ImportTestFiles.Data("edgar-plain-003.txt"));
        File.WriteAllText(Path.Combine(raw, "one.txt"), text);
        File.WriteAllText(Path.Combine(raw, "two.txt"), text.Replace("Earns Milestone with Start", "Earns a Milestone with the Start", StringComparison.Ordinal));
        var importer = new FilingImporter(t.Content);

        var read = importer.Read(importer.RawFiles());

        Assert.Single(read.Filings);
        Assert.Contains("same accession number 0000855654-07-000031", Assert.Single(read.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewFileWithATakenNameButOtherBytes_IsCopiedUnderAFreeName()
    {
        using var t = new TempContent();
        ImportSeeds(t);
        var other = t.Put("001_a60059691f3829e0.txt", File.ReadAllBytes(ImportTestFiles.Data("edgar-plain-003.txt")));

        var result = new FilingImporter(t.Content).Import([other]);

        Assert.True(File.Exists(Path.Combine(t.Content, "raw", "001_a60059691f3829e0-2.txt")));
        Assert.Equal(File.ReadAllBytes(ImportTestFiles.Seed("001_a60059691f3829e0")), File.ReadAllBytes(Path.Combine(t.Content, "raw", "001_a60059691f3829e0.txt")));
        Assert.Equal(DiagnosticCodes.Import.Duplicate, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void FolderInput_ImportsEveryFileInIt()
    {
        using var t = new TempContent();
        foreach (var seed in ImportTestFiles.Seeds)
        {
            t.PutSeed(seed);
        }

        var result = new FilingImporter(t.Content).Import([t.Inbox]);

        Assert.Equal(4, result.Imported);
        Assert.Equal(SeedPages, t.Pages());
    }

    [Fact]
    public void Enrichment_AddsFrontMatterBetweenReadingAndWriting()
    {
        using var t = new TempContent();
        var importer = new FilingImporter(t.Content);
        Directory.CreateDirectory(importer.RawDir);
        File.Copy(ImportTestFiles.Seed("000_53aae128987dd489"), Path.Combine(importer.RawDir, "000.txt"));
        var read = importer.Read(importer.RawFiles());

        var written = importer.Write(read.Filings, f => f.Meta with { Compounds = ["ave1642"], Partners = ["sanofi-aventis"] });

        Assert.Equal(1, written.Imported);
        var page = File.ReadAllText(Path.Combine(t.Content, written.Pages[0]));
        Assert.Contains("compounds: [ave1642]\npartners: [sanofi-aventis]\n", page, StringComparison.Ordinal);
        Assert.Contains("source:\n  path: raw/000.txt\n", page, StringComparison.Ordinal);
    }

    // A build hands the front-matter it writes straight to the loading of the pages, which then skips their YAML: it must
    // be, field for field, what reading the page gives, for every kind of input (seeds, EDGAR submissions, hostile text).
    [Fact]
    public void EveryPageWritten_TellsTheFrontMatterThatReadingThePageGives()
    {
        using var t = new TempContent();
        var importer = new FilingImporter(t.Content);
        Directory.CreateDirectory(importer.RawDir);
        var inputs = ImportTestFiles.Seeds.Select(ImportTestFiles.Seed)
            .Concat(Directory.GetFiles(ImportTestFiles.TestData, "edgar-*.txt"))
            .Concat(Directory.GetFiles(Path.Combine(ImportTestFiles.RepoRoot, "tests", "ImmunoGen.Kb.Tests", "TestData", "Hostile")))
            .Concat(ImportTestFiles.EdgarFixtures is { } edgar ? Directory.GetFiles(edgar, "*.txt") : []);
        foreach (var input in inputs)
        {
            File.Copy(input, Path.Combine(importer.RawDir, Path.GetFileName(input)));
        }

        var read = importer.Read(importer.RawFiles());
        var analyzer = new FilingAnalyzer(SeedFilings.Registry());
        var told = new ToldFrontMatter();

        var written = importer.Write(read.Filings, f => analyzer.Analyze(f.Meta, FilingBody.Parse(f.Body.ToString())).ApplyTo(f.Meta), frontMatter: told);

        Assert.Equal(read.Filings.Count, written.Pages.Count);
        Assert.Equal(written.Pages, told.Pages.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(told.Pages.Values, p => p.Meta.Events.Count > 0 && p.Meta.People.Count > 0);
        foreach (var page in written.Pages)
        {
            var text = File.ReadAllText(Path.Combine(t.Content, page));
            var diagnostics = new List<Diagnostic>();
            var filing = FilingPage.Read(page, text, diagnostics);

            Assert.Empty(diagnostics);
            Assert.Equal(Fingerprint.Of(FrontMatterText.Split(text)!.Value.Yaml), told.Pages[page].YamlSha256);
            Assert.Equal(Encoded(filing!.Meta), Encoded(told.Pages[page].Meta));
        }
    }

    private static byte[] Encoded(FilingFrontMatter meta) =>
        ContentFileCache<FilingFrontMatter>.Encode(new Dictionary<string, ContentFileCache<FilingFrontMatter>.Entry> { ["page"] = new("key", meta) }, "tool", CacheCodecs.FrontMatter);

    private sealed class ToldFrontMatter : IFrontMatterCache
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, (string YamlSha256, FilingFrontMatter Meta)> Pages { get; } = new(StringComparer.Ordinal);

        public FilingFrontMatter? Find(string path, string frontMatterSha256) => null;

        public void Add(string path, string frontMatterSha256, FilingFrontMatter meta) => Assert.True(Pages.TryAdd(path, (frontMatterSha256, meta)), $"{path} told twice");
    }

    [Fact]
    public void Writes_LeaveNoTemporaryFilesBehind()
    {
        using var t = new TempContent();
        ImportSeeds(t);

        Assert.Empty(Directory.EnumerateFiles(t.Content, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void CorruptImportState_IsReported_AndDifferingPagesAreKept()
    {
        using var t = new TempContent();
        ImportSeeds(t);
        File.WriteAllText(ImportState.PathIn(t.Content), "{ not json");
        var page = Path.Combine(t.Content, "filings", SeedPages[0]);
        File.AppendAllText(page, "edited\n");

        var result = new FilingImporter(t.Content).Import([]);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Import.StateUnreadable);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Import.EditedPageKept);
        Assert.EndsWith("edited\n", File.ReadAllText(page), StringComparison.Ordinal);
    }
}
