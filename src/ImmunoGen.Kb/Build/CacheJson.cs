using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Extract;

namespace ImmunoGen.Kb.Build;

/// <summary>
/// How <see cref="RawFileCache{TValue}"/> stores parses and analyses as JSON. Every settable property of the records is
/// stored by reflection, so a field added to them is cached without a change here.
/// </summary>
internal static class CacheJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        // Never shown as HTML: escaping only makes the files bigger and slower to read.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredFieldsOnly, EntitySubtypes } },
        Converters = { new MentionsConverter() },
    };

    // Computed properties (FilingFrontMatter.Date, Entity.Kind, Diagnostic.IsError) are derived on reading: not stored.
    private static void StoredFieldsOnly(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var computed in type.Properties.Where(p => p.Set is null && p.AssociatedParameter is null).ToList())
        {
            type.Properties.Remove(computed);
        }
    }

    // Discovered entities are Compound, Partner or Person behind the abstract Entity; a new kind fails to save
    // (reported as a warning) rather than being stored without its fields.
    private static void EntitySubtypes(JsonTypeInfo type)
    {
        if (type.Type != typeof(Entity))
        {
            return;
        }

        type.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$kind",
            DerivedTypes =
            {
                new JsonDerivedType(typeof(Compound), "compound"),
                new JsonDerivedType(typeof(Partner), "partner"),
                new JsonDerivedType(typeof(Person), "person"),
            },
        };
    }

    /// <summary>
    /// A filing's mentions with each sentence stored once: a sentence naming several entities is repeated in each of its
    /// mentions, and the sentences were most of an analysis cache's size.
    /// <code>{"sentences": ["…", …], "sentence_of": [0, 0, 1, …], "mentions": [{… "Sentence": "" …}, …]}</code>
    /// </summary>
    private sealed class MentionsConverter : JsonConverter<IReadOnlyList<EntityMention>>
    {
        public override void Write(Utf8JsonWriter writer, IReadOnlyList<EntityMention> value, JsonSerializerOptions options)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var sentenceOf = value.Select(m => index.TryGetValue(m.Sentence, out var i) ? i : index[m.Sentence] = index.Count).ToList();
            writer.WriteStartObject();
            writer.WritePropertyName("sentences");
            JsonSerializer.Serialize(writer, index.OrderBy(s => s.Value).Select(s => s.Key).ToList(), options);
            writer.WritePropertyName("sentence_of");
            JsonSerializer.Serialize(writer, sentenceOf, options);
            writer.WritePropertyName("mentions");
            JsonSerializer.Serialize(writer, value.Select(m => m with { Sentence = "" }).ToList(), options);
            writer.WriteEndObject();
        }

        public override IReadOnlyList<EntityMention> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var stored = JsonSerializer.Deserialize<StoredMentions>(ref reader, options) ?? throw new JsonException("mentions missing");
            if (stored.Sentences is null || stored.SentenceOf is null || stored.Mentions is null || stored.SentenceOf.Count != stored.Mentions.Count)
            {
                throw new JsonException("mentions incomplete");
            }

            // An index out of range throws, and the whole file is then ignored.
            return stored.Mentions.Select((m, i) => m with { Sentence = stored.Sentences[stored.SentenceOf[i]] }).ToList();
        }

        private sealed record StoredMentions(
            [property: JsonPropertyName("sentences")] List<string>? Sentences,
            [property: JsonPropertyName("sentence_of")] List<int>? SentenceOf,
            [property: JsonPropertyName("mentions")] List<EntityMention>? Mentions);
    }
}
