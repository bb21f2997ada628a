using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ImmunoGen.Kb.Fetch;

/// <summary>
/// An EDGAR accession number, the identity of one submission: <c>0000855654-06-000123</c> is the filer agent's CIK,
/// the year and a sequence. EDGAR writes it with dashes in headers and file names and without them in folder names.
/// </summary>
public sealed partial record AccessionNumber
{
    private AccessionNumber(string value) => Value = value;

    /// <summary>The dashed form, <c>0000855654-06-000123</c>.</summary>
    public string Value { get; }

    /// <summary>The 18 digits without dashes, as in <c>Archives/edgar/data/855654/000085565406000123/</c>.</summary>
    public string Digits => string.Concat(Value.AsSpan(0, 10), Value.AsSpan(11, 2), Value.AsSpan(14, 6));

    /// <summary>Accepts the dashed form or the 18 bare digits; anything else (so nothing that could escape a folder) is refused.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out AccessionNumber? accession)
    {
        accession = null;
        if (text is null)
        {
            return false;
        }

        if (Dashed().IsMatch(text))
        {
            accession = new AccessionNumber(text);
            return true;
        }

        if (Bare().IsMatch(text))
        {
            accession = new AccessionNumber($"{text[..10]}-{text[10..12]}-{text[12..]}");
            return true;
        }

        return false;
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"^[0-9]{10}-[0-9]{2}-[0-9]{6}\z")]
    private static partial Regex Dashed();

    [GeneratedRegex(@"^[0-9]{18}\z")]
    private static partial Regex Bare();
}
