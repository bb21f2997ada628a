namespace ImmunoGen.Kb.Cli;

/// <summary>The exit codes of every verb (architecture.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some input was bad: each was reported, the rest was done.</summary>
    public const int BadInput = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;
}
