using System.Buffers;
using System.Text.Json;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Streams;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// A POST whose body is a JSON array. Only sessions negotiated at 2025-03-26 may batch (the one revision that allows
/// it); elsewhere 400 -32600. initialize must not be in a batch. Each item is handled in order like a single POST;
/// the answer is the array of the requests' responses, or 202 when the batch held only notifications and responses.
/// </summary>
internal sealed class BatchHandler(McpMethods methods, SessionGateway sessions, EchoSettings settings)
{
    public async Task<McpReply> Handle(JsonElement batch, HttpContext context, long started)
    {
        if (batch.GetArrayLength() == 0)
        {
            return McpReply.Error(StatusCodes.Status400BadRequest, JsonRpcErrors.InvalidRequest, "Invalid Request: empty batch");
        }
        if (batch.EnumerateArray().Any(IsInitialize))
        {
            return McpReply.Error(StatusCodes.Status400BadRequest, JsonRpcErrors.InvalidRequest,
                "Invalid Request: initialize must not be part of a JSON-RPC batch; send it alone");
        }
        if (SessionHeaders.Check(context.Request, settings) is { } refusal)
        {
            return refusal;
        }
        var sessionId = context.Request.Headers[McpHeaders.SessionId].ToString();
        var answer = await sessions.Ask(new TouchSession(sessionId, "batch"), context);
        if (answer.Reply is not { } touched)
        {
            return McpReply.SessionNotFound(sessionId);
        }
        if (!ProtocolVersions.AllowsBatches(touched.ProtocolVersion))
        {
            return McpReply.Error(StatusCodes.Status400BadRequest, JsonRpcErrors.InvalidRequest,
                $"Invalid Request: JSON-RPC batches are only allowed in protocol version {ProtocolVersions.V20250326}; "
                + $"this session negotiated {touched.ProtocolVersion}: send one message per POST");
        }

        var responses = new List<byte[]>();
        foreach (var item in batch.EnumerateArray())
        {
            var reply = JsonRpcReader.TryRead(item, out var message) is { } invalid
                ? McpReply.Error(StatusCodes.Status400BadRequest, invalid.Code, invalid.Message, invalid.IdJson)
                : await methods.Dispatch(message, sessionId, context, started);
            if (await FinalBody(reply, context.RequestAborted) is { } body)
            {
                responses.Add(body);
            }
        }
        return responses.Count == 0 ? McpReply.Accepted : McpReply.Ok(Join(responses));
    }

    /// <summary>A streamed item's related messages have nowhere to go in a batch: only its response (its last event) counts.</summary>
    private static async Task<byte[]?> FinalBody(McpReply reply, CancellationToken cancel)
    {
        if (reply.Events is null)
        {
            return reply.Body;
        }
        try
        {
            ServerMessage? last = null;
            await foreach (var item in reply.Events.ReadAllAsync(cancel))
            {
                last = item.Message ?? last;
            }
            return last is ServerResult or ServerError ? JsonRpcWriter.Write(last) : null;
        }
        finally
        {
            if (!reply.Events.Completion.IsCompleted)
            {
                reply.Abandon?.Invoke();
            }
        }
    }

    private static bool IsInitialize(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("method", out var method)
        && method.ValueKind == JsonValueKind.String && method.ValueEquals("initialize");

    private static byte[] Join(List<byte[]> responses)
    {
        var buffer = new ArrayBufferWriter<byte>(responses.Sum(r => r.Length + 1) + 1);
        buffer.Write("["u8);
        for (var i = 0; i < responses.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write(","u8);
            }
            buffer.Write(responses[i]);
        }
        buffer.Write("]"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
