using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ImmunoGen.Kb.Content.Yaml;

/// <summary>
/// Writes front-matter YAML deterministically: keys in the order given, block style, two-space indent,
/// strings plain where YAML would read them back unchanged and double-quoted otherwise.
/// Null values and empty lists are left out, so a value a filing does not state never appears.
/// </summary>
public sealed partial class YamlWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;
    private bool _pendingListItem;

    public override string ToString() => _sb.ToString();

    public YamlWriter Scalar(string key, string? value)
    {
        if (value is not null)
        {
            Key(key).Append(' ').Append(Quote(value)).Append('\n');
        }

        return this;
    }

    public YamlWriter Scalar(string key, DateOnly? value) =>
        value is { } d ? Raw(key, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : this;

    public YamlWriter Scalar(string key, long? value) =>
        value is { } n ? Raw(key, n.ToString(CultureInfo.InvariantCulture)) : this;

    /// <summary>Writes <c>key: true</c> only when the flag is set; false is the default and is left out.</summary>
    public YamlWriter Flag(string key, bool value) => value ? Raw(key, "true") : this;

    /// <summary>A list of strings, flow style when short (<c>[a, b]</c>), block style otherwise.</summary>
    public YamlWriter List(string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return this;
        }

        var flow = "[" + string.Join(", ", values.Select(QuoteInFlow)) + "]";
        if (flow.Length + key.Length + (_indent * 2) <= 100 && !flow.Contains('\n'))
        {
            Key(key).Append(' ').Append(flow).Append('\n');
            return this;
        }

        Key(key).Append('\n');
        foreach (var v in values)
        {
            Indent().Append("  - ").Append(Quote(v)).Append('\n');
        }

        return this;
    }

    /// <summary>A list of mappings; <paramref name="writeItem"/> writes each item's keys.</summary>
    public YamlWriter List<T>(string key, IReadOnlyList<T> values, Action<YamlWriter, T> writeItem)
    {
        if (values.Count == 0)
        {
            return this;
        }

        Key(key).Append('\n');
        _indent++;
        foreach (var v in values)
        {
            _pendingListItem = true;
            writeItem(this, v);
            _pendingListItem = false;
        }

        _indent--;
        return this;
    }

    /// <summary>A nested mapping.</summary>
    public YamlWriter Map(string key, Action<YamlWriter> writeBody)
    {
        Key(key).Append('\n');
        _indent++;
        writeBody(this);
        _indent--;
        return this;
    }

    private YamlWriter Raw(string key, string value)
    {
        Key(key).Append(' ').Append(value).Append('\n');
        return this;
    }

    private StringBuilder Key(string key)
    {
        if (_pendingListItem)
        {
            // First key of a list item: "- key:" at the parent's indent.
            _sb.Append(' ', (_indent - 1) * 2).Append("- ");
            _pendingListItem = false;
        }
        else
        {
            Indent();
        }

        return _sb.Append(key).Append(':');
    }

    private StringBuilder Indent() => _sb.Append(' ', _indent * 2);

    // Inside [a, b] a comma or bracket ends a plain item ("Arthex, Inc." would read back as two aliases).
    private static string QuoteInFlow(string value) =>
        value.AsSpan().IndexOfAny(",[]{}") >= 0 ? Quote(value, force: true) : Quote(value);

    /// <summary>The YAML form of <paramref name="value"/>: plain when it reads back as the same string, else double-quoted.</summary>
    public static string Quote(string value) => Quote(value, force: false);

    private static string Quote(string value, bool force)
    {
        if (!force && IsPlainSafe(value))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static bool IsPlainSafe(string value) =>
        value.Length > 0
        && PlainSafe().IsMatch(value)
        && !value.Contains(": ", StringComparison.Ordinal)
        && !value.Contains(" #", StringComparison.Ordinal)
        && !value.EndsWith(':')
        && !LooksTyped().IsMatch(value);

    // Starts with a letter or digit, holds only characters YAML leaves alone in a plain scalar.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _.,;()/&'+\-$%’“”–—é]*(?<! )$")]
    private static partial Regex PlainSafe();

    // Strings that a YAML reader would turn into a bool, null, number or date.
    [GeneratedRegex(@"^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\d{4}-\d\d?-\d\d?.*|\.inf|\.nan|\d+(?::\d+)+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LooksTyped();
}
