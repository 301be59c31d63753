using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Http.Streams;

/// <summary>
/// MCP_SSE_KEEPALIVE_PING=true: the GET stream's keep-alive (every MCP_SSE_KEEPALIVE_INTERVAL) is a JSON-RPC
/// <c>ping</c> request to the client instead of an SSE comment, so the server pings too. The client answers with a
/// POSTed response (202). The pings carry no SSE id: they are never replayed. Off by default.
/// </summary>
public sealed record KeepAlivePings(bool Enabled)
{
    /// <summary>The keep-alive frame; <paramref name="streamKey"/> and <paramref name="count"/> make each ping id unique.</summary>
    public byte[] Frame(string streamKey, long count) =>
        Enabled
            ? SseFrames.Event(JsonRpcWriter.Write(new ServerRequest($"\"ping-{streamKey}-{count}\"", "ping", null)))
            : SseFrames.KeepAlive;
}
