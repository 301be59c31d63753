using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace AkkaMcpEcho.Benchmarks.BareKestrel;

/// <summary>
/// Answers POST /mcp with a fixed-shape JSON-RPC reply carrying the request's id and message (and <c>resultType</c> for a
/// 2026-07-28 request); DELETE with 200.
/// </summary>
public static class EchoHandler
{
    public static async Task Handle(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method))
        {
            await context.Response.WriteAsync("ok");
            return;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return;
        }
        var body = await ReadAll(request.BodyReader, context.RequestAborted);
        // A 2026-07-28 request (the version header) gets the revision's resultType, as every result there carries one.
        var parsed = Scan(body) with { Modern = request.Headers["MCP-Protocol-Version"] == "2026-07-28" };
        if (parsed.Id is null)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }
        var response = context.Response;
        response.ContentType = "application/json";
        if (parsed.Method == "initialize")
        {
            response.Headers["Mcp-Session-Id"] = Guid.NewGuid().ToString("N");
        }
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteAnswer(json, parsed);
        }
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static async Task<byte[]> ReadAll(PipeReader reader, CancellationToken cancel)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancel);
            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return bytes;
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static Request Scan(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        byte[]? id = null;
        string? method = null;
        string? message = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }
            var depth = reader.CurrentDepth;
            if (depth == 1 && reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.ValueSpan.ToArray();
                if (reader.TokenType == JsonTokenType.String)
                {
                    id = [(byte)'"', .. id, (byte)'"'];
                }
            }
            else if (depth == 1 && reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                method = reader.GetString();
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
        }
        return new Request(id, method, message);
    }

    private static void WriteAnswer(Utf8JsonWriter json, Request request)
    {
        json.WriteStartObject();
        json.WriteString("jsonrpc"u8, "2.0"u8);
        json.WritePropertyName("id"u8);
        json.WriteRawValue(request.Id, skipInputValidation: true);
        json.WriteStartObject("result"u8);
        if (request.Method == "initialize")
        {
            json.WriteString("protocolVersion"u8, "2025-06-18"u8);
            json.WriteStartObject("capabilities"u8);
            json.WriteStartObject("tools"u8);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("serverInfo"u8);
            json.WriteString("name"u8, "bare-kestrel"u8);
            json.WriteString("version"u8, "1.0.0"u8);
            json.WriteEndObject();
        }
        else
        {
            json.WriteStartArray("content"u8);
            json.WriteStartObject();
            json.WriteString("type"u8, "text"u8);
            json.WriteString("text"u8, request.Message ?? "");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        if (request.Modern)
        {
            json.WriteString("resultType"u8, "complete"u8);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private sealed record Request(byte[]? Id, string? Method, string? Message, bool Modern = false);
}
