using System.Text;
using ImmunoGen.Kb.Diagnostics;
using ImmunoGen.Kb.Import;

namespace ImmunoGen.Kb.Tests.Import;

/// <summary>Raw bytes to text: the encodings and line endings filings come in, and the bytes that are not a filing.</summary>
public class RawFilingReaderTests
{
    private static string Decoded(byte[] bytes)
    {
        var (text, error) = RawFilingReader.Decode(bytes, "f.txt");
        Assert.Null(error);
        return text!;
    }

    private static Diagnostic Refused(byte[] bytes)
    {
        var (text, error) = RawFilingReader.Decode(bytes, "f.txt");
        Assert.Null(text);
        return error!;
    }

    [Fact]
    public void Utf8_WithAndWithoutBom_DecodesTheSame()
    {
        var plain = Encoding.UTF8.GetBytes("ImmunoGen’s “naked” antibody\n");

        Assert.Equal("ImmunoGen’s “naked” antibody\n", Decoded(plain));
        Assert.Equal("ImmunoGen’s “naked” antibody\n", Decoded([0xEF, 0xBB, 0xBF, .. plain]));
    }

    [Fact]
    public void Utf16_WithBom_Decodes()
    {
        Assert.Equal("mg/m² dose\n", Decoded([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("mg/m² dose\r\n")]));
        Assert.Equal("mg/m² dose\n", Decoded([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("mg/m² dose\n")]));
    }

    [Fact]
    public void Windows1252_IsTheFallbackForTextThatIsNotUtf8()
    {
        // 0x92 right single quote, 0x93/0x94 double quotes, 0x96 en dash, 0xB2 superscript two.
        byte[] bytes = [.. "ImmunoGen"u8, 0x92, .. "s "u8, 0x93, .. "naked"u8, 0x94, .. " "u8, 0x96, .. " 297 mg/m"u8, 0xB2];

        Assert.Equal("ImmunoGen’s “naked” – 297 mg/m²", Decoded(bytes));
    }

    [Fact]
    public void CrLf_LoneCr_AndMixedLineEndings_BecomeLf()
    {
        Assert.Equal("a\nb\nc\nd", Decoded("a\r\nb\rc\nd"u8.ToArray()));
    }

    [Fact]
    public void EmptyFile_IsRefused()
    {
        Assert.Equal(DiagnosticCodes.Import.EmptyFile, Refused([]).Code);
        Assert.Equal(DiagnosticCodes.Import.EmptyFile, Refused(" \r\n\t\n"u8.ToArray()).Code);
    }

    [Fact]
    public void BinaryFile_IsRefused()
    {
        Assert.Equal(DiagnosticCodes.Import.BinaryFile, Refused([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).Code);
        Assert.Equal(DiagnosticCodes.Import.BinaryFile, Refused([.. Enumerable.Repeat((byte)0x01, 50), .. "text"u8]).Code);
    }

    [Fact]
    public void DamagedUtf8_IsRefusedRatherThanGarbledAsWindows1252()
    {
        byte[] bytes = [.. "ImmunoGen’s "u8, 0xC3, 0x28, .. " text"u8];

        var error = Refused(bytes);

        Assert.Equal(DiagnosticCodes.Import.Undecodable, error.Code);
        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteThatWindows1252LeavesUndefined_IsRefused()
    {
        Assert.Equal(DiagnosticCodes.Import.Undecodable, Refused([.. "ab"u8, 0x81, .. "cd"u8]).Code);
    }

    [Fact]
    public void FileOverTheSizeLimit_IsRefusedWithoutReadingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kb-large-{Guid.NewGuid():N}.txt");
        try
        {
            using (var fs = File.Create(path))
            {
                fs.SetLength(50L * 1024 * 1024);
            }

            var (text, error) = RawFilingReader.ReadFile(path, "large.txt");

            Assert.Null(text);
            Assert.Equal(DiagnosticCodes.Import.TooLarge, error!.Code);
            Assert.Equal("large.txt: error KB1008: file is 50 MB, over the 32 MB limit for a raw filing", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFile_IsADiagnostic()
    {
        var (text, error) = RawFilingReader.ReadFile("/nonexistent/kb/file.txt", "file.txt");

        Assert.Null(text);
        Assert.Equal(DiagnosticCodes.Import.Unreadable, error!.Code);
    }
}
