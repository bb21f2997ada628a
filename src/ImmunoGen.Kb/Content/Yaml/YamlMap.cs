using System.Globalization;
using ImmunoGen.Kb.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ImmunoGen.Kb.Content.Yaml;

/// <summary>
/// A typed, strict view over one YAML mapping of a content page's front-matter. Every read reports a
/// diagnostic with the file and line when the value has the wrong type; <see cref="ReportUnknownKeys"/>
/// reports keys nobody read. Values that fail to read come back as null or empty, never as a guess.
/// </summary>
public sealed class YamlMap
{
    /// <summary>Front-matter is small; anything bigger than this is not a content page.</summary>
    public const int MaxEvents = 200_000;

    public const int MaxDepth = 32;

    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly List<Diagnostic> _diagnostics;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private YamlMap(YamlMappingNode node, string path, int lineOffset, List<Diagnostic> diagnostics)
    {
        _node = node;
        _path = path;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Parses <paramref name="yaml"/> (the text between the <c>---</c> fences) into its top-level mapping.
    /// Anchors and aliases are refused before anything is built, so a "billion laughs" document costs nothing.
    /// </summary>
    /// <param name="lineOffset">Lines before the YAML in the file (1 for the opening fence).</param>
    public static YamlMap? Parse(string yaml, string path, int lineOffset, List<Diagnostic> diagnostics)
    {
        // One pass: the limits are checked on each event as the representation model reads it, so the YAML is scanned
        // once (scanning is most of the cost of loading 10,000 pages). A page that does not load that way is read again
        // the two-pass way below, which reports exactly what it always did.
        YamlStream stream;
        try
        {
            stream = new YamlStream();
            stream.Load(new LimitedParser(new Parser(new StringReader(yaml)), path, lineOffset));
        }
        catch (TooComplexException ex)
        {
            diagnostics.Add(ex.Diagnostic);
            return null;
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException)
        {
            return ParseInTwoPasses(yaml, path, lineOffset, diagnostics);
        }

        return Root(stream, path, lineOffset, diagnostics);
    }

    private static YamlMap? ParseInTwoPasses(string yaml, string path, int lineOffset, List<Diagnostic> diagnostics)
    {
        var reached = 1;
        try
        {
            if (!IsSimple(yaml, path, lineOffset, diagnostics, ref reached))
            {
                return null;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return Root(stream, path, lineOffset, diagnostics);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Content.BadFrontMatter, path, $"invalid YAML front-matter: {FirstSentence(ex)}", (int)ex.Start.Line + lineOffset));
            return null;
        }
        catch (ArgumentException ex)
        {
            // Found by the long fuzz campaign (bench/fuzz): YamlDotNet's representation model throws this, with no
            // position, on an event sequence it cannot build nodes from.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Content.BadFrontMatter, path, $"invalid YAML front-matter: cannot be read past this line: {ex.Message.Split(" (Parameter")[0]}", reached + lineOffset));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (not a YamlException, and with no position) on some unclosed flow
            // collections such as "aliases: [a, b" followed by more keys; the last line it read is where to look.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Content.BadFrontMatter, path, $"invalid YAML front-matter: cannot be read past this line (an unclosed '[' or '{{'?): {ex.Message}", reached + lineOffset));
            return null;
        }
    }

