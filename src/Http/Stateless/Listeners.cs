using Akka.Actor;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Http.Streams;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol.Fixtures;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Http.Stateless;

/// <summary>
/// 2026-07-28's <c>subscriptions/listen</c>: binds a long-lived SSE answer to this node's listen hub, which
/// acknowledges it and then passes the changes it asked for. A keep-alive comment goes out on an idle stream; when the
/// server stops, the stream ends with the listen request's result.
/// </summary>
internal sealed class Listeners(IRequiredActor<ListenHubKey> hub, SessionStreams streams, EchoSettings settings, IHostApplicationLifetime lifetime)
{
    public McpReply Listen(JsonRpcMessage message, RequestMeta meta)
    {
        var (filter, problem) = Subscriptions.Granted(message.Params, settings.Profile.Fixtures, FixtureResources.Exists);
        if (filter is null)
        {
            return McpReply.RequestError(message.IdJson, JsonRpcErrors.InvalidParams, problem!);
        }
        var (stream, events) = streams.Open(settings.Profile.StreamBufferSize);
        hub.ActorRef.Tell(new Listen(stream, message.IdJson!, filter));
        var stopping = lifetime.ApplicationStopping.Register(() => SessionStreams.Close(stream));
        return McpReply.Streamed(stream, events) with
        {
            KeepAliveEvery = settings.KeepAliveInterval,
            Final = Subscriptions.Closed(message.IdJson!),
            Abandon = () =>
            {
                stopping.Dispose();
                SessionStreams.Close(stream);
            },
        };
    }

    /// <summary>A change made through this node, for every listening client that asked for it (on every node).</summary>
    public void Changed(ListChanged change) => hub.ActorRef.Tell(new AnnounceChange(change));
}
