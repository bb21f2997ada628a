using System.Text;
using ImmunoGen.Kb.Diagnostics;

namespace ImmunoGen.Kb.Import;

/// <summary>
/// Turns a raw filing's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 when the
/// bytes are not UTF-8 but look like text. Refuses empty, binary, too-large and undecodable input with one diagnostic.
/// Line endings come back as <c>\n</c> (CRLF, lone CR and mixed endings alike).
/// </summary>
public static class RawFilingReader
{
    /// <summary>The largest raw file accepted: a real 8-K full submission with exhibits and XBRL stays well below it.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Windows-1252 0x80–0x9F; '\0' marks the five bytes the code page leaves undefined.
    private const string Cp1252High =
        "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
        "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    /// <summary>Reads and decodes a file. Never throws for bad input or I/O problems.</summary>
    public static (string? Text, Diagnostic? Error) ReadFile(string path, string displayPath)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, Diagnostic.Error(DiagnosticCodes.Import.Unreadable, displayPath, "file not found"));
            }

            if (info.Length > MaxBytes)
            {
                return (null, TooLarge(displayPath, info.Length));
            }

            return Decode(File.ReadAllBytes(path), displayPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return (null, Diagnostic.Error(DiagnosticCodes.Import.Unreadable, displayPath, $"cannot read the file: {e.Message}"));
        }
    }

    /// <summary>Decodes raw bytes to text with <c>\n</c> line endings, or explains why it cannot.</summary>
    public static (string? Text, Diagnostic? Error) Decode(ReadOnlySpan<byte> bytes, string displayPath)
    {
        if (bytes.Length > MaxBytes)
        {
            return (null, TooLarge(displayPath, bytes.Length));
        }

        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            try
            {
                text = new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                return (null, Diagnostic.Error(DiagnosticCodes.Import.Undecodable, displayPath, $"not valid {encoding.WebName} text"));
            }
        }
        else
        {
            var body = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
            if (LooksBinary(body))
            {
                return (null, Diagnostic.Error(DiagnosticCodes.Import.BinaryFile, displayPath, "binary file (NUL or control bytes), not filing text"));
            }

            if (!TryUtf8(body, out text))
            {
                if (HasValidMultiByteUtf8(body))
                {
                    // UTF-8 text with damaged bytes: reading it as Windows-1252 would garble every accented letter.
                    return (null, Diagnostic.Error(DiagnosticCodes.Import.Undecodable, displayPath, $"invalid UTF-8 at byte {FirstInvalidUtf8(body)}"));
                }

                if (!TryCp1252(body, out text, out var bad))
                {
                    return (null, Diagnostic.Error(DiagnosticCodes.Import.Undecodable, displayPath, $"neither UTF-8 nor Windows-1252 text (byte 0x{body[bad]:X2} at {bad})"));
                }
            }
        }

        text = NormalizeLineEndings(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Diagnostic.Error(DiagnosticCodes.Import.EmptyFile, displayPath, bytes.Length == 0 ? "empty file" : "file holds only whitespace"));
        }

        return (text, null);
    }

    /// <summary>CRLF and lone CR become LF.</summary>
    public static string NormalizeLineEndings(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    internal static Diagnostic TooLarge(string displayPath, long length) =>
        Diagnostic.Error(DiagnosticCodes.Import.TooLarge, displayPath, $"file is {length / (1024 * 1024)} MB, over the {MaxBytes / (1024 * 1024)} MB limit for a raw filing");

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        if (sample.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        var control = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                control++;
            }
        }

        // A few stray control bytes happen in old extractions; a tenth of the file does not.
        return sample.Length > 0 && control * 10 > sample.Length;
    }

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static bool HasValidMultiByteUtf8(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            var b = bytes[i];
            var length = b switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (length == 0 || i + length > bytes.Length)
            {
                continue;
            }

            var ok = true;
            for (var k = 1; k < length; k++)
            {
                ok &= (bytes[i + k] & 0xC0) == 0x80;
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : read;
    }

    private static bool TryCp1252(ReadOnlySpan<byte> bytes, out string text, out int badIndex)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var c = b is >= 0x80 and <= 0x9F ? Cp1252High[b - 0x80] : (char)b;
            if (c == '\0')
            {
                text = "";
                badIndex = i;
                return false;
            }

            chars[i] = c;
        }

        text = new string(chars);
        badIndex = -1;
        return true;
    }
}
