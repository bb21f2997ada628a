using System.Text;
using System.Text.RegularExpressions;

namespace ImmunoGen.Kb.Fetch;

/// <summary>
/// What the fetcher needs to know about an EDGAR full submission (<c>&lt;SEC-DOCUMENT&gt;…&lt;/SEC-DOCUMENT&gt;</c>) without parsing it:
/// its accession number from the header, and whether the whole of it arrived.
/// </summary>
internal static partial class FullSubmissionText
{
    /// <summary>
    /// The header's <c>ACCESSION NUMBER:</c> line sits within the first kilobyte, even behind the 1990s
    /// privacy-enhanced-message wrapper; reading this much of each raw file keeps a scan of 10,000 files cheap.
    /// </summary>
    public const int HeadLength = 2048;

    private const int TailLength = 1024;
    private const string EndTag = "</SEC-DOCUMENT>";

    /// <summary>The accession number the file's SEC header declares, or null (unreadable, or a file without a header).</summary>
    public static AccessionNumber? DeclaredAccession(string path)
    {
        var head = new byte[HeadLength];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1))
        {
            read = stream.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
        }

        var match = AccessionLine().Match(Encoding.Latin1.GetString(head, 0, read));
        return match.Success && AccessionNumber.TryParse(match.Groups["accession"].Value, out var accession) ? accession : null;
    }

    /// <summary>Why the downloaded file at <paramref name="path"/> is not the complete submission <paramref name="expected"/>, or null.</summary>
    public static string? Problem(string path, AccessionNumber expected)
    {
        var declared = DeclaredAccession(path);
        if (declared is null)
        {
            return "the response is not an EDGAR full submission (no ACCESSION NUMBER in its SEC header)";
        }

        if (declared != expected)
        {
            return $"the response is submission {declared}, not {expected}";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var tail = new byte[Math.Min(TailLength, stream.Length)];
        stream.Seek(-tail.Length, SeekOrigin.End);
        stream.ReadExactly(tail);
        return Encoding.Latin1.GetString(tail).Contains(EndTag, StringComparison.Ordinal)
            ? null
            : $"the submission ends before its {EndTag} tag (truncated)";
    }

    [GeneratedRegex(@"^ACCESSION NUMBER:[ \t]*(?<accession>[0-9]{10}-[0-9]{2}-[0-9]{6})[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex AccessionLine();
}
