using System.Text;
using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Import;
using ImmunoGen.Kb.Tests.Import;

namespace ImmunoGen.Kb.Tests.Robustness;

/// <summary>
/// One workspace, built twice: first clean from the four seeds, then with every hostile raw filing dropped into
/// content/raw/ at once (and a 50 MB file made at test time). Each bad file must get exactly its one-line error, and
/// nothing the first build wrote may be lost.
/// </summary>
public sealed class BadRawFilingBuild : IDisposable
{
    public static readonly string[] Fixtures =
    [
        "binary.txt", "edgar-no-8k.txt", "empty.txt", "impossible-date.txt", "invalid-utf8.txt", "no-date.txt",
        "no-title.txt", "no-headline-no-item-title.txt", "not-a-filing.txt", "truncated.txt", "edgar-truncated.txt", "xss-filing.txt", "edgar-html-unclosed.txt",
    ];

    public BadRawFilingBuild()
    {
        First = Workspace.Build();
        Content1 = Workspace.Snapshot(Workspace.Content);
        Site1 = Workspace.Snapshot(Workspace.Site);
        foreach (var f in Fixtures)
        {
            Workspace.AddRawFixture(f, "zz-" + f);
        }

        // 50 MB of real filing text: over the limit, so refused before it is read into memory.
        var seed = File.ReadAllBytes(ImportTestFiles.Seed(ImportTestFiles.Seeds[0]));
        using (var big = File.Create(Path.Combine(Workspace.Raw, "zz-50mb.txt")))
        {
            for (long written = 0; written < 50L * 1024 * 1024; written += seed.Length)
            {
                big.Write(seed);
            }
        }

        Second = Workspace.Build();
    }

    public Workspace Workspace { get; } = new();

    public BuildResult First { get; }

    public BuildResult Second { get; }

    public SortedDictionary<string, byte[]> Content1 { get; }

    public SortedDictionary<string, byte[]> Site1 { get; }

    public Diagnostic[] ErrorsFor(string rawName) =>
        Second.Diagnostics.Where(d => d.IsError && d.Path == Workspace.Shown(Path.Combine(Workspace.Raw, rawName))).ToArray();

    public void Dispose() => Workspace.Dispose();
}

public sealed class BadRawFilingTests(BadRawFilingBuild build) : IClassFixture<BadRawFilingBuild>
{
    [Fact]
    public void The_seed_build_is_clean()
    {
        Assert.Empty(Workspace.Errors(build.First));
    }

    [Theory]
    [InlineData("zz-empty.txt", DiagnosticCodes.Import.EmptyFile, 0, "empty file")]
    [InlineData("zz-binary.txt", DiagnosticCodes.Import.BinaryFile, 0, "binary file")]
    [InlineData("zz-invalid-utf8.txt", DiagnosticCodes.Import.Undecodable, 0, "invalid UTF-8 at byte")]
    [InlineData("zz-50mb.txt", DiagnosticCodes.Import.TooLarge, 0, "over the 32 MB limit")]
    [InlineData("zz-not-a-filing.txt", DiagnosticCodes.Import.NotAFiling, 0, "no recognizable filing")]
    [InlineData("zz-no-date.txt", DiagnosticCodes.Import.NoDate, 0, "no date found")]
    [InlineData("zz-no-headline-no-item-title.txt", DiagnosticCodes.Import.NoTitle, 0, "no title found")]
    [InlineData("zz-edgar-no-8k.txt", DiagnosticCodes.Import.NoFilingDocument, 0, "has no 8-K document")]
    [InlineData("zz-truncated.txt", DiagnosticCodes.Import.Truncated, 34, "file ends mid-way (a cut-off download?): the last line stops mid-sentence")]
    [InlineData("zz-edgar-truncated.txt", DiagnosticCodes.Import.Truncated, 19, "EDGAR submission has no closing </SEC-DOCUMENT>")]
    public void A_bad_raw_filing_gets_one_error_naming_the_file(string rawName, string code, int line, string reason)
    {
        var errors = build.ErrorsFor(rawName);
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        var text = error.ToString();
        Assert.DoesNotContain('\n', text);
        Assert.StartsWith(Workspace.Shown(Path.Combine(build.Workspace.Raw, rawName)) + (line > 0 ? $":{line}:" : ":") + " error " + code + ": ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_impossible_date_is_reported_at_every_line_that_states_it()
    {
        var errors = build.ErrorsFor("zz-impossible-date.txt");
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.Import.ImpossibleDate, e.Code));
        Assert.Equal(
            [
                (11, "impossible date 'February 30, 2006' in the cover-page 'Date of Report'"),
                (67, "impossible date 'February 30, 2006' in the signature date"),
                (105, "impossible date 'February 30, 2006' in the press-release dateline"),
            ],
            errors.Select(e => (e.Line, e.Message)));
    }

