using System.Globalization;
using System.Text;
using ImmunoGen.Kb.Extract;
using Xunit.Abstractions;

namespace ImmunoGen.Kb.Tests.Extract;

/// <summary>
/// Recognition measured against hand-labelled annotations of the four seeds: precision and recall per entity type
/// and per event type, printed as a table. On the seeds both must be 1.0.
/// </summary>
public class SeedRecognitionTests(ITestOutputHelper output)
{
    private static readonly Lazy<FilingAnalyzer> Analyzer = new(() => new FilingAnalyzer(SeedFilings.Registry()));

    private sealed class Score
    {
        public int TruePositives { get; set; }

        public int Found { get; set; }

        public int Expected { get; set; }

        public double Precision => Found == 0 ? 1.0 : (double)TruePositives / Found;

        public double Recall => Expected == 0 ? 1.0 : (double)TruePositives / Expected;
    }

    [Fact]
    public void Seeds_AreRecognizedWithPrecisionAndRecallOfOne()
    {
        var scores = new SortedDictionary<string, Score>(StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var id in SeedFilings.Ids)
        {
            var expected = Annotation.Load(id);
            var found = Analyzer.Value.Analyze(SeedFilings.Meta(id), SeedFilings.Body(id));

            Tally(scores, "entity compound", expected.Compounds, found.Compounds, id, misses);
            Tally(scores, "entity partner", expected.Partners, found.Partners, id, misses);
            Tally(scores, "entity person", expected.People, found.People, id, misses);
            var foundEvents = found.Events.Select(AnnotatedEvent.From).ToList();
            foreach (var type in expected.Events.Select(e => e.Type).Concat(foundEvents.Select(e => e.Type)).Distinct())
            {
                Tally(scores, "event " + type, expected.Events.Where(e => e.Type == type).Select(e => e.ToString()).ToList(), foundEvents.Where(e => e.Type == type).Select(e => e.ToString()).ToList(), id, misses);
            }
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"type",-28} {"expected",8} {"found",6} {"correct",8} {"precision",9} {"recall",7}");
        foreach (var (type, s) in scores)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"{type,-28} {s.Expected,8} {s.Found,6} {s.TruePositives,8} {s.Precision,9:0.000} {s.Recall,7:0.000}");
        }

        output.WriteLine(table.ToString());
        foreach (var m in misses)
        {
            output.WriteLine(m);
        }

        Assert.Empty(misses);
        Assert.All(scores.Values, s => Assert.Equal((1.0, 1.0), (s.Precision, s.Recall)));
        Assert.Contains("entity compound", scores.Keys);
        Assert.Equal(5, scores.Count(s => s.Key.StartsWith("event ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Seeds_EntitiesAreListedInOrderOfFirstMention()
    {
        foreach (var id in SeedFilings.Ids)
        {
            var expected = Annotation.Load(id);
            var found = Analyzer.Value.Analyze(SeedFilings.Meta(id), SeedFilings.Body(id));

            Assert.Equal(expected.Compounds, found.Compounds);
            Assert.Equal(expected.Partners, found.Partners);
        }
    }

    [Fact]
    public void Seeds_DiscoverNothingBecauseEveryNameHasAPage()
    {
        foreach (var id in SeedFilings.Ids)
        {
            var found = Analyzer.Value.Analyze(SeedFilings.Meta(id), SeedFilings.Body(id));

            Assert.Empty(found.Discovered);
        }
    }

    private static void Tally(SortedDictionary<string, Score> scores, string type, IReadOnlyList<string> expected, IReadOnlyList<string> found, string seed, List<string> misses)
    {
        if (!scores.TryGetValue(type, out var s))
        {
            s = new Score();
            scores[type] = s;
        }

        var want = expected.ToHashSet(StringComparer.Ordinal);
        var got = found.ToHashSet(StringComparer.Ordinal);
        s.Expected += want.Count;
        s.Found += got.Count;
        s.TruePositives += got.Count(want.Contains);
        misses.AddRange(want.Except(got).Select(x => $"{seed}: missed {type}: {x}"));
        misses.AddRange(got.Except(want).Select(x => $"{seed}: false {type}: {x}"));
    }
}
