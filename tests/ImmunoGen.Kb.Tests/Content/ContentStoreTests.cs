using System.Text;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Tests.Build;

namespace ImmunoGen.Kb.Tests.Content;

public sealed class ContentStoreTests : IDisposable
{
    private const string Page = "---\ntitle: Émile's filing — ImmunoGen\nevent_date: 2007-10-17\n---\n\nBody with “quotes” and ü.\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Encodings() => ["utf-8", "utf-8 with BOM", "utf-16 LE", "utf-16 BE", "utf-32 LE"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_filing_page_reads_the_same_in_every_encoding_a_byte_order_mark_names(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Page),
            "utf-8 with BOM" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Page)],
            "utf-16 LE" => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Page)],
            "utf-16 BE" => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(Page)],
            _ => [.. Encoding.UTF32.Preamble, .. Encoding.UTF32.GetBytes(Page)],
        };
        var store = new ContentStore(_temp.Path);
        Directory.CreateDirectory(store.FilingsDirectory);
        File.WriteAllBytes(Path.Combine(store.FilingsDirectory, "2007-10-17-x.md"), bytes);
        var diagnostics = new DiagnosticBag();

        var filing = Assert.Single(store.LoadFilings(diagnostics));

        Assert.Empty(diagnostics.ToSortedList());
        Assert.Equal("Émile's filing — ImmunoGen", filing.Meta.Title);
        Assert.Equal("Body with “quotes” and ü.\n", filing.Body.TrimStart('\n'));
        Assert.Equal(Fingerprint.Of(Page), filing.TextSha256);
    }
}
