using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Render;

/// <summary>
/// <see cref="ITemplateEngine"/> on Handlebars.Net. HTML escaping stays on (filing text is data, never markup);
/// view models carry preformatted values, so templates need one helper only: <c>{{cachedPartial "name"}}</c>.
/// </summary>
/// <remarks>
/// <c>{{cachedPartial "filing-row"}}</c> renders <c>partials/filing-row.hbs</c> with the current context the first time
/// that context object is seen and writes the same text for it afterwards, as Hugo's <c>partialCached</c> does. The
/// renderer makes one row object per filing for all the list pages one folder down, so a filing listed on a hundred
/// pages is rendered once, not a hundred times. View models are immutable, so the object decides the text.
/// </remarks>
public sealed partial class HandlebarsTemplateEngine : ITemplateEngine
{
    public const string Extension = ".hbs";

    private const string CachedPartial = "cachedPartial";

    public ITemplateSet Load(string templatesDirectory, List<Diagnostic> diagnostics)
    {
        // One shared environment: every template compiled from it shares one compiled configuration. With a
        // configuration per template (Handlebars.Create alone), each {{name}} helper slot re-subscribes whenever a
        // partial runs under a different layout, and the subscriber list grows with every page rendered.
        var hb = Handlebars.Create(new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = false,
        }).CreateSharedEnvironment();

