using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Render;

/// <summary>
/// The seam between the site and a template language. Everything engine-specific lives in one implementation
/// (<see cref="HandlebarsTemplateEngine"/>) and the files under <c>templates/</c>; swapping engines touches only those.
/// </summary>
public interface ITemplateEngine
{
    /// <summary>
    /// Compiles every template under <paramref name="templatesDirectory"/> once: <c>layouts/*.hbs</c> are pages,
    /// <c>partials/*.hbs</c> are partials. Syntax errors are reported with file and line; broken templates are left out.
    /// </summary>
    ITemplateSet Load(string templatesDirectory, List<Diagnostic> diagnostics);
}

/// <summary>Compiled templates, safe to use from several threads at once.</summary>
public interface ITemplateSet
{
    bool Has(string template);

    /// <summary>Renders <paramref name="template"/> (a layout name such as <c>filing</c>) with <paramref name="model"/>. Text in the model is HTML-escaped.</summary>
    /// <exception cref="TemplateRenderException">The template failed at render time (an unknown partial, a helper error).</exception>
    string Render(string template, object model);

    /// <summary>Renders <paramref name="template"/> into <paramref name="output"/>: the same text <see cref="Render(string, object)"/> returns.</summary>
    /// <exception cref="TemplateRenderException">The template failed at render time.</exception>
    void Render(string template, object model, TextWriter output) => output.Write(Render(template, model));
}

/// <summary>A template failed while rendering; the message names the template file.</summary>
public sealed class TemplateRenderException(string template, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Template { get; } = template;
}
