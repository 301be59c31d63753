using System.Diagnostics;
using AkkaMcpEcho.Http.Faults;

namespace AkkaMcpEcho.Http.Tests.Faults;

public sealed class FaultPauseTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(99)]
    public async Task A_pause_never_ends_before_the_milliseconds_it_names(int milliseconds)
    {
        for (var round = 0; round < 20; round++)
        {
            var started = Stopwatch.GetTimestamp();

            await FaultPause.AtLeast(milliseconds, CancellationToken.None);

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Assert.True(elapsed >= milliseconds, $"round {round}: {elapsed:F3} ms for a pause of {milliseconds} ms");
        }
    }

    [Fact]
    public async Task A_pause_ends_when_its_request_is_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FaultPause.AtLeast(60_000, cancel.Token));
    }
}
