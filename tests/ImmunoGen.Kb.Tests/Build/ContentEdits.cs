namespace ImmunoGen.Kb.Tests.Build;

/// <summary>
/// Realistic changes to a content folder for rebuild tests: new filings written from a seed with another compound,
/// partner and date; edits to a raw filing; deleted filings; edited, added and deleted entity pages.
/// </summary>
internal sealed class ContentEdits(string contentDirectory)
{
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private string Raw => Path.Combine(contentDirectory, "raw");

    public string ApplyRandom(Random random, int step)
    {
        var raws = Directory.GetFiles(Raw).Order(StringComparer.Ordinal).ToList();
        switch (random.Next(6))
        {
            case 0:
            case 1:
                return AddFiling(step);
            case 2:
                {
                    var raw = raws[random.Next(raws.Count)];
                    var text = File.ReadAllText(raw);
                    File.WriteAllText(raw, text.Replace("clinical testing", "clinical evaluation", StringComparison.Ordinal) + "\n");
                    return $"edit {Path.GetFileName(raw)}";
                }

            case 3 when raws.Count > 2:
                {
                    var raw = raws[random.Next(raws.Count)];
                    File.Delete(raw);
                    return $"delete {Path.GetFileName(raw)}";
                }

            case 4:
                {
                    var page = Path.Combine(contentDirectory, "compounds", "sar3419.md");
                    if (!File.Exists(page))
                    {
                        return AddFiling(step);
                    }

                    var text = File.ReadAllText(page);
                    File.WriteAllText(page, text.Replace("name: SAR3419\n", $"name: SAR3419\n# edited in step {step}\n", StringComparison.Ordinal) + $"\nEdited in step {step}.\n");
                    return "edit compounds/sar3419.md";
                }

            default:
                {
                    var partner = Path.Combine(contentDirectory, "partners", "biotest-ag.md");
                    if (File.Exists(partner))
                    {
                        File.Delete(partner);
                        return "delete partners/biotest-ag.md";
                    }

                    File.WriteAllText(
                        Path.Combine(contentDirectory, "compounds", $"sar{5000 + step}.md"),
                        $"---\nname: SAR{5000 + step}\naliases: [SAR-{5000 + step}]\nkind: antibody-drug conjugate\n---\n\nA compound added by hand in step {step}.\n");
                    return $"add compounds/sar{5000 + step}.md";
                }
        }
    }

    /// <summary>Writes a new raw filing that names no compound, partner or person: seed 003's cover page and a one-line item.</summary>
    public string AddPlainFiling(string date, string? sentence = null)
    {
        var seed = File.ReadAllText(Path.Combine(Raw, "003_35968dba8423dc4d.txt"));
        var cover = seed[..seed.IndexOf("ITEM 8.01", StringComparison.Ordinal)].Replace("October 17, 2007", date, StringComparison.Ordinal);
        sentence ??= $"On {date}, the Company set the date of its annual meeting of shareholders.";
        File.WriteAllText(Path.Combine(Raw, "990_plain.txt"), cover + $"ITEM 8.01 OTHER EVENTS\n\n{sentence}\n");
        return $"add raw/990_plain.txt ({date})";
    }

    /// <summary>Writes a new raw filing: seed 003 (a milestone on a clinical start) for another compound and date.</summary>
    /// <param name="compound">The compound it is about; by default a new code name the build has to discover.</param>
    /// <param name="date">Its date ("March 5, 2007"); by default one from 2008 to 2012, after every seed.</param>
    public string AddFiling(int n, string? compound = null, string? date = null)
    {
        var seed = File.ReadAllText(Path.Combine(Raw, "003_35968dba8423dc4d.txt"));
        date ??= $"{Months[n % 12]} {1 + (n * 7 % 27)}, {2008 + (n % 5)}";
        var code = compound ?? $"SAR{4400 + n}";
        var text = seed
            .Replace("October 17, 2007", date, StringComparison.Ordinal)
            .Replace("SAR3419", code, StringComparison.Ordinal)
            .Replace("\\$1 million", $"\\${n + 1} million", StringComparison.Ordinal);
        var name = $"9{n:D2}_added.txt";
        File.WriteAllText(Path.Combine(Raw, name), text);
        return $"add raw/{name} ({code}, {date})";
    }
}
