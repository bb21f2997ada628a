using System.Globalization;
using System.Text;

namespace ImmunoGen.Kb.Content;

/// <summary>
/// Slugs name files and URLs: lowercase ASCII letters and digits, runs of anything else become one <c>-</c>
/// (<c>huC242-DM4</c> → <c>huc242-dm4</c>, <c>Daniel M. Junius</c> → <c>daniel-m-junius</c>).
/// A slug is always safe as a file name inside the output folder: never empty, never a dot path,
/// never a reserved device name, never longer than <see cref="MaxLength"/>.
/// </summary>
public static class Slug
{
    public const int MaxLength = 80;

    /// <summary>The longest page name: a slug with a date in front (<c>2006-10-17-</c>) and a number after (<c>-2</c>).</summary>
    public const int MaxPageNameLength = MaxLength + 20;

    // Windows device names: a file called con.html cannot be created or opened there.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    /// <summary>The slug of a page's file name: the name itself when it is a slug already, so a page keeps the name it was written under.</summary>
    public static string FromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return IsValid(name) ? name : From(name);
    }

    public static string From(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "untitled";
        }

        // Fold accents (é → e) before dropping everything that is not ASCII.
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(Math.Min(decomposed.Length, maxLength + 1));
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingDash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                pendingDash = false;
                sb.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                if (pendingDash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                pendingDash = false;
                sb.Append((char)(c + 32));
            }
            else
            {
                pendingDash = true;
            }

            if (sb.Length >= maxLength)
            {
                break;
            }
        }

        var slug = sb.ToString();
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength];
        }

        // Cut at the last dash so a long title does not end in half a word.
        if (sb.Length >= maxLength && slug.LastIndexOf('-') is var cut and > 20)
        {
            slug = slug[..cut];
        }

        slug = slug.Trim('-');
        if (slug.Length == 0)
        {
            return "untitled";
        }

        return Reserved.Contains(slug) ? slug + "-0" : slug;
    }

    /// <summary>True when <paramref name="slug"/> is already in canonical slug form (a page name may carry a date and a number).</summary>
    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= MaxPageNameLength
        && !slug.EndsWith('-')
        && !slug.Contains("--", StringComparison.Ordinal)
        && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && !slug.StartsWith('-')
        && !Reserved.Contains(slug);
}
