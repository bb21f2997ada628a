using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ImmunoGen.Kb.Render;

namespace ImmunoGen.Kb.Search;

/// <summary>Sizes of the pieces the index is split into (the defaults are the site's; tests use tiny ones to exercise splits).</summary>
/// <param name="TermShardBytes">A term shard (the terms under one prefix, with their postings) is split by the next character once it would exceed this.</param>
/// <param name="FilingChunk">Filings per metadata chunk (slug, title, date), by id range.</param>
/// <param name="EntityChunk">Entities per chunk of entity postings (the filings that name each entity), by entity id.</param>
/// <param name="TextShard">Filings per text shard (snippets), by id range.</param>
public sealed record SearchLayout(int TermShardBytes = 32 * 1024, int FilingChunk = 25, int EntityChunk = 32, int TextShard = 25)
{
    public static SearchLayout Default { get; } = new();

    /// <summary>A term shard prefix never gets longer than this, however large its postings are.</summary>
    public const int MaxPrefixLength = 8;
}

/// <summary>
/// Writes a <see cref="SearchIndex"/> as JavaScript files the search page loads with script tags (so it works from
/// file:// and under any base path), each loaded only when a query needs it (docs/search.md, "The browser side"):
/// <list type="bullet">
/// <item><c>search-index.js</c>: entities and their keys, stop words, the years' first filing ids and the start
/// prefixes of the term shards. Answers every entity query on its own.</item>
/// <item><c>search/terms-PREFIX.js</c>: the dictionary terms from one start prefix to the next, with their postings.</item>
/// <item><c>search/entities-NNN.js</c>: for a range of entity ids, the filings that name each entity.</item>
/// <item><c>search/filings-NNN.js</c>: slug, title and date of a range of filing ids: for the filings a result list shows.</item>
/// <item><c>search/text-NNN.js</c>: the text of a range of filings, for the snippets of the filings on screen.</item>
/// </list>
/// Every piece after the first registers itself as <c>window.KB_SEARCH_PARTS[path]</c>. Output is deterministic (same
/// index, same bytes), and the pieces are cut where a new filing changes few of them: filing ids are in date order, so a
/// new newest filing touches only the last chunk of each kind, and the shards of its own terms and entities.
/// </summary>
public static class SearchIndexWriter
{
    public const string EntityFile = "search-index.js";
    public const int FormatVersion = 2;

    /// <summary>The 64 characters of the postings encoding; the first 32 end a number, the last 32 continue it.</summary>
    public const string Digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    private const string Parts = "window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS[";

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string TextFile(int shard) => $"search/text-{shard.ToString("D3", CultureInfo.InvariantCulture)}.js";

    public static string FilingFile(int chunk) => $"search/filings-{chunk.ToString("D3", CultureInfo.InvariantCulture)}.js";

    public static string EntityPostingsFile(int chunk) => $"search/entities-{chunk.ToString("D3", CultureInfo.InvariantCulture)}.js";

    /// <summary>
    /// The file of the term shard that starts at <paramref name="prefix"/>: a–z and 0–9 as they are, any other character
    /// as <c>_</c> and four hex digits, so names are plain ASCII and distinct on case-insensitive file systems.
    /// </summary>
    public static string TermFile(string prefix)
    {
        var sb = new StringBuilder("search/terms-");
        foreach (var c in prefix)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('_').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return sb.Append(".js").ToString();
    }

    /// <summary>Every file of the index as (path relative to the site root, content), entity file first.</summary>
    public static IEnumerable<(string Path, string Content)> Write(SearchIndex index, SearchLayout? layout = null)
    {
        foreach (var file in Files(index, layout))
        {
            using (file)
            {
                yield return (file.Path, Encoding.UTF8.GetString(file.Bytes));
            }
        }
    }

