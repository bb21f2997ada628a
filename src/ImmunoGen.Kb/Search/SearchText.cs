using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Search;

/// <summary>
/// The text rules of search (docs/search.md), mirrored line for line in templates/assets/search.js:
/// normalization, code parts, query words and Damerau–Levenshtein distance.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// Lowercase letters and digits only: "SAR-3419", "sar 3419" and "SAR3419" all become "sar3419". The same rule as
    /// the alias registry's, so search and recognition agree on when two spellings are one name.
    /// </summary>
    public static string Normalize(string text) => EntityRegistry.Normalize(text);

    /// <summary>The words of a text: runs separated by white space, each normalized, empty ones dropped.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = Normalize(raw);
            if (w.Length > 0)
            {
                words.Add(w);
            }
        }

        return words;
    }

    /// <summary>
    /// The parts of a name that find it on their own: its alphanumeric runs ("huC242-DM4" → huc242, dm4; length ≥ 2)
    /// and, inside a run that mixes letters and digits, its letter and digit runs of length ≥ 3 ("AVE1642" → ave, 1642).
    /// </summary>
    public static List<string> Parts(string name)
    {
        var parts = new List<string>();
        foreach (var run in AlnumRuns(name))
        {
            if (run.Length >= 2)
            {
                parts.Add(run);
            }

            var start = 0;
            for (var i = 1; i <= run.Length; i++)
            {
                if (i == run.Length || char.IsDigit(run[i]) != char.IsDigit(run[i - 1]))
                {
                    if (start > 0 || i < run.Length)
                    {
                        if (i - start >= 3)
                        {
                            parts.Add(run[start..i]);
                        }
                    }

                    start = i;
                }
            }
        }

        return parts;
    }

    /// <summary>The maximal runs of letters and digits, lowercased: "T-DM1 (trastuzumab)" → t, dm1, trastuzumab.</summary>
    public static List<string> AlnumRuns(string text)
    {
        var runs = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inRun = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inRun && start < 0)
            {
                start = i;
            }
            else if (!inRun && start >= 0)
            {
                runs.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return runs;
    }

    /// <summary>Edits a query of this (normalized) length may be from a key: 0 below 4 characters, 1 for 4–7, 2 from 8.</summary>
    public static int MaxEdits(int length) => length < 4 ? 0 : length < 8 ? 1 : 2;

    /// <summary>
    /// Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two neighbours),
    /// or <paramref name="max"/> + 1 as soon as the distance must exceed <paramref name="max"/>.
    /// </summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, prev2[j - 2] + 1);
                }

                cur[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (prev2, prev, cur) = (prev, cur, prev2);
        }

        return Math.Min(prev[b.Length], max + 1);
    }
}
