using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AkkaMcpEcho.Messages.Frames;

namespace AkkaMcpEcho.Protocol.JsonRpc;

/// <summary>
/// The one writer of JSON-RPC envelopes: every frame the server sends is written here, as compact UTF-8 (one line, so
/// it fits one SSE data line). Ids and raw members go back exactly as they arrived.
/// </summary>
public static class JsonRpcWriter
{
    public static byte[] Write(ServerMessage message) => message switch
    {
        ServerNotification n => Envelope(null, json => Members(json, n.Method, n.ParamsJson), withId: false),
        ServerRequest r => Envelope(r.IdJson, json => Members(json, r.Method, r.ParamsJson)),
        ServerResult r => RawResult(r.IdJson, r.ResultJson),
        ServerError e => Error(e.IdJson, e.Code, e.Message, e.DataJson),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "not a server message"),
    };

    public static byte[] Result<T>(string? idJson, T result, JsonTypeInfo<T> type) =>
        Envelope(idJson, json =>
        {
            json.WritePropertyName("result");
            JsonSerializer.Serialize(json, result, type);
        });

    /// <summary>A result written by <paramref name="result"/> (which writes one JSON value).</summary>
    public static byte[] Result(string? idJson, Action<Utf8JsonWriter> result) =>
        Result(idJson, result, Invoke);

    /// <summary>
    /// A result written by <paramref name="result"/> from <paramref name="state"/>: with a static lambda, the hot replies
    /// (a tool's answer) cost no closure.
    /// </summary>
    public static byte[] Result<TState>(string? idJson, TState state, Action<Utf8JsonWriter, TState> result) =>
        Envelope(idJson, (state, result), static (json, pair) =>
        {
            json.WritePropertyName("result");
            pair.result(json, pair.state);
        });

    /// <summary>A result whose JSON was rendered ahead of time.</summary>
    public static byte[] RawResult(string? idJson, string resultJson) =>
        Result(idJson, json => json.WriteRawValue(resultJson, skipInputValidation: true));

    /// <summary>A result whose UTF-8 JSON was rendered ahead of time (tools/list pages).</summary>
    public static byte[] RawResult(string? idJson, byte[] resultJson) =>
        Result(idJson, json => json.WriteRawValue(resultJson, skipInputValidation: true));

    public static byte[] Error(string? idJson, int code, string message, string? dataJson = null) =>
        Envelope(idJson, json =>
        {
            json.WriteStartObject("error");
            json.WriteNumber("code", code);
            json.WriteString("message", message);
            if (dataJson is not null)
            {
                json.WritePropertyName("data");
                json.WriteRawValue(dataJson, skipInputValidation: true);
            }
            json.WriteEndObject();
        });

    private static void Members(Utf8JsonWriter json, string method, string? paramsJson)
    {
        json.WriteString("method", method);
        if (paramsJson is not null)
        {
            json.WritePropertyName("params");
            json.WriteRawValue(paramsJson, skipInputValidation: true);
        }
    }

    /// <summary>Runs a writer passed as state: the overloads that take a plain writer go through the state-taking ones.</summary>
    private static readonly Action<Utf8JsonWriter, Action<Utf8JsonWriter>> Invoke = static (json, write) => write(json);

    private static byte[] Envelope(string? idJson, Action<Utf8JsonWriter> body, bool withId = true) =>
        Envelope(idJson, body, Invoke, withId);

    private static byte[] Envelope<TState>(string? idJson, TState state, Action<Utf8JsonWriter, TState> body, bool withId = true)
    {
        using var buffer = new PooledBuffer();
        using (var json = new Utf8JsonWriter(buffer, JsonText.Options))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            if (withId)
            {
                json.WritePropertyName("id");
                if (idJson is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteRawValue(idJson, skipInputValidation: true);
                }
            }
            body(json, state);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
