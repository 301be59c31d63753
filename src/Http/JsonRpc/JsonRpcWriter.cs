using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AkkaMcpEcho.Http.JsonRpc;

/// <summary>Writes JSON-RPC responses as UTF-8 bytes; the id goes back as the raw JSON it arrived as.</summary>
internal static class JsonRpcWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = WireJson.Relaxed.Options.Encoder };

    public static byte[] Result<T>(string? idJson, T result, JsonTypeInfo<T> type) =>
        Write(idJson, json =>
        {
            json.WritePropertyName("result");
            JsonSerializer.Serialize(json, result, type);
        });

    /// <summary>A result whose JSON was rendered once ahead of time (tools/list).</summary>
    public static byte[] RawResult(string? idJson, byte[] resultJson) =>
        Write(idJson, json =>
        {
            json.WritePropertyName("result");
            json.WriteRawValue(resultJson, skipInputValidation: true);
        });

    public static byte[] Error(string? idJson, int code, string message) =>
        Write(idJson, json =>
        {
            json.WritePropertyName("error");
            JsonSerializer.Serialize(json, new ErrorObject(code, message), WireJson.Relaxed.ErrorObject);
        });

    private static byte[] Write(string? idJson, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            json.WritePropertyName("id");
            if (idJson is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteRawValue(idJson, skipInputValidation: true);
            }
            body(json);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
