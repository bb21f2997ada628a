using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Cli.Terminal;

/// <summary>Prints diagnostics one per line to standard error, errors and warnings always, notes only when asked.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter error, bool verbose = false)
    {
        foreach (var d in diagnostics)
        {
            if (d.Severity != Severity.Info || verbose)
            {
                error.WriteLine(d.ToString());
            }
        }
    }
}
