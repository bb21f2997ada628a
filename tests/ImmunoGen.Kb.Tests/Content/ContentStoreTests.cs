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
        var store = StoreWithPage(encoding);
        var diagnostics = new DiagnosticBag();

        var filing = Assert.Single(store.LoadFilings(diagnostics));

        Assert.Empty(diagnostics.ToSortedList());
        Assert.Equal("Émile's filing — ImmunoGen", filing.Meta.Title);
        Assert.Equal("Body with “quotes” and ü.\n", filing.Body?.TrimStart('\n'));
        Assert.Equal(Fingerprint.Of(Page), filing.TextSha256);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_filing_loaded_without_its_body_reads_it_again_from_its_page(string encoding)
    {
        var store = StoreWithPage(encoding);
        var diagnostics = new DiagnosticBag();

        var corpus = store.Load(diagnostics, keepBody: _ => false);

        var filing = Assert.Single(corpus.Filings);
        Assert.Null(filing.Body);
        Assert.Equal("Body with “quotes” and ü.\n", corpus.BodyOf(filing));
        Assert.Equal(Fingerprint.Of(Page), filing.PageSha256());
        Assert.Empty(diagnostics.ToSortedList());
    }

    [Fact]
    public void A_page_changed_or_removed_after_loading_is_not_read_as_the_body_it_was_loaded_with()
    {
        var store = new ContentStore(_temp.Path);
        Directory.CreateDirectory(store.FilingsDirectory);
        var file = Path.Combine(store.FilingsDirectory, "2007-10-17-x.md");
        File.WriteAllText(file, Page);
        var corpus = store.Load(new DiagnosticBag(), keepBody: _ => false);
        var filing = Assert.Single(corpus.Filings);

        File.WriteAllText(file, Page.Replace("quotes", "edits", StringComparison.Ordinal));
        var changed = Assert.Throws<PageReadException>(() => corpus.BodyOf(filing));
        File.Delete(file);
        var removed = Assert.Throws<PageReadException>(() => corpus.BodyOf(filing));

        Assert.EndsWith("filings/2007-10-17-x.md", changed.Page, StringComparison.Ordinal);
        Assert.Equal("page changed during the build; build again", changed.Reason);
        Assert.StartsWith("cannot read page again: ", removed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_filings_chosen_keep_their_body()
    {
        var store = new ContentStore(_temp.Path);
        Directory.CreateDirectory(store.FilingsDirectory);
        File.WriteAllText(Path.Combine(store.FilingsDirectory, "2007-10-17-kept.md"), Page);
        File.WriteAllText(Path.Combine(store.FilingsDirectory, "2007-10-17-left.md"), Page);

        var corpus = store.Load(new DiagnosticBag(), keepBody: f => f.Slug.EndsWith("kept", StringComparison.Ordinal));

        Assert.Equal(["2007-10-17-kept", "2007-10-17-left"], corpus.Filings.Select(f => f.Slug));
        Assert.Equal("Body with “quotes” and ü.\n", corpus.Filings[0].Body);
        Assert.Null(corpus.Filings[1].Body);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_page_whose_front_matter_the_cache_knows_loads_as_it_does_when_read_in_full(string encoding)
    {
        var store = StoreWithPage(encoding);
        var cache = new CountingFrontMatterCache();
        var read = Assert.Single(store.LoadFilings(new DiagnosticBag(), cache, keepBody: _ => false));

        // The second load finds the front-matter the first one read: a UTF-8 page is then not decoded at all.
        var known = Assert.Single(store.LoadFilings(new DiagnosticBag(), cache, keepBody: _ => false));

        Assert.Equal(1, cache.Added);
        Assert.Equal(1, cache.Found);
        Assert.Equal((read.Slug, read.Path, read.Meta, read.BodyLine, read.TextSha256), (known.Slug, known.Path, known.Meta, known.BodyLine, known.TextSha256));
        Assert.Equal((6, Fingerprint.Of(Page)), (known.BodyLine, known.TextSha256));
        Assert.Null(known.Body);
    }

    [Fact]
    public void Bytes_that_decoding_would_change_are_not_read_as_they_are()
    {
        var cache = new CountingFrontMatterCache();
        var page = Encoding.UTF8.GetBytes(Page);
        var invalid = Encoding.UTF8.GetBytes("---\ntitle: x\n---\n\nBody \u0001.\n");
        invalid[^4] = 0xC3;
        var meta = FilingPage.Read("filings/2007-10-17-x.md", Encoding.UTF8.GetString(page), [], cache: cache)!.Meta;
        cache.Add("filings/2007-10-17-y.md", Fingerprint.Of("title: x\n"), meta);

        Assert.NotNull(FilingPage.ReadKnown("filings/2007-10-17-x.md", page, cache));
        Assert.Null(FilingPage.ReadKnown("filings/2007-10-17-y.md", invalid, cache));
        Assert.Null(FilingPage.ReadKnown("filings/2007-10-17-x.md", [.. Encoding.UTF8.Preamble, .. page], cache));
        Assert.Null(FilingPage.ReadKnown("filings/2007-10-17-other.md", page, cache));
        Assert.Null(FilingPage.ReadKnown("filings/2007-10-17-x.md", Encoding.UTF8.GetBytes(Page.Replace("2007-10-17", "2007-10-18", StringComparison.Ordinal)), cache));
    }

    private sealed class CountingFrontMatterCache : IFrontMatterCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), FilingFrontMatter> _known = new();

        public int Added { get; private set; }

        public int Found { get; private set; }

        public FilingFrontMatter? Find(string path, string frontMatterSha256)
        {
            var known = _known.GetValueOrDefault((path, frontMatterSha256));
            Found += known is null ? 0 : 1;
            return known;
        }

        public void Add(string path, string frontMatterSha256, FilingFrontMatter meta)
        {
            _known[(path, frontMatterSha256)] = meta;
            Added++;
        }
    }

    // A content folder holding one filing page, Page in the encoding named.
    private ContentStore StoreWithPage(string encoding)
    {
        var store = new ContentStore(_temp.Path);
        Directory.CreateDirectory(store.FilingsDirectory);
        File.WriteAllBytes(Path.Combine(store.FilingsDirectory, "2007-10-17-x.md"), Encoded(encoding));
        return store;
    }

    private static byte[] Encoded(string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(Page),
        "utf-8 with BOM" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Page)],
        "utf-16 LE" => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Page)],
        "utf-16 BE" => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(Page)],
        _ => [.. Encoding.UTF32.Preamble, .. Encoding.UTF32.GetBytes(Page)],
    };
}
