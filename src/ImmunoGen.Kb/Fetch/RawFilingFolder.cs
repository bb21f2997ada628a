using System.Text.RegularExpressions;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Fetch;

/// <summary>
/// <c>content/raw</c> as the fetcher sees it: which submissions are already there (under any name), where a new one
/// goes, and a lock so two fetches never write the same folder at once. Holding the lock also makes every fetch
/// temp file in the folder a leftover of a killed run, which <see cref="Open"/> deletes.
/// </summary>
internal sealed partial class RawFilingFolder : IDisposable
{
    private const string LockFileName = ".kb-fetch.lock";

    private readonly FileStream _lock;
    private readonly Dictionary<string, string> _pathByAccession;

    private RawFilingFolder(string directory, FileStream lockFile, Dictionary<string, string> pathByAccession)
    {
        Directory = directory;
        _lock = lockFile;
        _pathByAccession = pathByAccession;
    }

    public string Directory { get; }

    /// <summary>
    /// Takes the folder's lock, removes stale temp files and indexes the accession numbers present.
    /// Returns null with a diagnostic when the folder cannot be used.
    /// </summary>
    public static RawFilingFolder? Open(string directory, Func<string, string> display, List<Diagnostic> diagnostics)
    {
        FileStream lockFile;
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            lockFile = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.Locked, display(directory), $"cannot lock the folder (is another kb fetch running?): {e.Message}"));
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Fetch.WriteFailed, display(directory), e.Message));
            return null;
        }

        foreach (var stale in System.IO.Directory.EnumerateFiles(directory, "*" + EdgarClient.TemporarySuffix))
        {
            TryDelete(stale);
        }

        return new RawFilingFolder(directory, lockFile, IndexAccessions(directory, display, diagnostics));
    }

    /// <summary>Where the submission already is, under its own name or any other, or null.</summary>
    public string? Find(AccessionNumber accession) => _pathByAccession.GetValueOrDefault(accession.Value);

    /// <summary>The file a newly fetched submission is named: <c>0000855654-06-000123.txt</c>, which the importer reads and which says where it came from.</summary>
    public string PathFor(AccessionNumber accession) => Path.Combine(Directory, accession.Value + ".txt");

    /// <summary>Records a submission that has just been put in place.</summary>
    public void Add(AccessionNumber accession, string path) => _pathByAccession[accession.Value] = path;

    public void Dispose()
    {
        // Unlinked while still held, so no other fetch can lock this file in between and then lose it.
        // (FileOptions.DeleteOnClose is avoided: a fetch that fails to get the lock would delete the holder's file.)
        TryDelete(_lock.Name);
        _lock.Dispose();
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static Dictionary<string, string> IndexAccessions(string directory, Func<string, string> display, List<Diagnostic> diagnostics)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);

        // Sorted so that when two files hold one submission, the same one is reported every time.
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            AccessionNumber? accession;
            if (AccessionFileName().IsMatch(name) && AccessionNumber.TryParse(name[..^4], out var named))
            {
                accession = named;
            }
            else
            {
                try
                {
                    accession = FullSubmissionText.DeclaredAccession(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.Fetch.Unreadable, display(path), $"cannot read its SEC header: {e.Message}"));
                    continue;
                }
            }

            if (accession is not null)
            {
                index.TryAdd(accession.Value, path);
            }
        }

        return index;
    }

    [GeneratedRegex(@"^[0-9]{10}-[0-9]{2}-[0-9]{6}\.txt\z")]
    private static partial Regex AccessionFileName();
}
