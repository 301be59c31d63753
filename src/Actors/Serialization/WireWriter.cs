using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Serialization;

/// <summary>
/// Writes the fields of a binary wire message in order: fixed-width little-endian numbers, strings and byte runs behind
/// their length (-1: null). Text is UTF-8; a lone surrogate becomes U+FFFD, as System.Text.Json writes it.
/// </summary>
internal readonly struct WireWriter(PooledBuffer buffer)
{
    public void Byte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void Int(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public void Long(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public void Double(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public void String(string? value)
    {
        if (value is null)
        {
            Int(-1);
            return;
        }
        var span = buffer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        buffer.Advance(4 + length);
    }

    public void Strings(params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            String(value);
        }
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        Int(value.Length);
        value.CopyTo(buffer.GetSpan(value.Length));
        buffer.Advance(value.Length);
    }

    /// <summary>A JSON value as its UTF-8 text; an undefined element (no value at all) as null.</summary>
    public void Json(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            Int(-1);
            return;
        }
        Bytes(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value));
    }

    /// <summary>A rarely present part (a token verdict, a fault rule) through its JSON contract; null as null.</summary>
    public void Json<T>(T? value, JsonTypeInfo<T> contract) where T : class
    {
        if (value is null)
        {
            Int(-1);
            return;
        }
        Bytes(JsonSerializer.SerializeToUtf8Bytes(value, contract));
    }

    /// <summary>A part that may be missing: a presence flag, then the part.</summary>
    public void Optional<T>(T? value, Action<WireWriter, T> write) where T : class
    {
        Bool(value is not null);
        if (value is not null)
        {
            write(this, value);
        }
    }

    public void Headers(ImmutableArray<HeaderField> headers)
    {
        if (headers.IsDefault)
        {
            Int(-1);
            return;
        }
        Int(headers.Length);
        foreach (var header in headers)
        {
            String(header.Name);
            String(header.Value);
        }
    }
}
