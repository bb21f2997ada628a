using ImmunoGen.Kb.Build;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Tests.Robustness;

/// <summary>A workspace built clean, then again with every kind of broken content page added at once.</summary>
public sealed class BadContentPageBuild : IDisposable
{
    public const string BillionLaughs = """
        ---
        name: Laughs
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        ---
        Nine to the ninth laughs if expanded.
        """;

    public BadContentPageBuild()
    {
        First = Workspace.Build();
        Site1 = Workspace.Snapshot(Workspace.Site);
        Workspace.Write("compounds/broken-yaml.md", "---\nname: Broken\naliases: [unclosed, list\nkind: antibody\n---\nBody.\n");
        Workspace.Write("compounds/bad-indent.md", "---\nname: Bad Indent\nkind: antibody\n  target: CD19\n---\n");
        Workspace.Write("compounds/unknown-key.md", "---\nname: Unknown Key\nflavour: sweet\n---\nBody.\n");
        Workspace.Write("filings/2001-01-01-wrong-type.md", "---\ntitle: A hand-written page\nform: 8-K\nevent_date:\n  - 2001-01-01\n  - 2001-01-02\n---\nBody.\n");
        Workspace.Write("compounds/SAR3419.md", File.ReadAllText(Path.Combine(Workspace.Content, "compounds", "sar3419.md")).Replace("CD19", "CD20", StringComparison.Ordinal));
        Workspace.Write("partners/alias-thief.md", "---\nname: Alias Thief\naliases:\n  - Genentech\n---\nClaims another partner's name.\n");
        Workspace.Write("people/laughs.md", BillionLaughs);
        Workspace.Write("people/no-front-matter.md", "Just prose, no front-matter.\n");
        Workspace.Write("people/no-name.md", "---\naliases: [Nobody]\n---\n");
        Workspace.Write("compounds/deep.md", "---\nname: Deep\nrelated: " + new string('[', 500) + new string(']', 500) + "\n---\n");
        Second = Workspace.Build();
    }

    public Workspace Workspace { get; } = new();

    public BuildResult First { get; }

    public BuildResult Second { get; }

    public SortedDictionary<string, byte[]> Site1 { get; }

    public Diagnostic[] ErrorsFor(string contentRelative) =>
        Second.Diagnostics.Where(d => d.IsError && d.Path == Workspace.Shown(Path.Combine(Workspace.Content, contentRelative))).ToArray();

    public void Dispose() => Workspace.Dispose();
}

public sealed class BadContentPageTests(BadContentPageBuild build) : IClassFixture<BadContentPageBuild>
{
    [Theory]
    [InlineData("compounds/broken-yaml.md", DiagnosticCodes.Content.BadFrontMatter, 3, "invalid YAML front-matter: cannot be read past this line (an unclosed '[' or '{'?)")]
    [InlineData("compounds/bad-indent.md", DiagnosticCodes.Content.BadFrontMatter, 4, "invalid YAML front-matter: ")]
    [InlineData("compounds/unknown-key.md", DiagnosticCodes.Content.UnknownKey, 3, "unknown front-matter key 'flavour'")]
    [InlineData("filings/2001-01-01-wrong-type.md", DiagnosticCodes.Content.WrongType, 5, "'event_date' should be a date (yyyy-mm-dd), found a list")]
    [InlineData("people/laughs.md", DiagnosticCodes.Content.YamlTooComplex, 3, "YAML anchors and aliases are not allowed in front-matter")]
    [InlineData("people/no-front-matter.md", DiagnosticCodes.Content.MissingFrontMatter, 1, "page does not start with YAML front-matter")]
    [InlineData("people/no-name.md", DiagnosticCodes.Content.MissingName, 2, "entity page has no 'name'")]
    [InlineData("compounds/deep.md", DiagnosticCodes.Content.YamlTooComplex, 3, "nested more than 32 levels deep")]
    public void A_broken_content_page_gets_one_error_with_file_and_line(string page, string code, int line, string reason)
    {
        var error = Assert.Single(build.ErrorsFor(page));
        Assert.Equal(code, error.Code);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{Workspace.Shown(Path.Combine(build.Workspace.Content, page))}:{line}: error {code}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_with_one_slug_are_reported_and_only_one_page_is_built()
    {
        var dup = Assert.Single(build.Second.Diagnostics, d => d.Code == DiagnosticCodes.Content.DuplicateSlug);
        Assert.True(dup.IsError);
        // The file named exactly by the slug keeps it; the newcomer with the other casing is the one reported.
        Assert.Equal(Workspace.Shown(Path.Combine(build.Workspace.Content, "compounds", "SAR3419.md")), dup.Path);
        Assert.Equal("slug 'sar3419' is already used by compounds/sar3419.md", dup.Message);
        var page = File.ReadAllText(Path.Combine(build.Workspace.Site, "compounds", "sar3419.html"));
        Assert.Contains("CD19", page, StringComparison.Ordinal);
        Assert.DoesNotContain("CD20", page, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(build.Workspace.Site, "compounds", "SAR3419.html")));
    }

