using System.Numerics;

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

        return Locate<char>(text) is { } at
            ? (text[at.YamlStart..at.YamlEnd], text[at.BodyStart..], at.BodyLine)
            : null;
    }

    /// <summary>
    /// Where the parts of a page are in its text, as <see cref="Split(string)"/> finds them (a leading BOM is not skipped).
    /// Works alike on characters and on UTF-8 bytes: the fences and line ends it looks for are ASCII, which UTF-8 keeps
    /// as single bytes, so a page's bytes can be split, and its front-matter hashed, without decoding the page.
    /// </summary>
    public static FrontMatterLayout? Locate<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        var newline = T.CreateTruncating('\n');
        if (!StartsWithFence(text, out var yamlStart))
        {
            return null;
        }

        var line = 2;
        var pos = yamlStart;
        while (pos <= text.Length)
        {
            var found = text[pos..].IndexOf(newline);
            var end = found < 0 ? -1 : pos + found;
            var content = text[pos..(end < 0 ? text.Length : end)].TrimEnd(T.CreateTruncating('\r'));
            if (Is(content, Fence) || Is(content, "..."))
            {
                var bodyStart = end < 0 ? text.Length : end + 1;
                // One blank line conventionally separates front-matter from the body.
                var bodyLine = line + 1;
                if (Is(text[bodyStart..], "\r\n", prefix: true))
                {
                    bodyStart += 2;
                    bodyLine++;
                }
                else if (Is(text[bodyStart..], "\n", prefix: true))
                {
                    bodyStart++;
                    bodyLine++;
                }

                return new FrontMatterLayout(yamlStart, pos, bodyStart, bodyLine);
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

    // "---" at the start, then only spaces or tabs up to the end of the line.
    private static bool StartsWithFence<T>(ReadOnlySpan<T> text, out int next)
        where T : unmanaged, IBinaryInteger<T>
    {
        next = 0;
        if (!Is(text, Fence, prefix: true))
        {
            return false;
        }

        var i = Fence.Length;
        while (i < text.Length && (text[i] == T.CreateTruncating(' ') || text[i] == T.CreateTruncating('\t')))
        {
            i++;
        }

        if (i < text.Length && text[i] == T.CreateTruncating('\r'))
        {
            i++;
        }

        if (i < text.Length && text[i] == T.CreateTruncating('\n'))
        {
            next = i + 1;
            return true;
        }

        return false;
    }

    // Whether the text is (or, with prefix, starts with) the ASCII string.
    private static bool Is<T>(ReadOnlySpan<T> text, string ascii, bool prefix = false)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (text.Length < ascii.Length || (!prefix && text.Length != ascii.Length))
        {
            return false;
        }

        for (var i = 0; i < ascii.Length; i++)
        {
            if (text[i] != T.CreateTruncating(ascii[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Offsets of a page's parts in its text (<see cref="FrontMatterText.Locate"/>).</summary>
/// <param name="YamlStart">Where the front-matter starts, after the opening fence line.</param>
/// <param name="YamlEnd">Where it ends: the start of the closing fence line.</param>
/// <param name="BodyStart">Where the body starts, after the closing fence line and one blank line.</param>
/// <param name="BodyLine">The 1-based line where the body starts.</param>
public readonly record struct FrontMatterLayout(int YamlStart, int YamlEnd, int BodyStart, int BodyLine);
