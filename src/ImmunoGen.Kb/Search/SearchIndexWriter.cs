using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ImmunoGen.Kb.Search;

/// <summary>
/// Writes a <see cref="SearchIndex"/> as JavaScript files the search page loads with script tags (so it works from
/// file:// too), in the order a query needs them:
/// <list type="number">
/// <item><c>search-index.js</c>: entities and their keys, stop words, the names of the other files. Small; answers
/// name, alias, part, prefix and fuzzy queries on its own.</item>
/// <item><c>search/filings.js</c>: per filing slug, title, date, entity ids; the sorted token dictionary with
/// delta-encoded base-36 postings. Loaded right after the first.</item>
/// <item><c>search/text-NNN.js</c>: the text of <see cref="TextShardSize"/> filings each, loaded only for the filings a
/// result list shows, for their snippets.</item>
/// </list>
/// Output is deterministic: same index, same bytes.
/// </summary>
public static class SearchIndexWriter
{
    public const string EntityFile = "search-index.js";
    public const string FilingsFile = "search/filings.js";
    public const int TextShardSize = 100;
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string TextFile(int shard) => $"search/text-{shard.ToString("D3", CultureInfo.InvariantCulture)}.js";

    /// <summary>Every file of the index as (path relative to the site root, content), entity file first.</summary>
    public static IReadOnlyList<(string Path, string Content)> Write(SearchIndex index)
    {
        var shards = (index.Filings.Count + TextShardSize - 1) / TextShardSize;
        var files = new List<(string, string)>
        {
            (EntityFile, Script("KB_SEARCH_INDEX", w => WriteEntities(w, index, shards))),
            (FilingsFile, Script("KB_SEARCH_FILINGS", w => WriteFilings(w, index))),
        };
        for (var s = 0; s < shards; s++)
        {
            var shard = s;
            files.Add((TextFile(s), Script($"KB_SEARCH_TEXT[{shard}]", w =>
            {
                w.WriteStartArray();
                foreach (var f in index.Filings.Skip(shard * TextShardSize).Take(TextShardSize))
                {
                    w.WriteStringValue(f.Text);
                }

                w.WriteEndArray();
            }, "window.KB_SEARCH_TEXT=window.KB_SEARCH_TEXT||{};")));
        }

        return files;
    }

    private static string Script(string variable, Action<Utf8JsonWriter> body, string prelude = "")
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            body(w);
        }

        return $"{prelude}window.{variable}={Encoding.UTF8.GetString(buffer.ToArray())};\n";
    }

    private static void WriteEntities(Utf8JsonWriter w, SearchIndex index, int shards)
    {
        w.WriteStartObject();
        w.WriteNumber("v", FormatVersion);
        w.WriteStartArray("stop");
        foreach (var s in index.StopWords)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
        w.WriteNumber("filings", index.Filings.Count);
        w.WriteString("filingsFile", FilingsFile);
        w.WriteNumber("textShardSize", TextShardSize);
        w.WriteNumber("textShards", shards);

        // [kind, slug, name, url, target, [partner slugs], [partner names], stage, [[key, type, label], …]]
        w.WriteStartArray("entities");
        foreach (var e in index.Entities)
        {
            w.WriteStartArray();
            w.WriteStringValue(e.Kind);
            w.WriteStringValue(e.Slug);
            w.WriteStringValue(e.Name);
            w.WriteStringValue(e.Url);
            w.WriteStringValue(e.Target ?? "");
            Strings(w, e.Partners);
            Strings(w, e.PartnerNames);
            w.WriteStringValue(e.Stage ?? "");
            w.WriteStartArray();
            foreach (var k in e.Keys)
            {
                w.WriteStartArray();
                w.WriteStringValue(k.Key);
                w.WriteNumberValue((int)k.Type);
                w.WriteStringValue(k.Label);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFilings(Utf8JsonWriter w, SearchIndex index)
    {
        w.WriteStartObject();

        // [slug, title, date or "", [entity ids]]; the page URL is filings/<slug>.html.
        w.WriteStartArray("f");
        foreach (var f in index.Filings)
        {
            w.WriteStartArray();
            w.WriteStringValue(f.Slug);
            w.WriteStringValue(f.Title);
            w.WriteStringValue(f.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            w.WriteStartArray();
            foreach (var e in f.Entities)
            {
                w.WriteNumberValue(e);
            }

            w.WriteEndArray();
            w.WriteEndArray();
        }

        w.WriteEndArray();
        Strings(w, index.Terms, "terms");

        // Each posting list as base-36 gaps joined by '.', a run of consecutive ids as "gap+more":
        // "0.3+2.a" is filings 0, 3, 4, 5, 15. Words in most filings shrink to a few runs.
        w.WriteStartArray("post");
        var sb = new StringBuilder();
        foreach (var ids in index.Postings)
        {
            sb.Clear();
            var last = 0;
            for (var i = 0; i < ids.Length;)
            {
                if (i > 0)
                {
                    sb.Append('.');
                }

                AppendBase36(sb, ids[i] - last);
                var run = 0;
                while (i + run + 1 < ids.Length && ids[i + run + 1] == ids[i + run] + 1)
                {
                    run++;
                }

                if (run > 0)
                {
                    sb.Append('+');
                    AppendBase36(sb, run);
                }

                last = ids[i + run];
                i += run + 1;
            }

            w.WriteStringValue(sb.ToString());
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void AppendBase36(StringBuilder sb, int value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> buf = stackalloc char[8];
        var n = 0;
        do
        {
            buf[n++] = Digits[value % 36];
            value /= 36;
        }
        while (value > 0);

        for (var i = n - 1; i >= 0; i--)
        {
            sb.Append(buf[i]);
        }
    }

    private static void Strings(Utf8JsonWriter w, IEnumerable<string> values, string? name = null)
    {
        if (name is null)
        {
            w.WriteStartArray();
        }
        else
        {
            w.WriteStartArray(name);
        }

        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