    private static YamlMap? Root(YamlStream stream, string path, int lineOffset, List<Diagnostic> diagnostics)
    {
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlMap(new YamlMappingNode(), path, lineOffset, diagnostics);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents[0].RootNode.Start;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Content.BadFrontMatter, path, "front-matter is not a mapping of keys to values", (int)at.Line + lineOffset));
            return null;
        }

        return new YamlMap(root, path, lineOffset, diagnostics);
    }

    private static bool IsSimple(string yaml, string path, int lineOffset, List<Diagnostic> diagnostics, ref int reached)
    {
        var parser = new Parser(new StringReader(yaml));
        var limits = new Limits(path, lineOffset);
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            reached = (int)e.Start.Line;
            if (limits.Check(e) is { } problem)
            {
                diagnostics.Add(problem);
                return false;
            }
        }

        return true;
    }

    /// <summary>The limits on a front-matter's events: how many, how deep, and no anchors or aliases.</summary>
    private sealed class Limits(string path, int lineOffset)
    {
        private int _events;
        private int _depth;

        public Diagnostic? Check(ParsingEvent e)
        {
            if (++_events > MaxEvents)
            {
                return Diagnostic.Error(DiagnosticCodes.Content.YamlTooComplex, path, $"front-matter has more than {MaxEvents} YAML nodes", (int)e.Start.Line + lineOffset);
            }

            if (e is AnchorAlias || e is NodeEvent { Anchor.IsEmpty: false })
            {
                return Diagnostic.Error(DiagnosticCodes.Content.YamlTooComplex, path, "YAML anchors and aliases are not allowed in front-matter", (int)e.Start.Line + lineOffset);
            }

            if (e is MappingStart or SequenceStart && ++_depth > MaxDepth)
            {
                return Diagnostic.Error(DiagnosticCodes.Content.YamlTooComplex, path, $"front-matter is nested more than {MaxDepth} levels deep", (int)e.Start.Line + lineOffset);
            }

            if (e is MappingEnd or SequenceEnd)
            {
                _depth--;
            }

            return null;
        }
    }

    /// <summary>A parser that stops at the first event over the <see cref="Limits"/>, before the model builds anything from it.</summary>
    private sealed class LimitedParser(IParser inner, string path, int lineOffset) : IParser
    {
        private readonly Limits _limits = new(path, lineOffset);

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            return _limits.Check(inner.Current!) is { } problem ? throw new TooComplexException(problem) : true;
        }
    }

    private sealed class TooComplexException(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }

    private static string FirstSentence(YamlException ex)
    {
        var m = ex.InnerException?.Message ?? ex.Message;
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (…): "; the line is reported separately.
        var i = m.LastIndexOf("): ", StringComparison.Ordinal);
        return (i >= 0 ? m[(i + 3)..] : m).Trim();
    }

    public int Line => (int)_node.Start.Line + _lineOffset;

    public bool Has(string key) => Find(key) is not null;

    public string? String(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode s when s.Style == ScalarStyle.Plain && s.Value is null or "" or "~" or "null":
                return null;
            case YamlScalarNode s:
                return s.Value;
            default:
                WrongType(key, node, "text");
                return null;
        }
    }

    public DateOnly? Date(string key)
    {
        var node = Find(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } v })
        {
            if (DateOnly.TryParseExact(v.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Content.WrongType, _path, $"'{key}' is not a valid date (yyyy-mm-dd): '{Truncate(v)}'", LineOf(node)));
            return null;
        }

        WrongType(key, node, "a date (yyyy-mm-dd)");
        return null;
    }

    public long? Long(string key)
    {
        var node = Find(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } v } && long.TryParse(v.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        WrongType(key, node, "a whole number");
        return null;
    }

    public bool Bool(string key)
    {
        var node = Find(key);
        if (node is null)
        {
            return false;
        }

        if (node is YamlScalarNode { Value: { } v })
        {
            switch (v.ToLowerInvariant())
            {
                case "true" or "yes": return true;
                case "false" or "no": return false;
            }
        }

        WrongType(key, node, "true or false");
        return false;
    }

    /// <summary>A list of strings; a single string is taken as a list of one.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode { Value: null or "" }:
                return [];
            case YamlScalarNode s:
                return [s.Value!];
            case YamlSequenceNode seq:
                var list = new List<string>(seq.Children.Count);
                foreach (var child in seq.Children)
                {
                    if (child is YamlScalarNode { Value: { Length: > 0 } v })
                    {
                        list.Add(v);
                    }
                    else if (child is not YamlScalarNode)
                    {
                        WrongType(key, child, "a list of text values");
                    }
                }

                return list;
            default:
                WrongType(key, node, "a list of text values");
                return [];
        }
    }

    /// <summary>A list of mappings, each read by <paramref name="readItem"/>; items it returns null for are skipped.</summary>
    public IReadOnlyList<T> Maps<T>(string key, Func<YamlMap, T?> readItem)
        where T : class
    {
        var node = Find(key);
        switch (node)
        {
            case null:
            case YamlScalarNode { Value: null or "" }:
                return [];
            case YamlSequenceNode seq:
                var list = new List<T>(seq.Children.Count);
                foreach (var child in seq.Children)
                {
                    if (child is YamlMappingNode m)
                    {
                        var item = new YamlMap(m, _path, _lineOffset, _diagnostics);
                        if (readItem(item) is { } value)
                        {
                            list.Add(value);
                        }
                    }
                    else
                    {
                        WrongType(key, child, "a list of mappings");
                    }
                }

                return list;
            default:
                WrongType(key, node, "a list of mappings");
                return [];
        }
    }

    /// <summary>A nested mapping, or null when the key is absent or has the wrong type.</summary>
    public YamlMap? Map(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null:
                return null;
            case YamlMappingNode m:
                return new YamlMap(m, _path, _lineOffset, _diagnostics);
            default:
                WrongType(key, node, "a mapping");
                return null;
        }
    }

    /// <summary>Reports, once each, every key of this mapping that no reader asked for.</summary>
    public void ReportUnknownKeys(Severity severity = Severity.Error)
    {
        foreach (var (k, _) in _node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(name))
            {
                _diagnostics.Add(new Diagnostic(severity, DiagnosticCodes.Content.UnknownKey, _path, LineOf(k), $"unknown front-matter key '{Truncate(name)}'"));
            }
        }
    }

    /// <summary>Reports an error about <paramref name="key"/> at its line (or this mapping's line).</summary>
    public void Error(string code, string key, string message)
    {
        var node = Find(key, markRead: false);
        _diagnostics.Add(Diagnostic.Error(code, _path, message, node is null ? Line : LineOf(node)));
    }

    private YamlNode? Find(string key, bool markRead = true)
    {
        if (markRead)
        {
            _read.Add(key);
        }

        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    private void WrongType(string key, YamlNode node, string expected)
    {
        var found = node switch
        {
            YamlSequenceNode => "a list",
            YamlMappingNode => "a mapping",
            _ => "a single value",
        };
        _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Content.WrongType, _path, $"'{key}' should be {expected}, found {found}", LineOf(node)));
    }

    private int LineOf(YamlNode node) => (int)node.Start.Line + _lineOffset;

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
