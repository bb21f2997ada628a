namespace ImmunoGen.Kb.Content;

/// <summary>Splits a content page into its YAML front-matter and Markdown body, and joins them back.</summary>
public static class FrontMatterText
{
    private const string Fence = "---";

    /// <summary>
    /// The YAML between the opening and closing <c>---</c> lines, the body after them, and the 1-based line
    /// where the body starts. Null when the page does not start with a front-matter fence or never closes it.
    /// </summary>
    public static (string Yaml, string Body, int BodyLine)? Split(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (!StartsWithFence(text, 0, out var yamlStart))
        {
            return null;
        }

        var line = 2;
        var pos = yamlStart;
        while (pos <= text.Length)
        {
            var end = text.IndexOf('\n', pos);
            var lineEnd = end < 0 ? text.Length : end;
            var content = text.AsSpan(pos, lineEnd - pos).TrimEnd('\r');
            if (content.SequenceEqual(Fence) || content.SequenceEqual("..."))
            {
                var yaml = text[yamlStart..pos];
                var bodyStart = end < 0 ? text.Length : end + 1;
                var body = text[bodyStart..];
                // One blank line conventionally separates front-matter from the body.
                var bodyLine = line + 1;
                if (body.StartsWith("\r\n", StringComparison.Ordinal))
                {
                    body = body[2..];
                    bodyLine++;
                }
                else if (body.StartsWith('\n'))
                {
                    body = body[1..];
                    bodyLine++;
                }

                return (yaml, body, bodyLine);
            }

            if (end < 0)
            {
                break;
            }

            pos = end + 1;
            line++;
        }

        return null;
    }

    /// <summary>The page text: fence, YAML, fence, a blank line, the body ending with one newline.</summary>
    public static string Join(string yaml, string body)
    {
        var trimmed = body.Trim('\n');
        return trimmed.Length == 0
            ? $"{Fence}\n{yaml}{Fence}\n"
            : $"{Fence}\n{yaml}{Fence}\n\n{trimmed}\n";
    }

    private static bool StartsWithFence(string text, int at, out int next)
    {
        next = 0;
        if (!text.AsSpan(at).StartsWith(Fence))
        {
            return false;
        }

        var i = at + Fence.Length;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }

        if (i < text.Length && text[i] == '\n')
        {
            next = i + 1;
            return true;
        }

        return false;
    }
}
