using ImmunoGen.Kb.Cli.Commands;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Import;

namespace ImmunoGen.Kb.Tests.Import;

/// <summary>
/// Each bad input gets one error line naming the file and the reason, the good filings still import,
/// and the command ends with a summary and exit code 1. Nothing throws.
/// </summary>
public class BadInputTests
{
    public static TheoryData<string, byte[], string, string> BadInputs => new()
    {
        { "empty.txt", [], DiagnosticCodes.Import.EmptyFile, "empty file" },
        { "binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00], DiagnosticCodes.Import.BinaryFile, "binary file" },
        { "letter.txt", "Dear shareholder,\n\nThank you for your support this year.\n"u8.ToArray(), DiagnosticCodes.Import.NotAFiling, "no recognizable filing" },
        { "nodate.txt", "ITEM 8.01 OTHER EVENTS\n\nThe Company announced a result.\n"u8.ToArray(), DiagnosticCodes.Import.NoDate, "no date found" },
        { "impossible.txt", "FORM 8-K\n\nDate of Report (Date of earliest event reported): February 30, 2006\n\nITEM 8.01 OTHER EVENTS\n\nText.\n"u8.ToArray(), DiagnosticCodes.Import.ImpossibleDate, "impossible date 'February 30, 2006'" },
        { "notitle.txt", "FORM 8-K\n\nDate of Report (Date of earliest event reported): May 1, 2010\n\nSIGNATURES\n\n/s/ Daniel M. Junius\n"u8.ToArray(), DiagnosticCodes.Import.NoTitle, "no title found" },
        { "damaged.txt", [.. "ITEM 8.01 – OTHER EVENTS "u8, 0xC3, 0x28], DiagnosticCodes.Import.Undecodable, "invalid UTF-8" },
        { "no8k.txt", "<SEC-HEADER>\nACCESSION NUMBER: 0000855654-09-000001\nCONFORMED SUBMISSION TYPE: 8-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-101.SCH\n<TEXT>\n<xsd/>\n</TEXT>\n</DOCUMENT>\n"u8.ToArray(), DiagnosticCodes.Import.NoFilingDocument, "has no 8-K document" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_GetsItsOneLineError_WhileTheGoodFilingsStillImport(string name, byte[] bytes, string code, string reason)
    {
        using var t = new TempContent();
        var bad = t.Put(name, bytes);
        var good = t.PutSeed("001_a60059691f3829e0");

        var result = new FilingImporter(t.Content).Import([bad, good]);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(code, error.Code);
        Assert.True(error.IsError);
        Assert.EndsWith(name, error.Path, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToString());
        Assert.Equal(1, result.Imported);
        Assert.Equal(1, result.Failed);
        Assert.True(result.HasErrors);
        Assert.False(File.Exists(Path.Combine(t.Content, "raw", name)), "a bad file is not copied into content/raw");
    }

    [Fact]
    public void ImportCommand_PrintsOneLinePerProblemAndASummary_AndExitsWith1()
    {
        using var t = new TempContent();
        var paths = new[] { t.Put("empty.txt", []), t.Put("binary.dat", [0, 1, 2, 3]), t.PutSeed("000_53aae128987dd489"), t.PutSeed("002_9fcb631c0bb8cd92") };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = ImportCommand.Run(paths, t.Content, stdout, stderr);

        Assert.Equal(1, exit);
        var errors = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, e => e.EndsWith("binary.dat: error KB1002: binary file (NUL or control bytes), not filing text", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith("empty.txt: error KB1001: empty file", StringComparison.Ordinal));
        // A folder with no entity pages yet: the import discovers them, as kb build would.
        Assert.Equal("import: 2 imported, 0 updated, 0 unchanged, 0 kept (edited), 0 removed, 0 duplicate, 2 failed; 16 entities discovered\n", stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(2, t.Pages().Length);
        Assert.All(t.Pages(), page => Assert.Contains("\nevents:\n", File.ReadAllText(Path.Combine(t.Content, "filings", page)), StringComparison.Ordinal));
    }

    [Fact]
    public void ImportCommand_ExitsWith0_WhenEveryInputImports()
    {
        using var t = new TempContent();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = ImportCommand.Run([t.PutSeed("003_35968dba8423dc4d")], t.Content, stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void ImportCommand_WithoutPaths_IsAUsageError()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(2, ImportCommand.Run([], "content", stdout, stderr));
        Assert.NotEmpty(ImportCommand.Create().Parse([]).Errors);
    }

    [Fact]
    public void MissingPath_IsReported_AndTheRestImports()
    {
        using var t = new TempContent();

        var result = new FilingImporter(t.Content).Import([Path.Combine(t.Inbox, "nope.txt"), t.PutSeed("001_a60059691f3829e0")]);

        Assert.Equal(DiagnosticCodes.Import.NotFound, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(1, result.Imported);
    }

    [Fact]
    public void Windows1252CrLfSubmission_ImportsThroughTheImporter()
    {
        using var t = new TempContent();

        var result = new FilingImporter(t.Content).Import([t.Put("edgar.txt", File.ReadAllBytes(ImportTestFiles.Data("edgar-cp1252-crlf-002.txt")))]);

        Assert.Empty(result.Diagnostics);
        var page = File.ReadAllText(Path.Combine(t.Content, "filings", t.Pages().Single()));
        Assert.Contains("accession_number: 0000855654-06-000077\n", page, StringComparison.Ordinal);
        Assert.Contains("297 mg/m²", page, StringComparison.Ordinal);
    }

    [Fact]
    public void RawFilesInsideContentRaw_AreNeverModified()
    {
        using var t = new TempContent();
        ImportTestFiles.Seeds.ToList().ForEach(s => t.PutSeed(s));
        new FilingImporter(t.Content).Import([t.Inbox]);
        var before = Directory.GetFiles(Path.Combine(t.Content, "raw")).ToDictionary(f => f, File.ReadAllBytes);

        new FilingImporter(t.Content).Import([Path.Combine(t.Content, "raw")]);

        foreach (var (path, bytes) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }
    }
}
