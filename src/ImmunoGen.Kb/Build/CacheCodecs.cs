using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Extract;
using ImmunoGen.Kb.Import;
using ImmunoGen.Kb.Search;

namespace ImmunoGen.Kb.Build;

/// <summary>How one kind of value is stored in a <see cref="ContentFileCache{TValue}"/> file.</summary>
internal interface ICacheCodec<TValue>
{
    void Write(BinaryWriter w, TValue value);

    /// <summary>Reads a value; throws on bytes that are not one (the file is then ignored).</summary>
    TValue Read(BinaryReader r);
}

/// <summary>
/// Parses, analyses, filing front-matter, block ids and search text as compact binary: at 10,000 filings they are about 150 MB as JSON, which took seconds to read;
/// this reads in a fraction of that. Every field of every record is written in declaration order; the test
/// <c>CacheCodecTests</c> lists the fields of each stored type, so a field added to one fails it until it is stored here.
/// </summary>
internal static class CacheCodecs
{
    public static ICacheCodec<RawParse> Parse { get; } = new ParseCodec();

    public static ICacheCodec<FilingAnalysis> Analysis { get; } = new AnalysisCodec();

    public static ICacheCodec<FilingFrontMatter> FrontMatter { get; } = new FrontMatterCodec();

    /// <summary>
    /// A search text codec whose tokens are shared by every value it reads: most words recur in thousands of filings, and
    /// one string per word instead of one per filing and word is about 125 MB less at 10,000 filings.
    /// </summary>
    public static ICacheCodec<FilingSearchText> SearchText() => new SearchTextCodec();

    /// <summary>A block id codec whose ids are strings of <paramref name="pool"/> (a new pool when null).</summary>
    public static ICacheCodec<IReadOnlyList<string>> BlockIds(StringPool? pool = null) => new BlockIdsCodec(pool ?? new StringPool());

    /// <summary>One string: a hash.</summary>
    public static ICacheCodec<string> Text { get; } = new TextCodec();

    private sealed class TextCodec : ICacheCodec<string>
    {
        public void Write(BinaryWriter w, string text) => w.Write(text);

        public string Read(BinaryReader r) => r.ReadString();
    }

    private sealed class BlockIdsCodec(StringPool pool) : ICacheCodec<IReadOnlyList<string>>
    {
        public void Write(BinaryWriter w, IReadOnlyList<string> ids) => w.WriteStrings(ids);

        public IReadOnlyList<string> Read(BinaryReader r) => r.ReadList(r => pool.Shared(r.ReadString()));
    }

    private sealed class SearchTextCodec : ICacheCodec<FilingSearchText>
    {
        private readonly StringPool _tokens = new();

        public void Write(BinaryWriter w, FilingSearchText text)
        {
            w.Write(text.Text);
            w.WriteStrings(text.Tokens);
        }

        public FilingSearchText Read(BinaryReader r) =>
            new(r.ReadUtf8Text(), r.ReadList(r => _tokens.Shared(r.ReadString())));
    }

    private sealed class FrontMatterCodec : ICacheCodec<FilingFrontMatter>
    {
        public void Write(BinaryWriter w, FilingFrontMatter meta) => w.WriteMeta(meta);

        public FilingFrontMatter Read(BinaryReader r) => r.ReadMeta();
    }

    private sealed class ParseCodec : ICacheCodec<RawParse>
    {
        public void Write(BinaryWriter w, RawParse p)
        {
            w.Write(p.Rel);
            w.Write(p.Shown);
            w.WriteOptional(p.Sha);
            w.Write(p.Filing is not null);
            if (p.Filing is { } f)
            {
                w.WriteMeta(f.Meta);
                w.Write(f.Body);
            }

            w.WriteList(p.Diagnostics, (w, d) =>
            {
                w.Write((int)d.Severity);
                w.Write(d.Code);
                w.Write(d.Path);
                w.Write(d.Line);
                w.Write(d.Message);
            });
        }

