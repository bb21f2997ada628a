namespace ImmunoGen.Kb.Extract;

/// <summary>A sentence of a paragraph: its offset, length and text.</summary>
public readonly record struct SentenceSpan(int Start, int Length, string Text)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits filing prose into sentences. A period ends a sentence only when followed by space and a capital, digit
/// or quote, and not after an abbreviation that filings use inside names ("Inc.", "Dr.", "Daniel M. Junius").
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "corp", "co", "ltd", "dr", "mr", "ms", "mrs", "prof", "no", "nos", "st", "vs", "jr", "sr",
        "u.s", "e.g", "i.e", "ph.d", "m.d", "s.a", "n.v", "approx", "fig", "est", "mass", "calif",
    };

    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        var spans = new List<SentenceSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '”' or '’' or '\'' or ')')
            {
                end++;
            }

            if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next >= text.Length || !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '“' or '(' or '-' or '–'))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            Add(spans, text, start, end);
            start = next;
            i = next - 1;
        }

        Add(spans, text, start, text.Length);
        return spans;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var w = dot;
        while (w > 0 && (char.IsLetter(text[w - 1]) || text[w - 1] == '.'))
        {
            w--;
        }

        var word = text[w..dot];
        // A single capital before a period is a middle initial ("Daniel M. Junius").
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static void Add(List<SentenceSpan> spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new SentenceSpan(start, end - start, text[start..end]));
        }
    }
}
