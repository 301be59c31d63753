using System.Diagnostics;

namespace AkkaMcpEcho.Http.Faults;

/// <summary>
/// A fault's pause of at least the milliseconds it names: the runtime's timers may fire up to a tick early, and a
/// client that asked for 400 ms is owed an answer no sooner than 400 ms.
/// </summary>
internal static class FaultPause
{
    private const int MaxTopUps = 8;

    public static async Task AtLeast(int milliseconds, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(milliseconds, cancel);
        for (var topUp = 0; topUp < MaxTopUps; topUp++)
        {
            var left = milliseconds - Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (left <= 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left) + 1), cancel);
        }
    }
}