    /// <summary>
    /// Every file of the index as the site files a build writes, entity file first. Each file is made as the caller comes
    /// to it, in pooled chunks the caller gives back by disposing it, so a build writing them one by one never holds the
    /// whole index (45 MB at 10,000 filings), nor any file of it as a string.
    /// </summary>
    internal static IEnumerable<SiteFile> Files(SearchIndex index, SearchLayout? layout = null)
    {
        layout ??= SearchLayout.Default;
        var encoded = new string[index.Postings.Count];
        Parallel.For(0, encoded.Length, i => encoded[i] = EncodePostings(index.Postings[i]));
        var starts = TermShardStarts(index.Terms, encoded, layout);
        yield return Script(EntityFile, "window.KB_SEARCH_INDEX=", w => WriteEntities(w, index, starts, layout));

        // Term shards: shard s holds the terms from starts[s] (inclusive) to starts[s + 1]; the first holds every term before that too.
        for (int s = 0, t = 0; s < starts.Count; s++)
        {
            var from = t;
            while (t < index.Terms.Count && (s + 1 == starts.Count || string.CompareOrdinal(index.Terms[t], starts[s + 1]) < 0))
            {
                t++;
            }

            var to = t;
            yield return Part(TermFile(starts[s]), w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("t");
                for (var i = from; i < to; i++)
                {
                    w.WriteStringValue(index.Terms[i]);
                }

                w.WriteEndArray();
                w.WriteStartArray("p");
                for (var i = from; i < to; i++)
                {
                    w.WriteStringValue(encoded[i]);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        // Entity postings: the filings that name each entity, in entity id order.
        var namedBy = new List<int>[index.Entities.Count];
        for (var e = 0; e < namedBy.Length; e++)
        {
            namedBy[e] = [];
        }

        for (var f = 0; f < index.Filings.Count; f++)
        {
            foreach (var e in index.Filings[f].Entities)
            {
                namedBy[e].Add(f);
            }
        }

        var entityChunks = Chunks(namedBy, layout.EntityChunk, EntityPostingsFile, (w, ids) => w.WriteStringValue(EncodePostings(ids)));

        // Filing rows: [slug, title, date or ""]; the page URL is filings/<slug>.html.
        var filingChunks = Chunks(index.Filings, layout.FilingChunk, FilingFile, (w, f) =>
        {
            w.WriteStartArray();
            w.WriteStringValue(f.Slug);
            w.WriteStringValue(f.Title);
            w.WriteStringValue(Date(f.Date));
            w.WriteEndArray();
        });

        var textShards = Chunks(index.Filings, layout.TextShard, TextFile, (w, f) => w.WriteStringValue(f.Text.Bytes));
        foreach (var file in entityChunks.Concat(filingChunks).Concat(textShards))
        {
            yield return file;
        }
    }

    /// <summary>
    /// Where the term shards start, in order (the first is ""): the leaves of the prefix tree of the dictionary, a
    /// prefix split by its next character while its terms and postings exceed <see cref="SearchLayout.TermShardBytes"/>.
    /// A pure function of the dictionary, so a clean build and an incremental one agree; a new filing moves a boundary
    /// only where a shard outgrows the limit, and changes only the shards of its own terms.
    /// </summary>
    public static IReadOnlyList<string> TermShardStarts(IReadOnlyList<string> terms, IReadOnlyList<string> postings, SearchLayout layout)
    {
        var size = new long[terms.Count + 1];
        for (var i = 0; i < terms.Count; i++)
        {
            size[i + 1] = size[i] + terms[i].Length + postings[i].Length + 6;
        }

        var starts = new List<string>();
        void Split(string prefix, int lo, int hi)
        {
            if (prefix.Length > 0 && (size[hi] - size[lo] <= layout.TermShardBytes || prefix.Length >= SearchLayout.MaxPrefixLength || hi - lo == 1))
            {
                starts.Add(prefix);
                return;
            }

            // Split by the next character. A term equal to the prefix sorts first and has no next character: it goes
            // with the shard before (each shard runs from its start to the next shard's start).
            while (lo < hi && terms[lo].Length <= prefix.Length)
            {
                lo++;
            }

            for (var i = lo; i < hi;)
            {
                var c = terms[i][prefix.Length];
                var j = i;
                while (j < hi && terms[j][prefix.Length] == c)
                {
                    j++;
                }

                Split(prefix + c, i, j);
                i = j;
            }
        }

        Split("", 0, terms.Count);
        return starts.Count == 0 ? [""] : starts;
    }

    /// <summary>
    /// Ascending ids as text, whichever is shorter: numbers (the first id, then each gap minus one) in base 32, most
    /// significant digit first, the last digit of a number from <c>Digits[0..31]</c> and the others from
    /// <c>Digits[32..63]</c>; or, for ids dense enough, <c>!</c>, the first id so written, then 6 ids per character
    /// from it (bit k of character j is id first + 6j + k).
    /// </summary>
    public static string EncodePostings(IReadOnlyList<int> ids)
    {
        var gaps = new StringBuilder();
        var last = -1;
        foreach (var id in ids)
        {
            AppendNumber(gaps, id - last - 1);
            last = id;
        }

        if (ids.Count < 2)
        {
            return gaps.ToString();
        }

        var first = ids[0];
        var chars = ((ids[^1] - first) / 6) + 1;
        var bitmap = new StringBuilder("!");
        AppendNumber(bitmap, first);
        if (bitmap.Length + chars >= gaps.Length)
        {
            return gaps.ToString();
        }

        var bits = new int[chars];
        foreach (var id in ids)
        {
            bits[(id - first) / 6] |= 1 << ((id - first) % 6);
        }

        foreach (var b in bits)
        {
            bitmap.Append(Digits[b]);
        }

        return bitmap.ToString();
    }

    /// <summary>The ids <see cref="EncodePostings"/> wrote.</summary>
    public static List<int> DecodePostings(string s)
    {
        var ids = new List<int>();
        if (s.StartsWith('!'))
        {
            var i = 1;
            var first = ReadNumber(s, ref i);
            for (var j = 0; i < s.Length; i++, j++)
            {
                var b = Digits.IndexOf(s[i], StringComparison.Ordinal);
                for (var k = 0; k < 6; k++)
                {
                    if ((b & (1 << k)) != 0)
                    {
                        ids.Add(first + (6 * j) + k);
                    }
                }
            }

            return ids;
        }

        var last = -1;
        for (var i = 0; i < s.Length;)
        {
            last += ReadNumber(s, ref i) + 1;
            ids.Add(last);
        }

        return ids;
    }

    private static int ReadNumber(string s, ref int i)
    {
        var v = 0;
        while (true)
        {
            var d = Digits.IndexOf(s[i++], StringComparison.Ordinal);
            v = (v << 5) | (d & 31);
            if (d < 32)
            {
                return v;
            }
        }
    }

    private static void AppendNumber(StringBuilder sb, int value)
    {
        Span<char> buf = stackalloc char[8];
        var n = 0;
        buf[n++] = Digits[value & 31];
        for (value >>= 5; value > 0; value >>= 5)
        {
            buf[n++] = Digits[32 + (value & 31)];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            sb.Append(buf[i]);
        }
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>One file per <paramref name="size"/> items, by position: file <c>c</c> is a JSON array of items c·size … (c+1)·size − 1.</summary>
    private static IEnumerable<SiteFile> Chunks<T>(IReadOnlyList<T> items, int size, Func<int, string> file, Action<Utf8JsonWriter, T> writeItem)
    {
        for (var c = 0; c * size < items.Count; c++)
        {
            var first = c * size;
            yield return Part(file(c), w =>
            {
                w.WriteStartArray();
                for (var i = first; i < Math.Min(items.Count, first + size); i++)
                {
                    writeItem(w, items[i]);
                }

                w.WriteEndArray();
            });
        }
    }

    private static SiteFile Part(string path, Action<Utf8JsonWriter> body) => Script(path, $"{Parts}\"{path}\"]=", body);

    // The file: the assignment, the JSON, ";\n".
    private static SiteFile Script(string path, string assign, Action<Utf8JsonWriter> body)
    {
        var bytes = new PageBytes();
        Encoding.UTF8.GetBytes(assign, bytes);
        using (var w = new Utf8JsonWriter(bytes, Options))
        {
            body(w);
        }

        Encoding.UTF8.GetBytes(";\n", bytes);
        return new SiteFile(path, bytes);
    }

    private static void WriteEntities(Utf8JsonWriter w, SearchIndex index, IReadOnlyList<string> starts, SearchLayout layout)
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

        // [year, id of its first filing], ascending; filings before the first are undated (ids follow dates).
        w.WriteStartArray("years");
        for (var f = 0; f < index.Filings.Count; f++)
        {
            if (index.Filings[f].Date is { } d && (f == 0 || index.Filings[f - 1].Date?.Year != d.Year))
            {
                w.WriteStartArray();
                w.WriteNumberValue(d.Year);
                w.WriteNumberValue(f);
                w.WriteEndArray();
            }
        }

        w.WriteEndArray();
        Strings(w, starts, "terms");
        w.WriteNumber("filingChunk", layout.FilingChunk);
        w.WriteNumber("entityChunk", layout.EntityChunk);
        w.WriteNumber("textShard", layout.TextShard);

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
