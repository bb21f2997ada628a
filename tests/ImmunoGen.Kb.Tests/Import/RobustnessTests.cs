using System.Text;
using ImmunoGen.Kb.Content;
using ImmunoGen.Kb.Import;

namespace ImmunoGen.Kb.Tests.Import;

/// <summary>Whatever the bytes, parsing returns a filing or error diagnostics; it never throws.</summary>
public class RobustnessTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var seed in ImportTestFiles.Seeds)
        {
            data.Add(ImportTestFiles.Seed(seed));
        }

        data.Add(ImportTestFiles.Data("edgar-plain-003.txt"));
        data.Add(ImportTestFiles.Data("edgar-html-001.txt"));
        data.Add(ImportTestFiles.Data("edgar-cp1252-crlf-002.txt"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FilingCutOffAnywhere_ParsesOrIsRefused_WithoutAnException(string path)
    {
        var text = RawFilingReader.ReadFile(path, path).Text!;

        for (var cut = 0; cut < text.Length; cut += 41)
        {
            var (filing, diagnostics) = FilingParser.Parse(text[..cut], "cut.txt");

            Assert.True(filing is not null || diagnostics.Any(d => d.IsError), $"cut at {cut}: neither a filing nor an error");
            Assert.All(diagnostics, d => Assert.DoesNotContain('\n', d.ToString()));
        }
    }

    [Fact]
    public void RandomText_ParsesOrIsRefused_WithoutAnException()
    {
        var random = new Random(8_01);
        const string alphabet = "ITEM 8.01 9.01 - ()/s/ Date: October 4, 2006 <p><table><tr><td> \t\n\n-more- ### $1 \\$ “”’ Exhibit No.99.1 CAMBRIDGE, MA, For Immediate Release Contacts: <DOCUMENT><TYPE>8-K<TEXT> SIGNATURES ";
        for (var round = 0; round < 300; round++)
        {
            var sb = new StringBuilder();
            var length = random.Next(0, 400);
            for (var i = 0; i < length; i++)
            {
                var at = random.Next(alphabet.Length - 8);
                sb.Append(alphabet, at, random.Next(1, 8));
            }

            var (filing, diagnostics) = FilingParser.Parse(sb.ToString(), "random.txt");

            Assert.True(filing is not null || diagnostics.Any(d => d.IsError));
        }
    }

    [Fact]
    public void MixedLineEndings_GiveTheSamePageAsLf()
    {
        var lf = ImportTestFiles.SeedText("002_9fcb631c0bb8cd92");
        var lines = lf.Split('\n');
        var mixed = string.Concat(lines.Select((l, i) => l + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r")));
        var (text, _) = RawFilingReader.Decode(Encoding.UTF8.GetBytes(mixed), "mixed.txt");

        var a = FilingParser.Parse(lf, "lf.txt").Filing!;
        var b = FilingParser.Parse(text!, "mixed.txt").Filing!;

        Assert.Equal(FilingPage.Write(a.Meta, a.Body.ToString()), FilingPage.Write(b.Meta, b.Body.ToString()));
    }
}
