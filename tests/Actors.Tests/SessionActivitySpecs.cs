using Akka.Actor;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Actors.Tests;

/// <summary>
/// A session counts its requests and times its calls outside its state (<see cref="SessionActivity"/>): every place that
/// shows or keeps the state still sees every request counted.
/// </summary>
public sealed class SessionActivitySpecs : SessionSpec
{
    private const int Echoes = 40;

    [Fact]
    public void SessionInfo_and_requestTiming_count_every_request_after_many_echoes()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        EchoMany(registry, id);

        var info = SessionInfoText.Parse(Call(registry, id, "sessionInfo").Text);
        var timing = Call(registry, id, "requestTiming").Text;

        // initialize + the echoes + this sessionInfo (+ then the requestTiming)
        Assert.Equal($"{Echoes + 2}", info["Total Requests"]);
        Assert.Equal($"{Echoes}", info["Echo Count"]);
        Assert.Contains($"- Requests in Session: {Echoes + 3}\n", timing);
        Assert.DoesNotContain("- Average Response Time: n/a", timing);
    }

    [Fact]
    public void The_traffic_answer_carries_the_counted_state()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        EchoMany(registry, id);

        registry.Tell(new GetSessionTraffic(id), TestActor);
        var state = ExpectAnswer<SessionTraffic>().State;

        Assert.Equal(Echoes + 1, state.RequestCount);
        Assert.Equal(Echoes, state.TimedRequests);
        Assert.Equal(Echoes, state.EchoCount);
        Assert.True(state.LastActivityUtcTicks >= state.PreviousActivityUtcTicks);
        Assert.True(state.PreviousActivityUtcTicks > state.CreatedUtcTicks);
    }

    [Fact]
    public async Task A_dormant_session_wakes_with_its_counts()
    {
        var registry = NewRegistry(TestRequests.Profile(TimeSpan.FromMinutes(5)) with { DormantAfter = TimeSpan.FromMilliseconds(200) });
        var id = StartSession(registry);
        EchoMany(registry, id);

        await AwaitAssertAsync(async () =>
            Assert.Null((await Sys.ActorSelection(registry.Path / id).Ask<ActorIdentity>(new Identify(id), Patience)).Subject), Patience);

        var info = SessionInfoText.Parse(Call(registry, id, "sessionInfo").Text);
        Assert.Equal($"{Echoes + 2}", info["Total Requests"]);
        Assert.Equal($"{Echoes}", info["Echo Count"]);
    }

    [Fact]
    public void A_request_refused_by_a_fault_is_counted()
    {
        var registry = NewRegistry(TestRequests.Profile() with { FaultTool = true });
        var id = StartSession(registry);
        Assert.False(Call(registry, id, "injectFault", """{"fault":"status=503","tool":"echo"}""").IsError);

        registry.Tell(TestRequests.Echo(id, "refused"));
        Assert.Equal(FaultEffect.Status, ExpectMsg<SessionAnswer<ToolCallReply>>(Patience).Fault!.Action.Effect);

        // initialize + injectFault + the refused echo + this sessionInfo
        Assert.Equal("4", SessionInfoText.Parse(Call(registry, id, "sessionInfo").Text)["Total Requests"]);
    }

    private void EchoMany(IActorRef registry, string id)
    {
        for (var count = 1; count <= Echoes; count++)
        {
            Assert.EndsWith($"Echo count in session: {count}", Echo(registry, id, $"call {count}").Text);
        }
    }
}
