using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Render;
using ImmunoGen.Kb.Site.Tests.Fixtures;

namespace ImmunoGen.Kb.Site.Tests;

/// <summary><c>{{cachedPartial "name"}}</c>: the partial's text, rendered once per context object.</summary>
public sealed class CachedPartialTests
{
    private const string Row = "<li>{{name}} &amp; {{tally}}</li>\n";

    [Fact]
    public void Writes_exactly_what_the_partial_inline_writes()
    {
        using var dir = new TempSite(
            ("partials/row.hbs", Row),
            ("layouts/inline.hbs", "<ol>{{#each rows}}{{> row}}{{/each}}</ol>"),
            ("layouts/cached.hbs", "<ol>{{#each rows}}{{cachedPartial \"row\"}}{{/each}}</ol>"));
        var templates = new HandlebarsTemplateEngine().Load(dir.Root, []);
        object Rows() => new { rows = new[] { new Counted("<b>A</b>"), new Counted("B & C") } };

        Assert.Equal("<ol><li>&lt;b&gt;A&lt;/b&gt; &amp; 1</li>\n<li>B &amp; C &amp; 1</li>\n</ol>", templates.Render("cached", Rows()));
        Assert.Equal(templates.Render("inline", Rows()), templates.Render("cached", Rows()));
    }

    [Fact]
    public void Renders_each_context_object_once_however_many_pages_list_it()
    {
        using var dir = new TempSite(("partials/row.hbs", Row), ("layouts/list.hbs", "{{#each rows}}{{cachedPartial \"row\"}}{{/each}}"));
        var templates = new HandlebarsTemplateEngine().Load(dir.Root, []);
        var shared = new Counted("shared");

        var first = templates.Render("list", new { rows = new[] { shared, new Counted("own") } });
        var second = templates.Render("list", new { rows = new[] { shared, shared } });

        Assert.Equal("<li>shared &amp; 1</li>\n<li>own &amp; 1</li>\n", first);
        Assert.Equal("<li>shared &amp; 1</li>\n<li>shared &amp; 1</li>\n", second);
        Assert.Equal(1, shared.Reads);
    }

    [Fact]
    public void An_unknown_partial_is_reported_when_the_templates_load()
    {
        using var dir = new TempSite(("layouts/list.hbs", "line one\n{{#each rows}}{{cachedPartial \"nowhere\"}}{{/each}}"));
        var diagnostics = new List<Diagnostic>();

        var templates = new HandlebarsTemplateEngine().Load(dir.Root, diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.Render.UnknownPartial, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Equal("unknown partial 'nowhere'", error.Message);
        Assert.False(templates.Has("list"));
    }

    [Fact]
    public void Without_a_partial_name_the_page_fails_with_a_message_naming_the_template()
    {
        using var dir = new TempSite(("partials/row.hbs", Row), ("layouts/list.hbs", "{{#each rows}}{{cachedPartial}}{{/each}}"));
        var templates = new HandlebarsTemplateEngine().Load(dir.Root, []);

        var error = Assert.Throws<TemplateRenderException>(() => templates.Render("list", new { rows = new[] { new Counted("x") } }));

        Assert.Contains("list.hbs", error.Message, StringComparison.Ordinal);
        Assert.Contains("cachedPartial takes the name of a partial", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A row that counts how often the template reads it.</summary>
    private sealed class Counted(string name)
    {
        private int _reads;

        public string Name => name;

        public int Tally => Interlocked.Increment(ref _reads);

        public int Reads => _reads;
    }
}
