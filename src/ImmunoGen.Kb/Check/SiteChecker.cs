using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Check;

/// <summary>
/// <c>kb check</c>: reads every page of a built site with AngleSharp and reports, with file and line, each internal link
/// or <c>#anchor</c> that does not resolve (KB5001, KB5002), each page the home page cannot reach (KB5003; 404.html is
/// exempt, hosts serve it), each page without a <c>&lt;title&gt;</c> (KB5004), each entity a filing's front-matter names
/// that has no page (KB5005), each script, stylesheet, image or frame loaded from another host (KB5006) and each HTML
/// parse error (KB5007). Links in text to other hosts are allowed.
/// </summary>
public static class SiteChecker
{
    private const string Home = "index.html";
    private const string NotFoundPage = "404.html";

    private sealed record PageLink(string Raw, string Element, int Line);

    private sealed record PageScan(string Path, bool HasTitle, HashSet<string> Ids, List<PageLink> Links, List<Diagnostic> ParseErrors);

    /// <param name="siteDir">The built site (<c>site</c>).</param>
    /// <param name="corpus">The content the site was built from, for the front-matter check; null skips it.</param>
    /// <param name="contentLabel">How the content folder is shown in diagnostics (<c>content</c>).</param>
    public static IReadOnlyList<Diagnostic> Check(string siteDir, Corpus? corpus = null, string contentLabel = "content")
    {
        var bag = new DiagnosticBag();
        var root = Path.GetFullPath(siteDir);
        var label = Display(siteDir);
        if (!Directory.Exists(root))
        {
            bag.Add(Diagnostic.Error(DiagnosticCodes.Check.BrokenLink, label, "the site folder does not exist; run kb build first"));
            return bag.ToSortedList();
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(p => p.StartsWith('.')))
            .ToHashSet(StringComparer.Ordinal);
        var pages = files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        var scans = new PageScan[pages.Count];
        Parallel.For(0, pages.Count, i => scans[i] = Scan(root, pages[i], label));
        var byPath = scans.ToDictionary(s => s.Path, StringComparer.Ordinal);

        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var scan in scans)
        {
            var where = label + "/" + scan.Path;
            bag.AddRange(scan.ParseErrors);
            if (!scan.HasTitle)
            {
                bag.Add(Diagnostic.Error(DiagnosticCodes.Check.MissingTitle, where, "page has no <title>"));
            }

            var targets = new List<string>();
            edges[scan.Path] = targets;
            foreach (var link in scan.Links)
            {
                CheckLink(scan, link, where, files, byPath, targets, bag);
            }
        }

