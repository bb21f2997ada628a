namespace ImmunoGen.Kb.Extract;

/// <summary>
/// Organizations a filing names that are not partners, by category rather than by name, so unseen filings
/// are judged the same way: the filer itself (and extraction typos of it such as "InmunoGen"), regulators and
/// exchanges, conferences and societies, trial sites and academic institutions, PR and investor-relations agencies,
/// and generic words that only look like names.
/// </summary>
public static class NonPartnerRules
{
    private const string Filer = "immunogen";

    private static readonly HashSet<string> Regulators = new(StringComparer.Ordinal)
    {
        "sec", "fda", "ema", "emea", "nasdaq", "nyse", "nih", "nci", "ftc", "pmda", "usfda", "irs", "imgn",
        "securitiesandexchangecommission", "foodanddrugadministration", "usfoodanddrugadministration",
        "europeanmedicinesagency", "nationalcancerinstitute", "nationalinstitutesofhealth", "nasdaqglobalmarket",
        "nasdaqstockmarket", "privatesecuritieslitigationreformact",
    };

    private static readonly HashSet<string> Conferences = new(StringComparer.Ordinal)
    {
        "asco", "ash", "aacr", "eortc", "esmo", "sabcs", "ecco", "eha", "sgo", "ctrc", "jpmorgan",
    };

    /// <summary>A word anywhere in the name that marks a non-partner category.</summary>
    private static readonly HashSet<string> CategoryWords = new(StringComparer.OrdinalIgnoreCase)
    {
        // conferences and societies
        "Conference", "Meeting", "Symposium", "Congress", "Summit", "Forum", "Workshop", "Society", "Association",
        // regulators and government
        "Commission", "Administration", "Agency", "Exchange", "Court", "Department", "Office", "Board", "Committee",
        // trial sites and academia
        "Center", "Centre", "Institute", "University", "Hospital", "Clinic", "College", "School",
        // PR and investor relations
        "Communications", "Relations", "PR",
        // clinical words and filing words that take a capital in headlines
        "Phase", "Study", "Trial", "Form", "Item", "Exhibit", "Rule", "Act", "Agreement", "Technology", "Prodrug",
    };

    /// <summary>Whole names that are words, not organizations.</summary>
    private static readonly HashSet<string> GenericNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Company", "The Company", "Registrant", "Collaborators", "Partner", "Partners", "Licensee", "Licensees",
        "TAP", "ADC", "Inc", "Inc.", "Ltd", "AG", "US", "USA", "U.S.", "Europe", "Japan", "China",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    private static readonly char[] WordSeparators = [' ', '-', '/', ',', '(', ')'];

    /// <summary>True when <paramref name="name"/> names something that is never a partner; <paramref name="reason"/> says which category.</summary>
    public static bool IsNonPartner(string name, out string reason)
    {
        var words = name.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
        var key = EntityRegistry.Normalize(name);
        if (words.Length == 0 || key.Length < 2)
        {
            reason = "empty";
            return true;
        }

        if (IsFiler(words[0]))
        {
            reason = "the filer itself";
            return true;
        }

        if (Regulators.Contains(key))
        {
            reason = "a regulator or exchange";
            return true;
        }

        foreach (var w in words)
        {
            var wk = EntityRegistry.Normalize(w);
            if (Conferences.Contains(wk))
            {
                reason = "a conference or society";
                return true;
            }

            if (CategoryWords.Contains(w.TrimEnd('.')))
            {
                reason = $"a non-partner category ({w})";
                return true;
            }

            // "KMorrisPR": a PR agency written as one camel-case word ending in PR.
            if (w.Length > 3 && w.EndsWith("PR", StringComparison.Ordinal) && char.IsLower(w[^3]))
            {
                reason = "a PR agency";
                return true;
            }
        }

        if (GenericNames.Contains(name.Trim()) || key.All(char.IsDigit))
        {
            reason = "a generic word";
            return true;
        }

        reason = "";
        return false;
    }

    /// <summary>The filer's own name, allowing for extraction typos ("InmunoGen", "ImmunoGens").</summary>
    public static bool IsFiler(string word)
    {
        var w = EntityRegistry.Normalize(word);
        return w.Length >= 7 && EditDistance(w.Length > 10 ? w[..10] : w, Filer) <= 2;
    }

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
