using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Write;

namespace ImmunoGen.Kb.Tests.Robustness;

public sealed class LockAndPathTests
{
    [Fact]
    public void A_second_build_while_one_holds_the_lock_gets_KB6001_and_writes_nothing()
    {
        using var ws = new Workspace();
        using (var held = BuildLock.TryAcquire(ws.Content, out _))
        {
            Assert.NotNull(held);
            var result = ws.Build();
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticCodes.Build.Locked, error.Code);
            Assert.Contains("another kb build or import is running on", error.Message, StringComparison.Ordinal);
            Assert.True(result.HasErrors);
            Assert.Empty(Directory.EnumerateFileSystemEntries(ws.Site));
        }

        Assert.Empty(Workspace.Errors(ws.Build()));
    }

    [Theory]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("CON", "con-0")]
    [InlineData("a/b\\c", "a-b-c")]
    [InlineData("nul\0byte", "nul-byte")]
    [InlineData("..", "untitled")]
    public void Names_that_would_make_a_path_become_safe_slugs(string name, string slug)
    {
        Assert.Equal(slug, Slug.From(name));
        Assert.True(Slug.IsValid(Slug.From(name)));
    }

    [Fact]
    public void A_300_character_name_becomes_a_slug_of_at_most_80()
    {
        var slug = Slug.From(new string('x', 150) + " " + new string('y', 149));
        Assert.True(Slug.IsValid(slug));
        Assert.True(slug.Length <= Slug.MaxLength);
    }

    [Fact]
    public void Entities_named_like_paths_write_only_inside_content_and_site()
    {
        using var ws = new Workspace();
        ws.Write("people/passwd.md", "---\nname: \"../../etc/passwd\"\n---\n");
        ws.Write("partners/con.md", "---\nname: CON\naliases: [\"a/b\\\\c\"]\n---\n");
        ws.Write("compounds/long.md", $"---\nname: \"{new string('z', 300)}\"\n---\n");
        ws.Build();
        var root = Path.GetFullPath(ws.Root) + Path.DirectorySeparatorChar;
        Assert.All(Directory.EnumerateFiles(ws.Root, "*", SearchOption.AllDirectories), f => Assert.StartsWith(root, Path.GetFullPath(f), StringComparison.Ordinal));
        Assert.All(Directory.EnumerateFiles(ws.Site, "*.html", SearchOption.AllDirectories), f => Assert.True(Slug.IsValid(Path.GetFileNameWithoutExtension(f)) || Path.GetFileNameWithoutExtension(f) is "404", f));
        Assert.Throws<ArgumentException>(() => SiteWriter.Resolve(ws.Site, "../../etc/passwd"));
    }
}
