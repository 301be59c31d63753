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
        Assert.Equal(new SessionLimitReached(1), ExpectMsg<SessionLimitReached>(Patience));
        registry.Tell(new TouchSession(id, "ping"));
        Assert.Equal(new SessionTouched(id, "2025-06-18"), ExpectMsg<SessionTouched>(Patience));
        registry.Tell(new SetLogLevel(id, "info"));
        ExpectMsg<SessionTouched>(Patience);

        var stream = CreateTestProbe();
        registry.Tell(new PublishEvent(id, """{"queued":1}"""));
        registry.Tell(new AttachStream(id, stream.Ref));
        Assert.Equal(new StreamAttached(id, 1, FirstEventId: 1, GapWarnings: true), ExpectMsg<StreamAttached>(Patience));
        Assert.Equal(new SessionEvent(1, """{"queued":1}"""), stream.ExpectMsg<SessionEvent>(Patience));
        registry.Tell(new PublishEvent(id, """{"live":2}"""));
        Assert.Equal(new SessionEvent(2, """{"live":2}"""), stream.ExpectMsg<SessionEvent>(Patience));

        registry.Tell(new EndSession(id));
        Assert.Equal(new SessionEnded(id), ExpectMsg<SessionEnded>(Patience));
        stream.ExpectMsg<Status.Success>(Patience);
        registry.Tell(new TouchSession(id, "ping"));
        Assert.Equal(new SessionNotFound(id), ExpectMsg<SessionNotFound>(Patience));
        await AwaitStatsAsync(registry, stats =>
        {
            Assert.Equal(0, stats.Active);
            Assert.Equal(1, stats.Ended);
            Assert.Equal(1, stats.Rejected);
        });
    }
}