        public RawParse Read(BinaryReader r) => new(
            r.ReadString(),
            r.ReadString(),
            r.ReadOptional(),
            r.ReadBoolean() ? new ParsedFiling(r.ReadMeta(), r.ReadUtf8Text()) : null,
            r.ReadList(r => new Diagnostic((Severity)r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadInt32(), r.ReadString())));
    }

    private sealed class AnalysisCodec : ICacheCodec<FilingAnalysis>
    {
        public void Write(BinaryWriter w, FilingAnalysis a)
        {
            w.WriteStrings(a.Compounds);
            w.WriteStrings(a.Partners);
            w.WriteStrings(a.People);
            w.WriteList(a.Events, BinaryCache.WriteEvent);
            w.WriteStrings(a.Boilerplate);

            // A sentence naming several entities is in each of its mentions: stored once, then referred to by number.
            var sentences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var m in a.Mentions)
            {
                sentences.TryAdd(m.Sentence, sentences.Count);
            }

            w.WriteStrings(sentences.Keys.ToList());
            w.WriteList(a.Mentions, (w, m) =>
            {
                w.Write((int)m.Entity.Kind);
                w.Write(m.Entity.Slug);
                w.Write(m.Paragraph);
                w.Write(sentences[m.Sentence]);
                w.Write(m.Boilerplate);
                w.Write(m.Start);
                w.Write(m.Length);
            });
            w.WriteList(a.Quotes, (w, q) =>
            {
                w.Write(q.PersonSlug);
                w.Write(q.Paragraph);
                w.Write(q.Text);
                w.WriteStrings(q.Compounds);
            });
            w.WriteList(a.Roles, (w, s) =>
            {
                w.Write(s.PersonSlug);
                w.Write(s.Title);
                w.WriteOptional(s.Organization);
                w.WriteOptional(s.Date);
                w.WriteOptional(s.Paragraph);
            });
            w.WriteList(a.Stages, (w, s) =>
            {
                w.Write(s.CompoundSlug);
                w.Write(s.Date.DayNumber);
                w.Write(s.Stage);
                w.Write(s.Paragraph);
            });
            w.WriteList(a.Discovered, BinaryCache.WriteEntity);
        }

        public FilingAnalysis Read(BinaryReader r)
        {
            var compounds = r.ReadStrings();
            var partners = r.ReadStrings();
            var people = r.ReadStrings();
            var events = r.ReadList(BinaryCache.ReadEvent);
            var boilerplate = r.ReadStrings();
            var sentences = r.ReadStrings();
            var mentions = r.ReadList(r => new EntityMention(
                new EntityRef(BinaryCache.ReadKind(r), r.ReadString()),
                r.ReadString(),
                sentences[r.ReadInt32()],
                r.ReadBoolean(),
                r.ReadInt32(),
                r.ReadInt32()));
            var quotes = r.ReadList(r => new QuoteSeen(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadStrings()));
            var roles = r.ReadList(r => new PersonRoleSeen(r.ReadString(), r.ReadString(), r.ReadOptional(), r.ReadOptionalDate(), r.ReadOptional()));
            var stages = r.ReadList(r => new StageSeen(r.ReadString(), DateOnly.FromDayNumber(r.ReadInt32()), r.ReadString(), r.ReadString()));
            return new FilingAnalysis
            {
                Compounds = compounds,
                Partners = partners,
                People = people,
                Events = events,
                Boilerplate = boilerplate,
                Mentions = mentions,
                Quotes = quotes,
                Roles = roles,
                Stages = stages,
                Discovered = r.ReadList(BinaryCache.ReadEntity),
            };
        }
    }
}

