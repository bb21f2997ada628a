namespace ImmunoGen.Kb.Diagnostics;

/// <summary>How bad a diagnostic is. Errors make a command exit with code 1; the rest of the input still goes through.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One finding about one input, printed on one line as <c>path:line: error KB1234: message</c>.
/// </summary>
/// <param name="Severity">Whether it fails the command.</param>
/// <param name="Code">A stable code from <see cref="DiagnosticCodes"/>, so tests and users can match on it.</param>
/// <param name="Path">The file it is about, relative to the working directory where possible; empty when it is about no file.</param>
/// <param name="Line">1-based line in <paramref name="Path"/>, or 0 when there is none.</param>
/// <param name="Message">The reason, one sentence, no trailing period needed.</param>
public sealed record Diagnostic(Severity Severity, string Code, string Path, int Line, string Message)
{
    public static Diagnostic Error(string code, string path, string message, int line = 0) => new(Severity.Error, code, path, line, message);

    public static Diagnostic Warning(string code, string path, string message, int line = 0) => new(Severity.Warning, code, path, line, message);

    public static Diagnostic Info(string code, string path, string message, int line = 0) => new(Severity.Info, code, path, line, message);

    public bool IsError => Severity == Severity.Error;

    /// <summary>The one-line form: <c>content/raw/x.txt:12: error KB1001: reason</c>.</summary>
    public override string ToString()
    {
        var where = Path.Length == 0 ? "kb" : Line > 0 ? $"{Path}:{Line}" : Path;
        var severity = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        return $"{where}: {severity} {Code}: {OneLine(Message)}";
    }

    // A diagnostic is one line even when the reason quotes multi-line input.
    private static string OneLine(string message) =>
        message.Contains('\n') || message.Contains('\r')
            ? string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : message;
}
