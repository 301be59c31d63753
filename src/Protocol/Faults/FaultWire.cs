using System.Collections.Frozen;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Protocol.Faults;

/// <summary>The exact bytes and headers a fault puts on the wire, as pure functions (the HTTP layer writes them).</summary>
public static class FaultWire
{
    /// <summary>The statuses status= offers, with their reason phrases.</summary>
    public static readonly FrozenDictionary<int, string> Statuses = new Dictionary<int, string>
    {
        [401] = "Unauthorized",
        [403] = "Forbidden",
        [404] = "Not Found",
        [408] = "Request Timeout",
        [413] = "Payload Too Large",
        [429] = "Too Many Requests",
        [500] = "Internal Server Error",
        [502] = "Bad Gateway",
        [503] = "Service Unavailable",
    }.ToFrozenDictionary();

    /// <summary>The challenge a status=401 carries.</summary>
    public const string BearerChallenge = "Bearer realm=\"mcp-echo\", error=\"invalid_token\", error_description=\"injected fault\"";

    /// <summary>The JSON-RPC error of status=N: -32001 for 404 (what a session that is gone answers), else -32000.</summary>
    public static byte[] StatusBody(FaultAction action, string? idJson) =>
        JsonRpcWriter.Error(idJson, action.Value == 404 ? JsonRpcErrors.SessionNotFound : JsonRpcErrors.TransportError,
            action.Message ?? $"{Statuses[action.Value]} (injected fault: {FaultText.Of(action)})");

    /// <summary>The JSON-RPC error of rpc-error=N, answering the request's id (HTTP 200).</summary>
    public static byte[] RpcErrorBody(FaultAction action, string? idJson) =>
        JsonRpcWriter.Error(idJson, action.Value, action.Message ?? $"Injected fault: {FaultText.Of(action)}");

    /// <summary>
    /// malformed=json: the JSON text cut to its first half, so no parser reads it; in an SSE event, the event's data.
    /// </summary>
    public static byte[] CutJson(byte[] frame, bool isEvent)
    {
        if (!isEvent)
        {
            return frame[..(frame.Length / 2)];
        }
        var (start, end) = Data(frame);
        return [.. frame.AsSpan(0, start), .. frame.AsSpan(start, (end - start) / 2), .. frame.AsSpan(end)];
    }

    /// <summary>
    /// malformed=sse: the event's <c>data: </c> field name is left out, so its message is not an event's data. A JSON answer
    /// becomes such an event (sent as text/event-stream).
    /// </summary>
    public static byte[] BreakEvent(byte[] frame, bool isEvent)
    {
        if (!isEvent)
        {
            return [.. "event: message\n"u8, .. frame, .. "\n\n"u8];
        }
        var (start, _) = Data(frame);
        return [.. frame.AsSpan(0, start - DataField.Length), .. frame.AsSpan(start)];
    }

    /// <summary>
    /// header-mismatch=protocol-version: a revision this server knows that is not <paramref name="requested"/>.
    /// </summary>
    public static string OtherVersion(string? requested) =>
        requested == ProtocolVersions.V20241105 ? ProtocolVersions.V20251125 : ProtocolVersions.V20241105;

    private static ReadOnlySpan<byte> DataField => "data: "u8;

    /// <summary>Where an event's data starts and ends (before its closing blank line); all of it when it has none.</summary>
    private static (int Start, int End) Data(byte[] frame)
    {
        var at = frame.AsSpan().LastIndexOf(DataField);
        var end = frame.Length >= 2 && frame[^1] == '\n' && frame[^2] == '\n' ? frame.Length - 2 : frame.Length;
        return at < 0 ? (DataField.Length, end) : (at + DataField.Length, end);
    }
}