/// <summary>The building blocks of <see cref="CacheCodecs"/>: optional values, lists, and the records parses and analyses share.</summary>
internal static class BinaryCache
{
    public static void WriteOptional(this BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    public static string? ReadOptional(this BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    public static void WriteOptional(this BinaryWriter w, DateOnly? value)
    {
        w.Write(value is not null);
        if (value is { } d)
        {
            w.Write(d.DayNumber);
        }
    }

    public static DateOnly? ReadOptionalDate(this BinaryReader r) => r.ReadBoolean() ? DateOnly.FromDayNumber(r.ReadInt32()) : null;

    public static void WriteOptional(this BinaryWriter w, long? value)
    {
        w.Write(value is not null);
        if (value is { } n)
        {
            w.Write(n);
        }
    }

    public static long? ReadOptionalLong(this BinaryReader r) => r.ReadBoolean() ? r.ReadInt64() : null;

    public static void WriteList<T>(this BinaryWriter w, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        w.Write(items.Count);
        foreach (var item in items)
        {
            write(w, item);
        }
    }

    public static List<T> ReadList<T>(this BinaryReader r, Func<BinaryReader, T> read)
    {
        // Every item takes at least a byte: a count beyond the bytes left is damage, not a reason to allocate.
        var count = r.ReadInt32();
        if (count < 0 || count > r.BaseStream.Length - r.BaseStream.Position)
        {
            throw new InvalidDataException("list length out of range");
        }

        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(read(r));
        }

        return list;
    }

    // The bytes as they are, length first: no transcoding either way.
    public static void Write(this BinaryWriter w, Utf8Text text)
    {
        w.Write7BitEncodedInt(text.Bytes.Length);
        w.Write(text.Bytes);
    }

    public static Utf8Text ReadUtf8Text(this BinaryReader r) => Utf8Text.FromUtf8(r.ReadBytes(r.Read7BitEncodedInt()));

    public static void WriteStrings(this BinaryWriter w, IReadOnlyList<string> items) => w.WriteList(items, (w, s) => w.Write(s));

    public static List<string> ReadStrings(this BinaryReader r) => r.ReadList(r => r.ReadString());

    public static EntityKind ReadKind(BinaryReader r) =>
        r.ReadInt32() is var k && Enum.IsDefined((EntityKind)k) ? (EntityKind)k : throw new InvalidDataException("unknown entity kind");

    public static void WriteMeta(this BinaryWriter w, FilingFrontMatter m)
    {
        w.WriteOptional(m.Title);
        w.WriteOptional(m.Form);
        w.WriteOptional(m.Company);
        w.WriteOptional(m.FileNumber);
        w.WriteOptional(m.EventDate);
        w.WriteOptional(m.PressReleaseDate);
        w.WriteOptional(m.SignedDate);
        w.WriteOptional(m.AccessionNumber);
        w.WriteOptional(m.FiledDate);
        w.WriteOptional(m.Cik);
        w.WriteList(m.Items, (w, i) => { w.Write(i.Number); w.WriteOptional(i.Title); });
        w.WriteList(m.Exhibits, (w, e) => { w.Write(e.Number); w.WriteOptional(e.Description); });
        w.WriteList(m.Signatories, (w, s) => { w.Write(s.Name); w.WriteOptional(s.Title); });
        w.WriteStrings(m.Compounds);
        w.WriteStrings(m.Partners);
        w.WriteStrings(m.People);
        w.WriteList(m.Events, WriteEvent);
        w.WriteStrings(m.Boilerplate);
        w.Write(m.Source is not null);
        if (m.Source is { } s)
        {
            w.Write(s.Path);
            w.Write(s.Sha256);
        }
    }

    public static FilingFrontMatter ReadMeta(this BinaryReader r) => new()
    {
        Title = r.ReadOptional(),
        Form = r.ReadOptional(),
        Company = r.ReadOptional(),
        FileNumber = r.ReadOptional(),
        EventDate = r.ReadOptionalDate(),
        PressReleaseDate = r.ReadOptionalDate(),
        SignedDate = r.ReadOptionalDate(),
        AccessionNumber = r.ReadOptional(),
        FiledDate = r.ReadOptionalDate(),
        Cik = r.ReadOptional(),
        Items = r.ReadList(r => new FilingItem(r.ReadString(), r.ReadOptional())),
        Exhibits = r.ReadList(r => new Exhibit(r.ReadString(), r.ReadOptional())),
        Signatories = r.ReadList(r => new Signatory(r.ReadString(), r.ReadOptional())),
        Compounds = r.ReadStrings(),
        Partners = r.ReadStrings(),
        People = r.ReadStrings(),
        Events = r.ReadList(ReadEvent),
        Boilerplate = r.ReadStrings(),
        Source = r.ReadBoolean() ? new SourceRef(r.ReadString(), r.ReadString()) : null,
    };

    public static void WriteEvent(BinaryWriter w, FilingEvent e)
    {
        w.Write(e.Type);
        w.WriteOptional(e.Date);
        w.WriteOptional(e.Compound);
        w.WriteOptional(e.Partner);
        w.WriteOptional(e.AmountUsd);
        w.WriteOptional(e.AmountUsdMax);
        w.Write(e.Potential);
        w.WriteOptional(e.Phase);
        w.WriteOptional(e.Detail);
        w.WriteOptional(e.Paragraph);
    }

    public static FilingEvent ReadEvent(BinaryReader r) => new()
    {
        Type = r.ReadString(),
        Date = r.ReadOptionalDate(),
        Compound = r.ReadOptional(),
        Partner = r.ReadOptional(),
        AmountUsd = r.ReadOptionalLong(),
        AmountUsdMax = r.ReadOptionalLong(),
        Potential = r.ReadBoolean(),
        Phase = r.ReadOptional(),
        Detail = r.ReadOptional(),
        Paragraph = r.ReadOptional(),
    };

    /// <summary>An entity with its kind first: the kind says which fields follow.</summary>
    public static void WriteEntity(BinaryWriter w, Entity e)
    {
        w.Write((int)e.Kind);
        w.Write(e.Slug);
        w.Write(e.Name);
        w.WriteStrings(e.Aliases);
        w.Write(e.Discovered);
        w.Write(e.Body);
        w.Write(e.Path);
        switch (e)
        {
            case Compound c:
                w.WriteOptional(c.CompoundKind);
                w.WriteOptional(c.Antibody);
                w.WriteOptional(c.Target);
                w.WriteOptional(c.Payload);
                w.WriteStrings(c.Indications);
                w.WriteStrings(c.Partners);
                w.WriteStrings(c.Related);
                break;
            case Partner p:
                w.WriteStrings(p.FormerNames);
                w.WriteOptional(p.Parent);
                w.WriteOptional(p.Relationship);
                break;
            case Person h:
                w.WriteList(h.Roles, (w, role) =>
                {
                    w.Write(role.Title);
                    w.WriteOptional(role.Organization);
                    w.WriteOptional(role.FirstSeen);
                    w.WriteOptional(role.LastSeen);
                });
                break;
            default:
                throw new NotSupportedException($"no cache encoding for {e.GetType().Name}");
        }
    }

    public static Entity ReadEntity(BinaryReader r)
    {
        var kind = ReadKind(r);
        var slug = r.ReadString();
        var name = r.ReadString();
        var aliases = r.ReadStrings();
        var discovered = r.ReadBoolean();
        var body = r.ReadString();
        var path = r.ReadString();
        return kind switch
        {
            EntityKind.Compound => new Compound
            {
                Slug = slug, Name = name, Aliases = aliases, Discovered = discovered, Body = body, Path = path,
                CompoundKind = r.ReadOptional(),
                Antibody = r.ReadOptional(),
                Target = r.ReadOptional(),
                Payload = r.ReadOptional(),
                Indications = r.ReadStrings(),
                Partners = r.ReadStrings(),
                Related = r.ReadStrings(),
            },
            EntityKind.Partner => new Partner
            {
                Slug = slug, Name = name, Aliases = aliases, Discovered = discovered, Body = body, Path = path,
                FormerNames = r.ReadStrings(),
                Parent = r.ReadOptional(),
                Relationship = r.ReadOptional(),
            },
            _ => new Person
            {
                Slug = slug, Name = name, Aliases = aliases, Discovered = discovered, Body = body, Path = path,
                Roles = r.ReadList(r => new Role(r.ReadString(), r.ReadOptional(), r.ReadOptionalDate(), r.ReadOptionalDate())),
            },
        };
    }
}
