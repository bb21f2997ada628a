using ImmunoGen.Kb.Fetch;

namespace ImmunoGen.Kb.Tests.Fetch;

public class RequestPacerTests
{
    private readonly VirtualClock _clock = new();

    [Fact]
    public async Task WaitTurn_SpacesStartsATenthOfASecondApart_AndNoMore()
    {
        var pacer = new RequestPacer(10, _clock, _clock.Delay);
        var starts = new List<DateTimeOffset>();

        for (var i = 0; i < 35; i++)
        {
            await pacer.WaitTurnAsync(CancellationToken.None);
            starts.Add(_clock.GetUtcNow());
        }

        Assert.Equal(Enumerable.Range(0, 35).Select(i => starts[0] + TimeSpan.FromMilliseconds(100 * i)), starts);
        Assert.Equal(10, starts.Max(t => starts.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public async Task WaitTurn_AfterAQuietSpell_StartsAtOnce_ButAllowsNoBurst()
    {
        var pacer = new RequestPacer(10, _clock, _clock.Delay);
        await pacer.WaitTurnAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(5));

        await pacer.WaitTurnAsync(CancellationToken.None);
        var afterQuiet = _clock.GetUtcNow();
        await pacer.WaitTurnAsync(CancellationToken.None);

        Assert.Equal([TimeSpan.FromMilliseconds(100)], _clock.Delays);
        Assert.Equal(afterQuiet + TimeSpan.FromMilliseconds(100), _clock.GetUtcNow());
    }

    [Fact]
    public async Task WaitTurn_WhenTheWaitEndsEarly_WaitsForTheRest()
    {
        // A delay that returns after 60 % of what was asked, as a coarse timer might.
        var pacer = new RequestPacer(10, _clock, (d, ct) => _clock.Delay(TimeSpan.FromTicks(Math.Max(1, d.Ticks * 6 / 10)), ct));
        await pacer.WaitTurnAsync(CancellationToken.None);
        var first = _clock.GetUtcNow();

        await pacer.WaitTurnAsync(CancellationToken.None);

        Assert.True(_clock.GetUtcNow() - first >= TimeSpan.FromMilliseconds(100));
        Assert.True(_clock.Delays.Count > 1);
    }

    [Fact]
    public async Task WaitTurn_HonoursCancellation()
    {
        var pacer = new RequestPacer(10, _clock, _clock.Delay);
        await pacer.WaitTurnAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pacer.WaitTurnAsync(new CancellationToken(canceled: true)));
    }
}