    [Fact]
    public void A_filing_without_a_headline_takes_its_first_item_as_title()
    {
        // The importer's rule for 8-Ks without a press release (5.02, 8.01 notices): the item names the filing.
        Assert.Empty(build.ErrorsFor("zz-no-title.txt"));
        var page = Directory.EnumerateFiles(Path.Combine(build.Workspace.Content, "filings"), "*.md")
            .Select(File.ReadAllText)
            .Single(p => p.Contains("path: raw/zz-no-title.txt", StringComparison.Ordinal));
        Assert.StartsWith("---\ntitle: Other Events\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_with_bad_input_fails_with_errors_but_keeps_every_good_file()
    {
        Assert.True(build.Second.HasErrors);
        var content2 = Workspace.Snapshot(build.Workspace.Content);
        var changed = build.Content1.Where(kv => !content2.TryGetValue(kv.Key, out var now) || !now.AsSpan().SequenceEqual(kv.Value)).Select(kv => kv.Key).ToList();
        Assert.Equal(["filings/.imports.json"], changed);

        var site2 = Workspace.Snapshot(build.Workspace.Site);
        foreach (var path in build.Site1.Keys.Where(p => p.StartsWith("filings/", StringComparison.Ordinal) || p.StartsWith("compounds/", StringComparison.Ordinal)))
        {
            Assert.True(site2.ContainsKey(path), $"site/{path} was lost");
        }

        foreach (var seedPage in Directory.EnumerateFiles(Path.Combine(build.Workspace.Content, "filings"), "*.md"))
        {
            Assert.True(site2.ContainsKey("filings/" + Kb.Content.Slug.FromFileName(seedPage) + ".html"), seedPage);
        }
    }

    [Fact]
    public void Raw_files_are_never_modified_or_removed()
    {
        foreach (var f in BadRawFilingBuild.Fixtures)
        {
            Assert.Equal(File.ReadAllBytes(Workspace.Hostile(f)), File.ReadAllBytes(Path.Combine(build.Workspace.Raw, "zz-" + f)));
        }
    }

    [Fact]
    public void Html_with_unclosed_tags_and_the_xss_filing_are_imported_not_refused()
    {
        Assert.Empty(build.ErrorsFor("zz-edgar-html-unclosed.txt"));
        Assert.Empty(build.ErrorsFor("zz-xss-filing.txt"));
        var pages = Directory.EnumerateFiles(Path.Combine(build.Workspace.Content, "filings"), "*.md").Select(File.ReadAllText).ToList();
        Assert.Contains(pages, p => p.Contains("path: raw/zz-edgar-html-unclosed.txt", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains("path: raw/zz-xss-filing.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_error_is_one_line_with_a_file()
    {
        Assert.All(Workspace.Errors(build.Second), d =>
        {
            Assert.NotEqual("", d.Path);
            Assert.DoesNotContain('\n', d.ToString());
        });
    }
}

/// <summary>Encodings and line endings a real filing arrives in: decoded, not refused.</summary>
public sealed class RawEncodingTests
{
    [Fact]
    public void Windows_1252_with_crlf_is_decoded_with_its_curly_quotes_and_dashes()
    {
        var bytes = File.ReadAllBytes(Workspace.Hostile("windows-1252-crlf.txt"));
        Assert.Contains((byte)0x96, bytes);
        var (text, error) = RawFilingReader.Decode(bytes, "w.txt");
        Assert.Null(error);
        Assert.DoesNotContain('\r', text!);
        Assert.Contains("(Zip Code)", text!, StringComparison.Ordinal);
        Assert.Contains('\u2013', text!);
        var (filing, diagnostics) = FilingParser.Parse(text!, "w.txt");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.Equal(new DateOnly(2007, 10, 17), filing!.Meta.EventDate);
    }

    [Fact]
    public void Mixed_line_endings_parse_like_the_seed_they_came_from()
    {
        var (text, error) = RawFilingReader.Decode(File.ReadAllBytes(Workspace.Hostile("mixed-line-endings.txt")), "m.txt");
        Assert.Null(error);
        var (mixed, diagnostics) = FilingParser.Parse(text!, "m.txt");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var (seed, _) = FilingParser.Parse(ImportTestFiles.SeedText(ImportTestFiles.Seeds[3]), "s.txt");
        Assert.Equal(seed!.Meta.Title, mixed!.Meta.Title);
        Assert.Equal(seed.Meta.EventDate, mixed.Meta.EventDate);
        Assert.Equal(seed.Meta.Items, mixed.Meta.Items);
    }

    [Fact]
    public void Utf16_with_a_bom_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ImportTestFiles.SeedText(ImportTestFiles.Seeds[0]))).ToArray();
        var (text, error) = RawFilingReader.Decode(bytes, "u.txt");
        Assert.Null(error);
        Assert.Equal(ImportTestFiles.SeedText(ImportTestFiles.Seeds[0]), text);
    }
}
