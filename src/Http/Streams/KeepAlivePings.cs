using System.Text;

namespace AkkaMcpEcho.Http.Streams;

/// <summary>
/// MCP_SSE_KEEPALIVE_PING=true: the GET stream's keep-alive (every MCP_SSE_KEEPALIVE_INTERVAL) is a JSON-RPC
/// <c>ping</c> request to the client instead of an SSE comment, so the server pings too. The client answers with a
/// POSTed response (202). The pings carry no SSE id: they are never replayed. Off by default.
/// </summary>
public sealed record KeepAlivePings(bool Enabled)
{
    public const string Key = "MCP_SSE_KEEPALIVE_PING";

    public static KeepAlivePings From(IConfiguration config) =>
        config[Key]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "false" or "0" or "no" or "off" => new(false),
            "true" or "1" or "yes" or "on" => new(true),
            var other => throw new InvalidOperationException(
                $"Invalid configuration:\n  {Key}={other}: expected true/false, 1/0, yes/no or on/off"),
        };

    /// <summary>The keep-alive frame; <paramref name="streamKey"/> and <paramref name="count"/> make each ping id unique.</summary>
    public byte[] Frame(string streamKey, long count) =>
        Enabled
            ? Encoding.UTF8.GetBytes($$"""event: message{{"\n"}}data: {"jsonrpc":"2.0","id":"ping-{{streamKey}}-{{count}}","method":"ping"}{{"\n\n"}}""")
            : SseFrames.KeepAlive;
}
