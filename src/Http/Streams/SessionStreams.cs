using System.Threading.Channels;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Http.Streams;

/// <summary>
/// Materializes the Akka.Streams source behind one GET /mcp: an actor the session tells events to, buffering at most
/// <c>bufferSize</c> events and dropping the oldest when the client reads too slowly, read through a channel.
/// </summary>
public sealed class SessionStreams(ActorSystem system)
{
    // The system's shared materializer: never disposed here (on 1.5.73 that would shut it down for every caller).
    private readonly IMaterializer _materializer = system.Materializer();

    public (IActorRef Stream, ChannelReader<SessionEvent> Events) Open(int bufferSize) => Open<SessionEvent>(bufferSize);

    /// <summary>The same bounded drop-head source for any item (the traffic page's live feed of exchanges).</summary>
    public (IActorRef Stream, ChannelReader<T> Items) Open<T>(int bufferSize) =>
        Source.ActorRef<T>(bufferSize, OverflowStrategy.DropHead)
            .ToMaterialized(ChannelSink.AsReader<T>(1, singleReader: true), Keep.Both)
            // Downstream stages would otherwise prefetch up to 16 events beyond the drop-head buffer of bufferSize.
            .WithAttributes(Attributes.CreateInputBuffer(1, 1))
            .Run(_materializer);

    /// <summary>Completes the stream; the session watching its actor learns that it has gone.</summary>
    public static void Close(IActorRef stream) => stream.Tell(new Status.Success(null));
}
