using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Render;
using ImmunoGen.Kb.Tests.Build;

namespace ImmunoGen.Kb.Tests.Content;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // Larger than the 64 KB chunks the file is compared in, so a difference in the last chunk is looked for too.
    private static byte[] Page() => Enumerable.Range(0, 200_000).Select(i => (byte)('a' + (i % 26))).ToArray();

    [Fact]
    public void TheSameBytes_AreNotWrittenAgain()
    {
        var path = _temp.Sub("page.html");
        Assert.True(AtomicFile.WriteIfChanged(path, Page()));
        var written = File.GetLastWriteTimeUtc(path);

        Assert.False(AtomicFile.WriteIfChanged(path, Page()));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65_536)]
    [InlineData(69_999)]
    [InlineData(70_000)]
    [InlineData(199_999)]
    public void OneByteChanged_AnywhereInTheFile_IsWritten_WholeOrInChunks(int at)
    {
        var path = _temp.Sub("page.html");
        AtomicFile.WriteIfChanged(path, Page());
        var changed = Page();
        changed[at] = (byte)'#';

        Assert.True(AtomicFile.WriteIfChanged(path, changed));
        Assert.Equal(changed, File.ReadAllBytes(path));

        // In chunks of 1, 69,999 and 130,000 bytes, whose edges fall where the file's 64 KB reads do not.
        using var same = Chunked(changed, 1, 70_000);
        using var back = Chunked(Page(), 1, 70_000);
        Assert.False(AtomicFile.WriteIfChanged(path, same.Sequence));
        Assert.True(AtomicFile.WriteIfChanged(path, back.Sequence));
        Assert.Equal(Page(), File.ReadAllBytes(path));
    }

    private static PageBytes Chunked(byte[] bytes, params int[] cuts)
    {
        var page = new PageBytes();
        var from = 0;
        foreach (var to in cuts.Append(bytes.Length))
        {
            // A hint larger than the free room starts a new chunk.
            bytes.AsSpan(from, to - from).CopyTo(page.GetSpan(64 * 1024 + to - from));
            page.Advance(to - from);
            from = to;
        }

        Assert.Equal(cuts.Length + 1, page.Sequence.IsSingleSegment ? 1 : CountSegments(page.Sequence));
        return page;
    }

    private static int CountSegments(System.Buffers.ReadOnlySequence<byte> sequence)
    {
        var n = 0;
        foreach (var _ in sequence)
        {
            n++;
        }

        return n;
    }
}
