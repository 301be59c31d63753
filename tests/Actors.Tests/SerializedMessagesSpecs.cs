using Akka.Actor;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Tests;

/// <summary>
/// Every local message goes through serialization and back, as it would between nodes.
/// Tool calls are left out: the default (Newtonsoft) serializer turns CallTool's JsonElement arguments into a value
/// that is not an object, so they need the project's own serializer.
/// </summary>
public sealed class SerializedMessagesSpecs() : SessionSpec("akka.actor.serialize-messages = on")
{
    [Fact]
    public async Task Session_lifecycle_and_stream_messages_survive_serialization()
    {
        var registry = NewRegistry(TestRequests.Profile(maxSessions: 1));
        var id = StartSession(registry);
        registry.Tell(new CreateSession("2025-06-18", ClientInfo.Unknown));
        Assert.Equal(1, ExpectMsg<SessionCreation>(Patience).RefusedAtLimit);
        registry.Tell(new TouchSession(id, "ping"));
        Assert.Equal(new SessionTouched("2025-06-18"), ExpectAnswer<SessionTouched>());
        registry.Tell(new SetLogLevel(id, "info"));
        ExpectAnswer<LogLevelSet>();

        var stream = CreateTestProbe();
        registry.Tell(new PublishEvent(id, TestRequests.Note("""{"queued":1}""")));
        registry.Tell(new AttachStream(id, stream.Ref));
        Assert.Equal(new StreamBound(1, FirstEventId: 1, GapWarnings: true), ExpectAnswer<StreamBound>());
        Assert.Equal(new SessionEvent(1, TestRequests.Note("""{"queued":1}""")), stream.ExpectMsg<SessionEvent>(Patience));
        registry.Tell(new PublishEvent(id, TestRequests.Note("""{"live":2}""")));
        Assert.Equal(new SessionEvent(2, TestRequests.Note("""{"live":2}""")), stream.ExpectMsg<SessionEvent>(Patience));

        registry.Tell(new EndSession(id));
        ExpectAnswer<SessionEnded>();
        stream.ExpectMsg<Status.Success>(Patience);
        registry.Tell(new TouchSession(id, "ping"));
        ExpectNotFound<SessionTouched>(id);
        await AwaitStatsAsync(registry, stats =>
        {
            Assert.Equal(0, stats.Active);
            Assert.Equal(1, stats.Ended);
            Assert.Equal(1, stats.Rejected);
        });
    }
}