        var partials = Files(Path.Combine(templatesDirectory, "partials"));
        var layouts = Files(Path.Combine(templatesDirectory, "layouts"));
        var partialNames = partials.Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);

        var compiledPartials = new Dictionary<string, (HandlebarsTemplate<TextWriter, object, object> Write, ConditionalWeakTable<object, string> Rendered)>(StringComparer.Ordinal);
        hb.RegisterHelper(CachedPartial, (output, context, arguments) =>
        {
            if (arguments.Length != 1 || arguments[0] is not string name)
            {
                throw new HandlebarsRuntimeException($"{CachedPartial} takes the name of a partial");
            }

            if (!compiledPartials.TryGetValue(name, out var partial))
            {
                throw new HandlebarsRuntimeException($"{CachedPartial}: unknown partial '{name}'");
            }

            var model = context.Value;
            output.Write(model is null ? Render(partial.Write, model) : partial.Rendered.GetValue(model, m => Render(partial.Write, m)), encode: false);
        });

        foreach (var file in partials)
        {
            if (Compile(file, File.ReadAllText(file), partialNames, diagnostics, hb) is { } partial)
            {
                var name = Path.GetFileNameWithoutExtension(file);
                compiledPartials[name] = (partial, new ConditionalWeakTable<object, string>());
                hb.RegisterTemplate(name, partial);
            }
        }

        var compiled = new Dictionary<string, CompiledTemplate>(StringComparer.Ordinal);
        foreach (var file in layouts)
        {
            if (Compile(file, File.ReadAllText(file), partialNames, diagnostics, hb) is { } template)
            {
                compiled[Path.GetFileNameWithoutExtension(file)] = new CompiledTemplate(template, Display(file));
            }
        }

        return new CompiledSet(compiled);
    }

    // Compiles to surface syntax errors with their line, and checks every {{> partial}} exists, so a broken template
    // is reported at load time rather than halfway through a build; null when it is broken.
    private static HandlebarsTemplate<TextWriter, object, object>? Compile(string file, string source, HashSet<string> partials, List<Diagnostic> diagnostics, IHandlebars hb)
    {
        var ok = true;
        foreach (Match m in PartialReference().Matches(source))
        {
            var name = m.Groups["name"].Value;
            if (!partials.Contains(name))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Render.UnknownPartial, Display(file), $"unknown partial '{name}'", LineOf(source, m.Index)));
                ok = false;
            }
        }

        HandlebarsTemplate<TextWriter, object, object>? template = null;
        try
        {
            using var reader = new StringReader(source);
            template = hb.Compile(reader);
        }
        catch (HandlebarsException ex)
        {
            var line = LineInMessage().Match(ex.Message) is { Success: true } lm
                ? int.Parse(lm.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)
                : OccurredAt().Match(ex.Message) is { Success: true } om
                    ? int.Parse(om.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1
                    : UnbalancedLine(source);
            var reason = ex.Message.Split('\n')[0].Trim();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Render.TemplateSyntax, Display(file), $"template syntax error: {reason}", line));
        }

        return ok ? template : null;
    }

    private static string Render(HandlebarsTemplate<TextWriter, object, object> template, object? model)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        template(text, model!, null!);
        return text.ToString();
    }

    // Handlebars.Net names no position for unbalanced blocks or unclosed mustaches; find it the same way it fails:
    // the block left open (or the stray closer), else the last "{{" with no "}}".
    private static int UnbalancedLine(string source)
    {
        var open = new Stack<(string Name, int Index)>();
        var last = 0;
        foreach (Match m in Mustache().Matches(source))
        {
            last = m.Index;
            if (!m.Groups["end"].Success)
            {
                return LineOf(source, m.Index);
            }

            var name = m.Groups["name"].Value;
            switch (m.Groups["sigil"].Value)
            {
                case "#":
                case "^" when name.Length > 0:
                    open.Push((name, m.Index));
                    break;
                case "/" when open.Count == 0:
                    return LineOf(source, m.Index);
                case "/" when open.Peek().Name != name:
                    return LineOf(source, open.Peek().Index);
                case "/":
                    open.Pop();
                    break;
            }
        }

        return open.Count > 0 ? LineOf(source, open.Peek().Index) : last > 0 ? LineOf(source, last) : 0;
    }

    private static int LineOf(string source, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (source[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    private static List<string> Files(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*" + Extension).Order(StringComparer.Ordinal).ToList()
            : [];

    private static string Display(string file)
    {
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, file);
        return (rel.StartsWith("..", StringComparison.Ordinal) ? file : rel).Replace('\\', '/');
    }

    // {{> name}} and {{cachedPartial "name"}}.
    [GeneratedRegex(@"\{\{~?(?:>\s*|\s*cachedPartial\s+"")(?<name>[A-Za-z0-9_\-./]+)")]
    private static partial Regex PartialReference();

    [GeneratedRegex(@"line (?<line>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex LineInMessage();

    // Handlebars.Net's own spelling; its line is 0-based.
    [GeneratedRegex(@"Occured at: (?<line>\d+):\d+")]
    private static partial Regex OccurredAt();

    // {{#name …}}, {{/name}}, {{else}}, {{name}}: "end" fails to match when no "}}" comes before the next "{{".
    [GeneratedRegex(@"\{\{~?\s*(?<sigil>[#/^>!]?)\s*(?<name>[^\s}~]*)(?:(?!\{\{)[^}]|\}(?!\}))*(?<end>\}\})?")]
    private static partial Regex Mustache();

    /// <summary>A compiled layout, which writes into a <see cref="TextWriter"/>, and the file it came from.</summary>
    private sealed record CompiledTemplate(HandlebarsTemplate<TextWriter, object, object> Write, string File);

    private sealed class CompiledSet(Dictionary<string, CompiledTemplate> templates) : ITemplateSet
    {
        public bool Has(string template) => templates.ContainsKey(template);

        public string Render(string template, object model)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            Render(template, model, text);
            return text.ToString();
        }

        public void Render(string template, object model, TextWriter output)
        {
            var t = Find(template);
            try
            {
                t.Write(output, model);
            }
            catch (HandlebarsException ex)
            {
                throw new TemplateRenderException(template, $"{t.File}: {ex.Message.Split('\n')[0].Trim()}", ex);
            }
        }

        private CompiledTemplate Find(string template) =>
            templates.TryGetValue(template, out var t)
                ? t
                : throw new TemplateRenderException(template, $"no template 'layouts/{template}{Extension}'");
    }
}
