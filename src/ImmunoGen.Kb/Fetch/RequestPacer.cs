namespace ImmunoGen.Kb.Fetch;

/// <summary>
/// Spaces request starts at least <c>1 s / rate</c> apart, so no one-second window ever holds more than <c>rate</c> starts.
/// A token bucket would allow a burst of <c>rate</c> right after a quiet spell and so up to twice the rate in one window;
/// a fixed interval keeps SEC's "10 requests per second" true for every window, not just on average.
/// </summary>
internal sealed class RequestPacer
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private long? _lastStart;

    public RequestPacer(int maxPerSecond, TimeProvider clock, Func<TimeSpan, CancellationToken, Task> delay)
    {
        _interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / Math.Max(1, maxPerSecond));
        _clock = clock;
        _delay = delay;
    }

    /// <summary>Returns once a request may start, and counts it as started.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                wait = _lastStart is { } last ? _interval - _clock.GetElapsedTime(last) : TimeSpan.Zero;
                if (wait <= TimeSpan.Zero)
                {
                    _lastStart = _clock.GetTimestamp();
                    return;
                }
            }

            // Checked again after the wait: timers may fire early, and another caller may have taken the turn meanwhile.
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