        if (!byPath.ContainsKey(Home))
        {
            bag.Add(Diagnostic.Error(DiagnosticCodes.Check.Unreachable, label + "/" + Home, "the site has no home page"));
        }
        else
        {
            var reached = new HashSet<string>(StringComparer.Ordinal) { Home };
            var queue = new Queue<string>([Home]);
            while (queue.Count > 0)
            {
                foreach (var next in edges.GetValueOrDefault(queue.Dequeue()) ?? [])
                {
                    if (reached.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            foreach (var page in pages.Where(p => !reached.Contains(p) && p != NotFoundPage))
            {
                bag.Add(Diagnostic.Error(DiagnosticCodes.Check.Unreachable, label + "/" + page, "no chain of links leads here from index.html"));
            }
        }

        if (corpus is not null)
        {
            CheckFrontMatter(corpus, files, contentLabel, bag);
        }

        return bag.ToSortedList();
    }

    private static PageScan Scan(string root, string path, string label)
    {
        var errors = new List<Diagnostic>();
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        parser.Error += (_, e) =>
        {
            if (e is AngleSharp.Html.Dom.Events.HtmlErrorEvent err)
            {
                errors.Add(Diagnostic.Error(DiagnosticCodes.Check.InvalidHtml, label + "/" + path, $"HTML error: {err.Message}", err.Position.Line));
            }
        };

        var text = File.ReadAllText(Path.Combine(root, path));
        using var doc = parser.ParseDocument(text);
        var title = doc.QuerySelector("head > title")?.TextContent;
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        foreach (var a in doc.QuerySelectorAll("a[name]"))
        {
            ids.Add(a.GetAttribute("name")!);
        }

        var links = new List<PageLink>();
        foreach (var el in doc.QuerySelectorAll("[href], [src], form[action]"))
        {
            var line = el.SourceReference?.Position.Line ?? 0;
            foreach (var attr in new[] { "href", "src", "action" })
            {
                if (el.GetAttribute(attr) is { } value)
                {
                    links.Add(new PageLink(value.Trim(), el.LocalName, line));
                }
            }
        }

        return new PageScan(path, !string.IsNullOrWhiteSpace(title), ids, links, errors);
    }

    private static void CheckLink(PageScan page, PageLink link, string where, HashSet<string> files, Dictionary<string, PageScan> pages, List<string> targets, DiagnosticBag bag)
    {
        var raw = link.Raw;
        var isNavigation = link.Element is "a" or "area" or "form";
        if (raw.StartsWith("//", StringComparison.Ordinal) || HasScheme(raw, out var scheme) && scheme is "http" or "https" or "ftp" or "ws" or "wss")
        {
            if (!isNavigation)
            {
                bag.Add(Diagnostic.Error(DiagnosticCodes.Check.ExternalReference, where, $"<{link.Element}> loads '{raw}' from another host; the site must make no external requests", link.Line));
            }

            return;
        }

        if (HasScheme(raw, out _))
        {
            // mailto:, tel:, data: and the like leave the site without a request to check.
            return;
        }

        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? Uri.UnescapeDataString(raw[(hash + 1)..]) : null;
        var pathPart = hash >= 0 ? raw[..hash] : raw;
        var query = pathPart.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            pathPart = pathPart[..query];
        }

        string target;
        if (pathPart.Length == 0)
        {
            target = page.Path;
        }
        else if (Resolve(page.Path, Uri.UnescapeDataString(pathPart)) is { } resolved)
        {
            target = resolved;
        }
        else
        {
            bag.Add(Diagnostic.Error(DiagnosticCodes.Check.BrokenLink, where, $"'{raw}' points outside the site", link.Line));
            return;
        }

        if (pathPart.EndsWith('/') || !files.Contains(target))
        {
            bag.Add(Diagnostic.Error(DiagnosticCodes.Check.BrokenLink, where, pathPart.EndsWith('/') ? $"'{raw}' names a folder, not a file (folders do not open from disk)" : $"'{raw}' does not exist ({target})", link.Line));
            return;
        }

        if (pages.TryGetValue(target, out var targetPage))
        {
            if (isNavigation)
            {
                targets.Add(target);
            }

            if (fragment is { Length: > 0 } && !targetPage.Ids.Contains(fragment))
            {
                bag.Add(Diagnostic.Error(DiagnosticCodes.Check.BrokenAnchor, where, $"'{raw}': {target} has no element with id '{fragment}'", link.Line));
            }
        }
    }

    private static bool HasScheme(string url, out string scheme)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        scheme = "";
        if (colon <= 0)
        {
            return false;
        }

        var candidate = url[..colon];
        if (!char.IsAsciiLetter(candidate[0]) || !candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            return false;
        }

        scheme = candidate.ToLowerInvariant();
        return true;
    }

    /// <summary>A relative URL resolved against the page it is on, as a site path; null when it climbs above the site root.</summary>
    private static string? Resolve(string pagePath, string relative)
    {
        var parts = new List<string>();
        if (!relative.StartsWith('/'))
        {
            parts.AddRange(pagePath.Split('/')[..^1]);
        }
        else
        {
            // A root-relative link breaks under a sub-path and from file://: treat it as leaving the site.
            return null;
        }

        foreach (var segment in relative.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(segment);
                    break;
            }
        }

        return string.Join('/', parts);
    }

    private static void CheckFrontMatter(Corpus corpus, HashSet<string> files, string contentLabel, DiagnosticBag bag)
    {
        foreach (var f in corpus.Filings)
        {
            var where = contentLabel.TrimEnd('/') + "/" + f.Path;
            var named = f.Meta.Compounds.Select(s => (Kind: EntityKind.Compound, Slug: s))
                .Concat(f.Meta.Partners.Select(s => (Kind: EntityKind.Partner, Slug: s)))
                .Concat(f.Meta.People.Select(s => (Kind: EntityKind.Person, Slug: s)))
                .Concat(f.Meta.Events.Select(e => e.Compound).OfType<string>().Select(s => (Kind: EntityKind.Compound, Slug: s)))
                .Concat(f.Meta.Events.Select(e => e.Partner).OfType<string>().Select(s => (Kind: EntityKind.Partner, Slug: s)))
                .Distinct();
            foreach (var (kind, slug) in named)
            {
                var page = $"{kind.Folder()}/{slug}.html";
                if (!files.Contains(page))
                {
                    bag.Add(Diagnostic.Error(DiagnosticCodes.Check.MissingEntityPage, where, $"front-matter names {kind.Folder()}/{slug}, which has no page {page}"));
                }
            }

            if (!files.Contains($"filings/{f.Slug}.html"))
            {
                bag.Add(Diagnostic.Error(DiagnosticCodes.Check.BrokenLink, where, $"the filing has no page filings/{f.Slug}.html"));
            }
        }
    }

    private static string Display(string dir)
    {
        var full = Path.GetFullPath(dir);
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return (rel.StartsWith("..", StringComparison.Ordinal) ? full : rel).Replace('\\', '/').TrimEnd('/');
    }
}
