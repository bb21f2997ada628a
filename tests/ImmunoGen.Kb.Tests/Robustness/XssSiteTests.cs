using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ImmunoGen.Kb.Build;

namespace ImmunoGen.Kb.Tests.Robustness;

/// <summary>
/// The XSS corpus built into a site: the hostile filing in content/raw/ and entity pages whose front-matter and prose
/// carry the same tricks. Filing and front-matter text is data: it must show literally and never run.
/// </summary>
public sealed class XssSite : IDisposable
{
    /// <summary>Markup, script, template and Markdown tricks that entity front-matter and prose carry into the site.</summary>
    public const string EntityName = "Evil<script>alert('xss-name')</script> \"><img src=x onerror=alert('xss-attr')> {{root}}";

    public XssSite()
    {
        Workspace.AddRawFixture("xss-filing.txt");
        Workspace.Write("people/xss-person.md", $$$"""
            ---
            name: '{{{EntityName.Replace("'", "''", StringComparison.Ordinal)}}}'
            aliases:
              - "javascript:alert('xss-alias')"
            roles:
              - title: "<b onmouseover=alert('xss-role')>Chief</b>"
                organization: "{{> evil}}"
            ---
            Prose with <script>alert('xss-prose')</script>, [a link](javascript:alert('xss-md')), [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==),
            ![img](https://evil.example/x.png), <https://evil.example/auto>, {{#each this}}{{/each}} and
            [ref][r].

            [r]: vbscript:msgbox('xss-ref')
            """);
        Workspace.Write("compounds/xss-compound.md", """
            ---
            name: XSS-1
            aliases: ["<svg/onload=alert('xss-compound')>"]
            target: "</title><script>alert('xss-target')</script>"
            ---
            A compound page whose target breaks out of the title, if anything renders it raw.
            """);
        Result = Workspace.Build();
        Pages = Directory.EnumerateFiles(Workspace.Site, "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Workspace.Site, f).Replace('\\', '/'), (IDocument)new HtmlParser().ParseDocument(File.ReadAllText(f))))
            .ToList();
    }

    public Workspace Workspace { get; } = new();

    public BuildResult Result { get; }

    public IReadOnlyList<(string Path, IDocument Document)> Pages { get; }

    public void Dispose() => Workspace.Dispose();
}

public sealed class XssSiteTests(XssSite site) : IClassFixture<XssSite>
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background", "cite"];

    [Fact]
    public void The_hostile_filing_and_pages_are_built_not_refused()
    {
        Assert.Empty(Workspace.Errors(site.Result));
        Assert.Contains(site.Pages, p => p.Path.StartsWith("filings/2008-03-03-", StringComparison.Ordinal));
        Assert.Contains(site.Pages, p => p.Path == "people/xss-person.html");
        Assert.Contains(site.Pages, p => p.Path == "compounds/xss-compound.html");
    }

    [Fact]
    public void No_page_has_a_script_but_the_sites_own()
    {
        var foreign = site.Pages.SelectMany(p => p.Document.QuerySelectorAll("script")
                .Where(s => s.TextContent.Trim().Length > 0 || s.GetAttribute("src") is not { } src || !IsOwnScript(p.Path, src))
                .Select(s => $"{p.Path}: {s.OuterHtml}"))
            .ToList();
        Assert.Empty(foreign);
    }

