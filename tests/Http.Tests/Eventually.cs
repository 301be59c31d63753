namespace AkkaMcpEcho.Http.Tests;

/// <summary>Polls a condition until it holds or a deadline passes, for what happens on the server's own clock.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Within {deadline}: {what}; last seen: {value}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
