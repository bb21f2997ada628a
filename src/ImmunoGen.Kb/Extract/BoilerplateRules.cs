using System.Text.RegularExpressions;
using ImmunoGen.Kb.Content;

namespace ImmunoGen.Kb.Extract;

/// <summary>
/// Which blocks of a filing are repeated boilerplate: the "About ImmunoGen" section (a heading, or a paragraph
/// the importer left as text), the safe-harbor paragraph, the "copy of the press release is attached" line and the
/// signature preamble. They are still read for names (the licensee list is there) but give no events, and later
/// stages keep them out of backlinks and search.
/// </summary>
internal static partial class BoilerplateRules
{
    [GeneratedRegex(@"^About\s+I[mn]+unoGen(?:,?\s*Inc\.?)?(?:'s\s+TAP\s+Technology)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AboutFiler();

    [GeneratedRegex(@"^About\s+\S", RegexOptions.None)]
    private static partial Regex AboutAnything();

    [GeneratedRegex(@"forward-looking\s+statements|safe\s+harbor|Private\s+Securities\s+Litigation\s+Reform\s+Act|copy\s+of\s+the\s+press\s+release\s+is\s+attached|Pursuant\s+to\s+the\s+requirements\s+of\s+the\s+Securities\s+Exchange\s+Act|is\s+(?:being\s+)?furnished\s+(?:herewith|pursuant)|shall\s+not\s+be\s+deemed\s+[""“]?filed", RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateText();

    // One word of each BoilerplateText alternative, compared ignoring case; keep the two the same. None has a "k": the
    // regex would match a Kelvin sign for it, which an ordinal comparison does not.
    private static readonly string[] BoilerplateWords = ["forward", "harbor", "litigation", "attached", "pursuant", "furnished", "deemed"];

    // Most paragraphs have none of the words, and the case-insensitive pattern need not run.
    private static bool MayBeBoilerplate(string text) =>
        Literals.ContainsAny(text, BoilerplateWords, StringComparison.OrdinalIgnoreCase);

    /// <summary>A flag per block, in block order.</summary>
    public static bool[] Flags(IReadOnlyList<BodyBlock> blocks)
    {
        var flags = new bool[blocks.Count];
        var inAbout = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            var text = b.Text.Trim();
            var headingLike = b.IsHeading || (text.Length <= 60 && AboutAnything().IsMatch(text));
            if (headingLike)
            {
                inAbout = AboutFiler().IsMatch(text);
                flags[i] = inAbout && !b.IsHeading;
                continue;
            }

            flags[i] = inAbout || (MayBeBoilerplate(text) && BoilerplateText().IsMatch(text));
        }

        return flags;
    }
}
