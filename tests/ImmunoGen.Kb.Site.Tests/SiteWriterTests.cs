using System.Text;
using ImmunoGen.Kb.Render;
using ImmunoGen.Kb.Site.Tests.Fixtures;
using ImmunoGen.Kb.Write;

namespace ImmunoGen.Kb.Site.Tests;

public class SiteWriterTests
{
    private static SiteFile F(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Write_ThenWriteTheSameAgain_WritesNothingTheSecondTime()
    {
        using var site = new TempSite();
        SiteFile[] files = [F("index.html", "home"), F("compounds/x.html", "x")];

        var first = SiteWriter.Write(site.Root, files);
        var second = SiteWriter.Write(site.Root, files);

        Assert.Equal(new SiteWriteResult(2, 0, 0), first);
        Assert.Equal(new SiteWriteResult(0, 2, 0), second);
        Assert.Equal("x", File.ReadAllText(Path.Combine(site.Root, "compounds", "x.html")));
    }

    [Fact]
    public void Write_DeletesFilesTheBuildNoLongerProduces_ButKeepsDotfiles()
    {
        using var site = new TempSite();
        SiteWriter.Write(site.Root, [F("index.html", "home"), F("filings/old.html", "old")]);
        site.Write(".nojekyll", "");
        site.Write(".git/HEAD", "ref");

        var result = SiteWriter.Write(site.Root, [F("index.html", "home v2")]);

        Assert.Equal(new SiteWriteResult(1, 0, 1), result);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "filings")));
        Assert.True(File.Exists(Path.Combine(site.Root, ".nojekyll")));
        Assert.True(File.Exists(Path.Combine(site.Root, ".git", "HEAD")));
        Assert.Empty(Directory.EnumerateFiles(site.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Write_IntoAFolderThatIsNotASite_DeletesNothing()
    {
        using var site = new TempSite(("notes.txt", "keep me"));

        var result = SiteWriter.Write(site.Root, [F("index.html", "home")]);

        Assert.Equal(0, result.Deleted);
        Assert.True(File.Exists(Path.Combine(site.Root, "notes.txt")));
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b.html")]
    public void Write_RefusesPathsOutsideTheOutputFolder(string path)
    {
        using var site = new TempSite();

        Assert.Throws<ArgumentException>(() => SiteWriter.Write(site.Root, [F(path, "x")]));
    }
}
