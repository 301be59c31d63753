using Google.Protobuf;
using ProtoWire = Google.Protobuf.WireFormat;

namespace AkkaMcpEcho.Tests.Support.Otlp;

/// <summary>
/// One protobuf message read field by field with Google.Protobuf's <see cref="CodedInputStream"/>: enough of the wire
/// format to walk the OTLP messages by their field numbers (opentelemetry-proto), with no generated code.
/// </summary>
public sealed class ProtoFields
{
    private readonly List<(int Field, object Value)> _fields = [];

    public ProtoFields(ReadOnlySpan<byte> bytes)
    {
        var input = new CodedInputStream(bytes.ToArray());
        while (!input.IsAtEnd)
        {
            var tag = input.ReadTag();
            var field = ProtoWire.GetTagFieldNumber(tag);
            object value = ProtoWire.GetTagWireType(tag) switch
            {
                ProtoWire.WireType.Varint => input.ReadUInt64(),
                ProtoWire.WireType.Fixed64 => input.ReadFixed64(),
                ProtoWire.WireType.Fixed32 => (ulong)input.ReadFixed32(),
                ProtoWire.WireType.LengthDelimited => input.ReadBytes(),
                var other => throw new InvalidDataException($"unexpected wire type {other} for field {field}"),
            };
            _fields.Add((field, value));
        }
    }

    public IEnumerable<ProtoFields> Messages(int field) =>
        _fields.Where(f => f.Field == field).Select(f => new ProtoFields(((ByteString)f.Value).Span));

    public ProtoFields? Message(int field) => Messages(field).FirstOrDefault();

    public string? Text(int field) => Bytes(field)?.ToStringUtf8();

    public string Hex(int field) => Bytes(field) is { Length: > 0 } bytes ? Convert.ToHexStringLower(bytes.Span) : "";

    public ulong? Number(int field) => _fields.Where(f => f.Field == field).Select(f => (ulong?)f.Value).FirstOrDefault();

    private ByteString? Bytes(int field) => _fields.Where(f => f.Field == field).Select(f => (ByteString)f.Value).FirstOrDefault();

    /// <summary>A list of OTLP KeyValue (key 1, AnyValue 2), values as text (string 1, bool 2, int 3, double 4).</summary>
    public Dictionary<string, string> Attributes(int field) => Messages(field).ToDictionary(kv => kv.Text(1) ?? "", kv =>
    {
        var value = kv.Message(2);
        return value?.Text(1)
            ?? (value?.Number(2) is { } flag ? (flag != 0 ? "true" : "false") : null)
            ?? (value?.Number(3) is { } integer ? ((long)integer).ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
            ?? (value?.Number(4) is { } real ? BitConverter.UInt64BitsToDouble(real).ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
    });
}
