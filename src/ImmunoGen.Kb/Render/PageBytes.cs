using System.Buffers;

namespace ImmunoGen.Kb.Render;

/// <summary>
/// The bytes of a page being rendered, in pooled chunks of 64 KB or more. A 10 MB page (the filings list, the timeline,
/// a data file) then never needs one array of its size: such arrays, allocated and dropped a page at a time, were much of
/// what a build allocated and what made the collector stop it. Written to disk from the chunks (<see cref="Sequence"/>);
/// dispose it to give them back. Not thread-safe.
/// </summary>
internal sealed class PageBytes : IBufferWriter<byte>, IDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly List<(byte[] Bytes, int Length)> _chunks = [];
    private bool _disposed;

    public long Length { get; private set; }

    public void Advance(int count)
    {
        var (bytes, length) = _chunks[^1];
        if (count < 0 || length + count > bytes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _chunks[^1] = (bytes, length + count);
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var need = Math.Max(sizeHint, 1);
        if (_chunks.Count == 0 || _chunks[^1].Bytes.Length - _chunks[^1].Length < need)
        {
            _chunks.Add((ArrayPool<byte>.Shared.Rent(Math.Max(need, ChunkSize)), 0));
        }

        var (bytes, length) = _chunks[^1];
        return bytes.AsMemory(length);
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    /// <summary>The bytes written, as the chunks that hold them; valid until disposed.</summary>
    public ReadOnlySequence<byte> Sequence
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Segment? first = null;
            Segment? last = null;
            foreach (var (bytes, length) in _chunks)
            {
                if (length == 0)
                {
                    continue;
                }

                var segment = new Segment(bytes.AsMemory(0, length), last is null ? 0 : last.RunningIndex + last.Memory.Length);
                last?.Link(segment);
                first ??= segment;
                last = segment;
            }

            return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
        }
    }

    /// <summary>The bytes written, copied into one exactly sized array.</summary>
    public byte[] ToArray() => Sequence.ToArray();

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            foreach (var (bytes, _) in _chunks)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }

            _chunks.Clear();
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void Link(Segment next) => Next = next;
    }
}
