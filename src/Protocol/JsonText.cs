using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AkkaMcpEcho.Protocol;

/// <summary>
/// Compact JSON text for params, results and contents (never a JSON-RPC envelope: that is <c>JsonRpcWriter</c>'s).
/// Non-ASCII text stays UTF-8, as the original server sends it.
/// </summary>
public static class JsonText
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One JSON object whose members <paramref name="members"/> writes.</summary>
    public static string Object(Action<Utf8JsonWriter> members) =>
        Object(members, static (json, members) => members(json));

    /// <summary>As <see cref="Object(Action{Utf8JsonWriter})"/>, from <paramref name="state"/> by a static lambda (no closure).</summary>
    public static string Object<TState>(TState state, Action<Utf8JsonWriter, TState> members)
    {
        using var buffer = new PooledBuffer();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            members(json, state);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A JSON string literal of <paramref name="value"/>, quotes included.</summary>
    public static string String(string value)
    {
        using var buffer = new PooledBuffer(value.Length + 8);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStringValue(value);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
