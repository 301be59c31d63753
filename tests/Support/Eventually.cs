namespace AkkaMcpEcho.Tests.Support;

/// <summary>Polls until a condition holds or a deadline passes, for what happens on the server's own clock.</summary>
public static class Eventually
{
    public static Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what) =>
        Until(probe, done, DateTime.UtcNow + within, what);

    /// <summary>The first value of <paramref name="probe"/> that is <paramref name="done"/>; a <see cref="TimeoutException"/> past the deadline.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, DateTime deadline, string what)
    {
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last seen: {value}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Until <paramref name="condition"/> holds; one deadline can bound several waits.</summary>
    public static Task Until(Func<Task<bool>> condition, DateTime deadline, string what) => Until(condition, holds => holds, deadline, what);
}
