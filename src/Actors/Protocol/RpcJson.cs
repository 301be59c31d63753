using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AkkaMcpEcho.Actors.Protocol;

/// <summary>JSON-RPC 2.0 messages the actors send to clients, as compact JSON text. Ids and params are raw JSON.</summary>
public static class RpcJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Result(string idJson, string resultJson) =>
        Write(json =>
        {
            json.WritePropertyName("id");
            json.WriteRawValue(idJson, skipInputValidation: true);
            json.WritePropertyName("result");
            json.WriteRawValue(resultJson, skipInputValidation: true);
        });

    public static string Error(string idJson, int code, string message) =>
        Write(json =>
        {
            json.WritePropertyName("id");
            json.WriteRawValue(idJson, skipInputValidation: true);
            json.WriteStartObject("error");
            json.WriteNumber("code", code);
            json.WriteString("message", message);
            json.WriteEndObject();
        });

    public static string Request(string idJson, string method, string paramsJson) =>
        Write(json =>
        {
            json.WritePropertyName("id");
            json.WriteRawValue(idJson, skipInputValidation: true);
            json.WriteString("method", method);
            json.WritePropertyName("params");
            json.WriteRawValue(paramsJson, skipInputValidation: true);
        });

    public static string Notification(string method, string paramsJson) =>
        Write(json =>
        {
            json.WriteString("method", method);
            json.WritePropertyName("params");
            json.WriteRawValue(paramsJson, skipInputValidation: true);
        });

    public static string Progress(string tokenJson, double progress, double? total, string? message = null) =>
        Notification("notifications/progress", Object(json =>
        {
            json.WritePropertyName("progressToken");
            json.WriteRawValue(tokenJson, skipInputValidation: true);
            json.WriteNumber("progress", progress);
            if (total is { } t)
            {
                json.WriteNumber("total", t);
            }
            if (message is not null)
            {
                json.WriteString("message", message);
            }
        }));

    public static string Log(string level, string logger, string text) =>
        Notification("notifications/message", Object(json =>
        {
            json.WriteString("level", level);
            json.WriteString("logger", logger);
            json.WriteString("data", text);
        }));

    public static string Cancelled(string requestIdJson, string reason) =>
        Notification("notifications/cancelled", Object(json =>
        {
            json.WritePropertyName("requestId");
            json.WriteRawValue(requestIdJson, skipInputValidation: true);
            json.WriteString("reason", reason);
        }));

    /// <summary>A tools/call result with one text item.</summary>
    public static string TextResult(string text, bool isError) =>
        Object(json =>
        {
            json.WriteStartArray("content");
            json.WriteStartObject();
            json.WriteString("type", "text");
            json.WriteString("text", text);
            json.WriteEndObject();
            json.WriteEndArray();
            if (isError)
            {
                json.WriteBoolean("isError", true);
            }
        });

    /// <summary>One JSON object whose members <paramref name="members"/> writes.</summary>
    public static string Object(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            members(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Write(Action<Utf8JsonWriter> body) =>
        Object(json =>
        {
            json.WriteString("jsonrpc", "2.0");
            body(json);
        });
}
