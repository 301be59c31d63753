using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class SessionBasicsTests
{
    [Fact]
    public void Session_ids_are_distinct_rfc4122_version_4_uuids()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => SessionIds.New()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id));
    }

    [Fact]
    public void Ids_from_one_source_stay_distinct_rfc4122_version_4_uuids_across_refills_of_its_buffer()
    {
        var source = new SessionIds();
        var ids = Enumerable.Range(0, 2000).Select(_ => source.Next()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id));
        Assert.NotEqual(new SessionIds().Next(), new SessionIds().Next());
    }

    [Fact]
    public void A_started_session_has_counted_its_initialize()
    {
        var state = SessionState.Start(new StartSession("s", "2025-03-26", ClientInfo.Unknown, 1000));

        Assert.Equal(1, state.RequestCount);
        Assert.Equal(1000, state.CreatedUtcTicks);
        Assert.Equal(1000, state.LastActivityUtcTicks);
        Assert.Equal(1000, state.PreviousActivityUtcTicks);
        Assert.Null(state.LogLevel);
        Assert.Null(state.LastEcho);
    }

    [Fact]
    public void Touching_counts_the_request_and_remembers_the_one_before()
    {
        var state = SessionState.Start(new StartSession("s", "2025-03-26", ClientInfo.Unknown, 1000))
            .Touched(2000)
            .Touched(1500);

        Assert.Equal(3, state.RequestCount);
        Assert.Equal(2000, state.PreviousActivityUtcTicks);
        Assert.Equal(2000, state.LastActivityUtcTicks);
    }

    [Fact]
    public void Response_times_average_over_timed_requests()
    {
        var state = SessionState.Start(new StartSession("s", "2025-03-26", ClientInfo.Unknown, 0));
        Assert.Equal(TimeSpan.Zero, state.AverageResponseTime);

        state = state.Timed(TimeSpan.FromMilliseconds(10)).Timed(TimeSpan.FromMilliseconds(30));

        Assert.Equal(2, state.TimedRequests);
        Assert.Equal(TimeSpan.FromMilliseconds(20), state.AverageResponseTime);
    }
}
