using ImmunoGen.Kb.Content;
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
    [InlineData(199_999)]
    public void OneByteChanged_AnywhereInTheFile_IsWritten(int at)
    {
        var path = _temp.Sub("page.html");
        AtomicFile.WriteIfChanged(path, Page());
        var changed = Page();
        changed[at] = (byte)'#';

        Assert.True(AtomicFile.WriteIfChanged(path, changed));
        Assert.Equal(changed, File.ReadAllBytes(path));
    }
}
