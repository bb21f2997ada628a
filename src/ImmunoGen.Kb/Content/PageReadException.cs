using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Content;

/// <summary>A page read again during a build could not be read, or no longer has the text it was loaded from.</summary>
/// <param name="page">The page as diagnostics show it: <c>content/filings/x.md</c>.</param>
/// <param name="reason">What went wrong, for a one-line diagnostic.</param>
public sealed class PageReadException(string page, string reason, Exception? inner = null)
    : IOException($"{page}: {reason}", inner)
{
    public string Page { get; } = page;

    public string Reason { get; } = reason;

    /// <summary>The KB2008 error naming the page, with what the build did without it.</summary>
    public Diagnostic ToDiagnostic(string consequence) =>
        Diagnostic.Error(DiagnosticCodes.Content.Unreadable, Page, $"{Reason} ({consequence})");
}
