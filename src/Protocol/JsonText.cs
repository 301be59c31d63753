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
    public static string Object(Action<Utf8JsonWriter> members)
    {
        using var buffer = new PooledBuffer();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            members(json);
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
