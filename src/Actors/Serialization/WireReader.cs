using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AkkaMcpEcho.Messages;

namespace AkkaMcpEcho.Actors.Serialization;

/// <summary>Reads one part of a message (an optional part, an item of a list).</summary>
internal delegate T ReadPart<out T>(ref WireReader reader);

/// <summary>Reads what <see cref="WireWriter"/> wrote, in the same order; a short or malformed payload fails loudly.</summary>
internal ref struct WireReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public byte Byte() => Take(1)[0];

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var other => throw new SerializationException($"A boolean on the wire must be 0 or 1, not {other}"),
    };

    public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public string? NullableString() => Run() is { } run ? Encoding.UTF8.GetString(_bytes.Slice(run.Start, run.Length)) : null;

    public string String() => NullableString() ?? throw new SerializationException("A required string is null on the wire");

    public ReadOnlyMemory<byte> Bytes() => Run() is { } run ? _bytes.Slice(run.Start, run.Length).ToArray() : throw new SerializationException("Required bytes are null on the wire");

    public JsonElement Json() => Run() is { } run ? JsonElement.Parse(_bytes.Slice(run.Start, run.Length)) : default;

    public T? Json<T>(JsonTypeInfo<T> contract) where T : class =>
        Run() is { } run ? JsonSerializer.Deserialize(_bytes.Slice(run.Start, run.Length), contract) : null;

    /// <summary>What <see cref="WireWriter.Optional{T}"/> wrote: the part, or null.</summary>
    public T? Optional<T>(ReadPart<T> read) where T : class => Bool() ? read(ref this) : null;

    public ImmutableArray<HeaderField> Headers()
    {
        var count = Int();
        if (count < 0)
        {
            return default;
        }
        var headers = ImmutableArray.CreateBuilder<HeaderField>(Count(count, 8));
        for (var i = 0; i < count; i++)
        {
            headers.Add(new HeaderField(String(), String()));
        }
        return headers.MoveToImmutable();
    }

    /// <summary>A count read from the wire, checked against what is left (each item takes at least <paramref name="minimumBytes"/>).</summary>
    public readonly int Count(int count, int minimumBytes) =>
        count >= 0 && (long)count * minimumBytes <= _bytes.Length - _at
            ? count
            : throw new SerializationException($"A count of {count} does not fit the {_bytes.Length - _at} bytes left");

    public readonly void End()
    {
        if (_at != _bytes.Length)
        {
            throw new SerializationException($"{_bytes.Length - _at} bytes left over after the message");
        }
    }

    private (int Start, int Length)? Run()
    {
        var length = Int();
        if (length < 0)
        {
            return length == -1 ? null : throw new SerializationException($"A length of {length} on the wire");
        }
        var start = _at;
        Take(length);
        return (start, length);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _bytes.Length - _at)
        {
            throw new SerializationException($"The message ends {count - (_bytes.Length - _at)} bytes early");
        }
        var taken = _bytes.Slice(_at, count);
        _at += count;
        return taken;
    }
}
