using System.Buffers;
using System.Text;

namespace ImmunoGen.Kb.Render;

/// <summary>
/// A <see cref="TextWriter"/> that turns a page straight into its UTF-8 bytes, with every CRLF written as LF, exactly
/// as <c>Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"))</c> would for the whole text. Pages of 10 MB and more
/// (the filings list, the timeline) then never exist as strings, nor as one array: they are encoded into the pooled
/// chunks of a <see cref="PageBytes"/>, which is written to disk as it is (<see cref="Detach"/>).
/// Not thread-safe; dispose it to give the buffers back.
/// </summary>
internal sealed class Utf8PageWriter : TextWriter
{
    private const int CharBlock = 8 * 1024;

    // A UTF-16 char becomes at most 3 bytes, a flushed lone surrogate 3; keeping room for both guarantees progress.
    private const int MinRoom = 8;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Encoder _encoder = Utf8.GetEncoder();
    private PageBytes? _bytes = new();
    private char[] _chars = ArrayPool<char>.Shared.Rent(CharBlock);
    private int _charCount;
    private bool _pendingCr;

    public override Encoding Encoding => Utf8;

    /// <summary>How many characters were written so far, before newlines were normalized.</summary>
    public long CharsWritten { get; private set; }

    public override void Write(char value)
    {
        CharsWritten++;
        if (_pendingCr)
        {
            _pendingCr = false;
            if (value == '\n')
            {
                Append('\n');
                return;
            }

            Append('\r');
        }

        if (value == '\r')
        {
            _pendingCr = true;
        }
        else
        {
            Append(value);
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        if (_pendingCr)
        {
            Write(buffer[0]);
            buffer = buffer[1..];
        }

        CharsWritten += buffer.Length;
        while (!buffer.IsEmpty)
        {
            var cr = buffer.IndexOf('\r');
            if (cr < 0)
            {
                Append(buffer);
                return;
            }

            Append(buffer[..cr]);
            if (cr + 1 == buffer.Length)
            {
                _pendingCr = true;
                return;
            }

            // "\r\n" becomes "\n"; any other "\r" stays, and the character after it is looked at again.
            if (buffer[cr + 1] == '\n')
            {
                Append('\n');
                buffer = buffer[(cr + 2)..];
            }
            else
            {
                Append('\r');
                buffer = buffer[(cr + 1)..];
            }
        }
    }

    /// <summary>The page's bytes, handed over: the writer is done, and whoever takes them disposes them.</summary>
    public PageBytes Detach()
    {
        if (_pendingCr)
        {
            Append('\r');
            _pendingCr = false;
        }

        Encode(flush: true);
        var bytes = _bytes!;
        _bytes = null;
        return bytes;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _bytes?.Dispose();
            _bytes = null;
            if (_chars.Length > 0)
            {
                ArrayPool<char>.Shared.Return(_chars);
                _chars = [];
            }
        }

        base.Dispose(disposing);
    }

    private void Append(char c)
    {
        if (_charCount == _chars.Length)
        {
            Encode(flush: false);
        }

        _chars[_charCount++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (_charCount == _chars.Length)
            {
                Encode(flush: false);
            }

            var n = Math.Min(text.Length, _chars.Length - _charCount);
            text[..n].CopyTo(_chars.AsSpan(_charCount));
            _charCount += n;
            text = text[n..];
        }
    }

    // The encoder keeps a high surrogate that ends one block for the next, so pairs split across writes encode whole,
    // and a lone surrogate becomes U+FFFD as Encoding.GetBytes would make it.
    private void Encode(bool flush)
    {
        ObjectDisposedException.ThrowIf(_bytes is null, this);
        var chars = _chars.AsSpan(0, _charCount);
        bool completed;
        do
        {
            _encoder.Convert(chars, _bytes.GetSpan(MinRoom), flush, out var used, out var written, out completed);
            _bytes.Advance(written);
            chars = chars[used..];
        }
        while (!completed || !chars.IsEmpty);

        _charCount = 0;
    }
}
