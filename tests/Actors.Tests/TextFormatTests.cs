using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class TextFormatTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(0.999, "0s")]
    [InlineData(42, "42s")]
    [InlineData(59.999, "59s")]
    [InlineData(60, "1m 0s")]
    [InlineData(330, "5m 30s")]
    [InlineData(3599, "59m 59s")]
    [InlineData(3600, "1h 0m 0s")]
    [InlineData(7530, "2h 5m 30s")]
    [InlineData(90061, "25h 1m 1s")]
    [InlineData(-5, "0s")]
    public void Duration_writes_whole_seconds_minutes_and_hours(double seconds, string expected)
    {
        Assert.Equal(expected, TextFormat.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Duration_of_the_extremes_does_not_overflow()
    {
        Assert.Equal("0s", TextFormat.Duration(TimeSpan.MinValue));
        Assert.Equal("256204778h 48m 5s", TextFormat.Duration(TimeSpan.MaxValue));
    }

    [Fact]
    public void Utc_times_are_written_in_invariant_24_hour_form()
    {
        var ticks = new DateTime(2026, 1, 2, 15, 4, 5, 678, DateTimeKind.Utc).Ticks;

        Assert.Equal("2026-01-02 15:04:05 UTC", TextFormat.Utc(ticks));
        Assert.Equal("2026-01-02 15:04:05.678 UTC", TextFormat.UtcMillis(ticks));
    }

    [Theory]
    [InlineData(0, "0.00ms")]
    [InlineData(18.7, "18.70ms")]
    [InlineData(1234.567, "1234.57ms")]
    public void Milliseconds_have_two_decimals(double milliseconds, string expected)
    {
        Assert.Equal(expected, TextFormat.Milliseconds(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
