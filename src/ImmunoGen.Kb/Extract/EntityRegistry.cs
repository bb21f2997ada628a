using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Extract;

/// <summary>
/// The one registry of entity names and aliases, loaded from the entity pages. It drives recognition in filings,
/// links in rendered pages, and search. Matching ignores case and any non-alphanumeric character
/// (<c>sanofiaventis</c> = <c>sanofi-aventis</c>, <c>T-DM1</c> = <c>TDM1</c>), respects word boundaries,
/// and at each position takes the longest alias (<c>huC242-DM4</c> wins over <c>huC242</c>).
/// </summary>
public sealed class EntityRegistry
{
    private readonly Dictionary<EntityRef, Entity> _entities;
    private readonly Dictionary<string, (EntityRef Entity, string Alias)> _byKey;
    private readonly Dictionary<string, (EntityRef Entity, string Alias)>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly TrieNode _root = new();

    private EntityRegistry(Dictionary<EntityRef, Entity> entities, Dictionary<string, (EntityRef, string)> byKey)
    {
        _entities = entities;
        _byKey = byKey;
        _byKeySpan = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (key, value) in byKey)
        {
            var node = _root;
            foreach (var c in key)
            {
                node = node.Child(c);
            }

            node.Match = value;
        }
    }

    public static readonly EntityRegistry Empty = Build([], []);

    /// <summary>Every entity, in kind then slug order.</summary>
    public IEnumerable<Entity> Entities => _entities.Values.OrderBy(e => e.Kind).ThenBy(e => e.Slug, StringComparer.Ordinal);

    public int Count => _entities.Count;

    /// <summary>
    /// Builds the registry. An alias that two entities claim is reported (with the later page's path) and kept
    /// for the entity whose name it is, else for the first page in kind-then-slug order, so the result never depends on load order.
    /// </summary>
    public static EntityRegistry Build(IEnumerable<Entity> entities, List<Diagnostic> diagnostics)
    {
        var byRef = new Dictionary<EntityRef, Entity>();
        var byKey = new Dictionary<string, (EntityRef, string)>(StringComparer.Ordinal);
        var ordered = entities.OrderBy(e => e.Kind).ThenBy(e => e.Slug, StringComparer.Ordinal)
            .Where(e => byRef.TryAdd(EntityRef.Of(e), e))
            .ToList();

        // Names are claimed before aliases: a page listing another entity's name as its alias is the one reported,
        // and the entity keeps its own name whatever the slugs' order.
        foreach (var namesOnly in new[] { true, false })
        {
            foreach (var e in ordered)
            {
                var r = EntityRef.Of(e);
                foreach (var alias in namesOnly ? [e.Name] : NamesOf(e).Skip(1))
                {
                    var key = Normalize(alias);
                    if (key.Length == 0)
                    {
                        continue;
                    }

                    if (byKey.TryGetValue(key, out var owner))
                    {
                        if (owner.Item1 != r)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Entities.DuplicateAlias, e.Path.Length > 0 ? e.Path : r.ToString(), $"alias '{alias}' is already claimed by {owner.Item1}"));
                        }

                        continue;
                    }

                    byKey[key] = (r, alias);
                }
            }
        }

        return new EntityRegistry(byRef, byKey);
    }

    /// <summary>The name, aliases and (for partners) former names of an entity: every spelling that identifies it.</summary>
    public static IEnumerable<string> NamesOf(Entity e)
    {
        yield return e.Name;
        foreach (var a in e.Aliases)
        {
            yield return a;
        }

        if (e is Partner p)
        {
            foreach (var f in p.FormerNames)
            {
                yield return f;
            }
        }
    }

    /// <summary>Lowercase letters and digits only: the form in which two spellings are the same alias.</summary>
    public static string Normalize(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..NormalizeInto(text, buffer)]);
    }

    /// <summary>Writes the <see cref="Normalize"/> form of <paramref name="text"/> into <paramref name="buffer"/> (as long as the text); returns its length.</summary>
    private static int NormalizeInto(string text, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return n;
    }

    public Entity? Get(EntityRef r) => _entities.GetValueOrDefault(r);

    public bool Contains(EntityRef r) => _entities.ContainsKey(r);

    /// <summary>The entity a whole name or alias stands for, or null.</summary>
    public EntityRef? Resolve(string name)
    {
        // Normalized into a stack buffer and looked up as a span: the analyzer resolves every candidate name it finds.
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        return _byKeySpan.TryGetValue(buffer[..NormalizeInto(name, buffer)], out var hit) ? hit.Entity : null;
    }

    /// <summary>Every alias occurrence in <paramref name="text"/>, left to right, non-overlapping, longest first at each start.</summary>
    public IReadOnlyList<AliasMatch> Match(string text)
    {
        // Most blocks name nothing: the list is made at the first match.
        List<AliasMatch>? matches = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            var best = LongestAt(text, i);
            if (best is { } m)
            {
                (matches ??= []).Add(m);
                i = m.Start + m.Length;
            }
            else
            {
                i++;
            }
        }

        return matches ?? (IReadOnlyList<AliasMatch>)[];
    }

    private AliasMatch? LongestAt(string text, int start)
    {
        var node = _root;
        AliasMatch? best = null;
        var separatorRun = 0;
        for (var j = start; j < text.Length; j++)
        {
            var c = text[j];
            if (!char.IsLetterOrDigit(c))
            {
                // Separators inside a name are ignored ("sanofi-aventis" = "sanofiaventis", "Daniel M. Junius",
                // "Johnson & Johnson") but only short runs without a paragraph break, so a match never runs
                // across a list or a block; the trie itself keeps it from running across unrelated words.
                if (++separatorRun > 3 || (c == '\n' && j + 1 < text.Length && text[j + 1] == '\n'))
                {
                    break;
                }

                continue;
            }

            separatorRun = 0;

            node = node.Find(char.ToLowerInvariant(c));
            if (node is null)
            {
                break;
            }

            var atBoundary = j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1]);
            if (node.Match is { } hit && atBoundary)
            {
                best = new AliasMatch(start, j + 1 - start, hit.Entity, hit.Alias);
            }
        }

        return best;
    }

    /// <summary>
    /// A trie node. Children are kept in two small parallel arrays searched with a vectorized IndexOf: most nodes have
    /// one child, and a dictionary per node cost more to build (a registry is built per filing for discovered names)
    /// and to query.
    /// </summary>
    private sealed class TrieNode
    {
        private char[] _keys = [];
        private TrieNode[] _children = [];
        private int _count;

        public (EntityRef Entity, string Alias)? Match { get; set; }

        public TrieNode? Find(char c)
        {
            var i = _keys.AsSpan(0, _count).IndexOf(c);
            return i >= 0 ? _children[i] : null;
        }

        public TrieNode Child(char c)
        {
            if (Find(c) is { } found)
            {
                return found;
            }

            if (_count == _keys.Length)
            {
                var size = Math.Max(2, _count * 2);
                Array.Resize(ref _keys, size);
                Array.Resize(ref _children, size);
            }

            var n = new TrieNode();
            _keys[_count] = c;
            _children[_count] = n;
            _count++;
            return n;
        }
    }
}