    [Fact]
    public void Two_entities_claiming_one_alias_are_reported_on_the_second()
    {
        var dup = Assert.Single(build.Second.Diagnostics, d => d.Code == DiagnosticCodes.Entities.DuplicateAlias);
        Assert.True(dup.IsError);
        Assert.Equal(Workspace.Shown(Path.Combine(build.Workspace.Content, "partners", "alias-thief.md")), dup.Path);
        Assert.Contains("alias 'Genentech' is already claimed by", dup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_page_is_refused_before_any_alias_is_expanded()
    {
        // The refusal comes from the event scan, which never builds nodes: loading the page alone shows no expansion.
        var diagnostics = new List<Diagnostic>();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var entity = EntityPage.Read(EntityKind.Person, "people/laughs.md", BadContentPageBuild.BillionLaughs, diagnostics);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(entity);
        Assert.Equal(DiagnosticCodes.Content.YamlTooComplex, Assert.Single(diagnostics).Code);
        // 9^9 expanded strings would be hundreds of megabytes; the refusal allocates a few kilobytes.
        Assert.True(allocated < 1_000_000, $"{allocated} bytes allocated");
    }

    [Fact]
    public void The_build_fails_but_every_page_of_the_clean_build_is_still_there()
    {
        Assert.Empty(Workspace.Errors(build.First));
        Assert.True(build.Second.HasErrors);
        var site2 = Workspace.Snapshot(build.Workspace.Site);
        Assert.All(build.Site1.Keys, p => Assert.True(site2.ContainsKey(p), $"site/{p} was lost"));
        foreach (var p in new[] { "compounds/broken-yaml.md", "compounds/unknown-key.md", "filings/2001-01-01-wrong-type.md", "people/laughs.md" })
        {
            Assert.True(File.Exists(Path.Combine(build.Workspace.Content, p)), $"{p} was removed");
        }
    }

    [Fact]
    public void An_edited_filing_page_with_broken_yaml_is_kept_as_written_and_reported()
    {
        using var ws = new Workspace();
        Assert.Empty(Workspace.Errors(ws.Build()));
        var page = Directory.EnumerateFiles(Path.Combine(ws.Content, "filings"), "*.md").Order(StringComparer.Ordinal).First();
        var broken = File.ReadAllText(page).Replace("form: 8-K", "form: [8-K", StringComparison.Ordinal);
        File.WriteAllText(page, broken);
        var result = ws.Build();
        Assert.Equal(broken, File.ReadAllText(page));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Import.EditedPageKept && d.Path == Workspace.Shown(page));
        var error = Assert.Single(Workspace.Errors(result));
        Assert.Equal(DiagnosticCodes.Content.BadFrontMatter, error.Code);
        Assert.Equal(Workspace.Shown(page), error.Path);
        Assert.True(error.Line > 1);
    }
}

/// <summary>Broken templates: reported at file:line from the template; the pages of the last good build stay.</summary>
public sealed class BadTemplateTests
{
    [Fact]
    public void A_template_syntax_error_names_the_template_and_its_line_and_keeps_the_old_pages()
    {
        using var ws = new Workspace();
        Assert.Empty(Workspace.Errors(ws.Build()));
        var before = Workspace.Snapshot(ws.Site);
        var layout = Path.Combine(ws.Templates, "layouts", "filing.hbs");
        var lines = File.ReadAllLines(layout).ToList();
        lines.Insert(5, "{{#each items}}<p>never closed</p>");
        File.WriteAllLines(layout, lines);

        var result = ws.Build();
        var syntax = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.Render.TemplateSyntax);
        Assert.Equal(Workspace.Shown(layout), syntax.Path);
        Assert.Equal(6, syntax.Line);
        Assert.StartsWith("template syntax error: ", syntax.Message, StringComparison.Ordinal);
        Assert.True(result.HasErrors);
        var after = Workspace.Snapshot(ws.Site);
        foreach (var (path, bytes) in before.Where(kv => kv.Key.StartsWith("filings/", StringComparison.Ordinal)))
        {
            Assert.True(after.TryGetValue(path, out var now), $"site/{path} was lost");
            Assert.Equal(bytes, now);
        }
    }

    [Fact]
    public void An_unknown_partial_names_the_template_and_the_line_of_the_reference()
    {
        using var ws = new Workspace();
        var footer = Path.Combine(ws.Templates, "partials", "footer.hbs");
        File.AppendAllText(footer, "<p>extra</p>\n{{> no-such-partial}}\n");
        var line = File.ReadAllLines(footer).Length;

        var result = ws.Build();
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.Render.UnknownPartial);
        Assert.Equal($"{Workspace.Shown(footer)}:{line}: error KB4002: unknown partial 'no-such-partial'", error.ToString());
        Assert.True(result.HasErrors);
    }
}