    [Fact]
    public void No_element_has_an_event_handler_attribute()
    {
        var handlers = site.Pages.SelectMany(p => p.Document.All
                .SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"{p.Path}: <{e.LocalName} {a.Name}=\"{a.Value}\">")))
            .ToList();
        Assert.Empty(handlers);
    }

    [Fact]
    public void No_url_runs_script_or_inlines_data()
    {
        var bad = Urls().Where(u => Scheme(u.Url) is "javascript" or "data" or "vbscript").Select(u => u.ToString()).ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void No_page_embeds_frames_objects_or_redirects()
    {
        var bad = site.Pages.SelectMany(p => p.Document.QuerySelectorAll("iframe, frame, object, embed, base, applet, meta[http-equiv]")
            .Select(e => $"{p.Path}: {e.OuterHtml}")).ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void Every_resource_is_inside_the_site_and_outside_links_are_plain_links()
    {
        var bad = new List<string>();
        foreach (var u in Urls())
        {
            var scheme = Scheme(u.Url);
            if (scheme is "http" or "https" || u.Url.StartsWith("//", StringComparison.Ordinal))
            {
                // A link a person clicks may leave the site (to sec.gov); nothing may be loaded from elsewhere.
                if (u.Element != "a" || u.Attribute != "href")
                {
                    bad.Add($"external resource {u}");
                }

                continue;
            }

            if (scheme is not null || u.Url.StartsWith('#'))
            {
                if (scheme is not null and not "mailto")
                {
                    bad.Add($"scheme {u}");
                }

                continue;
            }

            var pathPart = u.Url.Split('#', '?')[0];
            if (pathPart.Length == 0)
            {
                continue;
            }

            var resolved = Path.GetFullPath(Path.Combine(site.Workspace.Site, Path.GetDirectoryName(u.Page) ?? "", Uri.UnescapeDataString(pathPart)));
            if (!resolved.StartsWith(Path.GetFullPath(site.Workspace.Site) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                bad.Add($"outside the site {u}");
            }
        }

        Assert.Empty(bad);
    }

    [Fact]
    public void Template_syntax_and_markup_in_the_filing_show_literally()
    {
        var filing = site.Pages.Single(p => p.Path.StartsWith("filings/2008-03-03-", StringComparison.Ordinal)).Document;
        var text = filing.Body!.TextContent;
        Assert.Contains("{{#each this}}{{/each}}", text, StringComparison.Ordinal);
        Assert.Contains("{{{raw}}}", text, StringComparison.Ordinal);
        Assert.Contains("{{> evil}}", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert('xss-body')</script>", text, StringComparison.Ordinal);
        Assert.Contains("onerror=\"alert('xss-img')\"", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert('xss-title')</script>", filing.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_text_shows_literally_in_the_entity_page()
    {
        var person = site.Pages.Single(p => p.Path == "people/xss-person.html").Document;
        Assert.Contains(XssSite.EntityName, person.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("{{> evil}}", person.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<script>alert('xss-prose')</script>", person.Body.TextContent, StringComparison.Ordinal);
        var compound = site.Pages.Single(p => p.Path == "compounds/xss-compound.html").Document;
        Assert.Contains("</title><script>alert('xss-target')</script>", compound.Body!.TextContent, StringComparison.Ordinal);
    }

    private IEnumerable<PageUrl> Urls() =>
        site.Pages.SelectMany(p => p.Document.All.SelectMany(e => e.Attributes
            .Where(a => UrlAttributes.Contains(a.Name, StringComparer.OrdinalIgnoreCase))
            .Select(a => new PageUrl(p.Path, e.LocalName, a.Name, a.Value.Trim()))));

    // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"); so does this check.
    private static string? Scheme(string url)
    {
        var compact = new string(url.Where(c => c > ' ').ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || compact.IndexOfAny(['/', '?', '#']) is var stop && stop >= 0 && stop < colon)
        {
            return null;
        }

        return compact[..colon].ToLowerInvariant();
    }

    private static bool IsOwnScript(string page, string src)
    {
        var depth = page.Count(c => c == '/');
        var prefix = string.Concat(Enumerable.Repeat("../", depth));
        return src.StartsWith(prefix, StringComparison.Ordinal)
            && src[prefix.Length..] is "assets/search.js" or "search-index.js" || src[prefix.Length..].StartsWith("search/", StringComparison.Ordinal);
    }

    private sealed record PageUrl(string Page, string Element, string Attribute, string Url)
    {
        public override string ToString() => $"{Page}: <{Element} {Attribute}=\"{Url}\">";
    }
}
