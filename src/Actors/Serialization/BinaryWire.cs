using System.Collections.Frozen;
using System.Runtime.Serialization;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Serialization;

/// <summary>
/// The messages of every cross-node call (the call, its answer, a touch, the exchanges a node records for a session on
/// another) in a compact binary layout instead of JSON, which spent most of its time in constructor binding
/// (PROFILE.md §7). A binary payload starts with <see cref="Marker"/>, which no JSON text starts with, so these types'
/// JSON payloads still read: from a node of an earlier build, or a message that fell back to JSON.
/// </summary>
internal sealed partial class BinaryWire(EchoWireContext contracts)
{
    public const byte Marker = 0x01;

    private delegate object ReadMessage(BinaryWire wire, ref WireReader reader);

    /// <summary>How one carried type is written and read: the one list of the types that go in binary.</summary>
    private sealed record Codec(Action<BinaryWire, WireWriter, object> Write, ReadMessage Read);

    private static readonly FrozenDictionary<Type, Codec> Codecs = new Dictionary<Type, Codec>
    {
        [typeof(CallTool)] = new(static (wire, w, m) => wire.Write(w, (CallTool)m),
            static (BinaryWire wire, ref WireReader r) => wire.Call(ref r)),
        [typeof(SessionAnswer<ToolCallReply>)] = new(static (wire, w, m) => wire.Write(w, (SessionAnswer<ToolCallReply>)m, WriteReply),
            static (BinaryWire wire, ref WireReader r) => wire.Answer(ref r, Reply)),
        [typeof(TouchSession)] = new(static (_, w, m) => w.Strings(((TouchSession)m).SessionId, ((TouchSession)m).Method),
            static (BinaryWire _, ref WireReader r) => new TouchSession(r.String(), r.String())),
        [typeof(SessionAnswer<SessionTouched>)] = new(static (wire, w, m) => wire.Write(w, (SessionAnswer<SessionTouched>)m, WriteTouched),
            static (BinaryWire wire, ref WireReader r) => wire.Answer(ref r, Touched)),
        [typeof(RecordExchange)] = new(static (wire, w, m) => wire.Write(w, (RecordExchange)m),
            static (BinaryWire wire, ref WireReader r) => wire.Exchanges(ref r)),
    }.ToFrozenDictionary();

    public static bool IsBinary(ReadOnlySpan<byte> bytes) => bytes.Length > 0 && bytes[0] == Marker;

    /// <summary>The message's binary form; false for a type not carried.</summary>
    public bool TryWrite(object message, out byte[] bytes)
    {
        bytes = [];
        if (!Codecs.TryGetValue(message.GetType(), out var codec))
        {
            return false;
        }
        using var buffer = new PooledBuffer(256);
        var writer = new WireWriter(buffer);
        writer.Byte(Marker);
        codec.Write(this, writer, message);
        bytes = buffer.WrittenSpan.ToArray();
        return true;
    }

    public object Read(ReadOnlySpan<byte> bytes, Type type)
    {
        if (!Codecs.TryGetValue(type, out var codec))
        {
            throw new SerializationException($"{type} has no binary wire form");
        }
        var reader = new WireReader(bytes[1..]);
        var message = codec.Read(this, ref reader);
        reader.End();
        return message;
    }

    private void Write<T>(WireWriter writer, SessionAnswer<T> answer, Action<WireWriter, T> reply) where T : class
    {
        writer.String(answer.SessionId);
        writer.Optional(answer.Reply, reply);
        writer.Json(answer.Fault, contracts.FaultRule);
    }

    private SessionAnswer<T> Answer<T>(ref WireReader reader, ReadPart<T> reply) where T : class
    {
        var sessionId = reader.String();
        var replied = reader.Optional(reply);
        return new SessionAnswer<T>(sessionId, replied) { Fault = reader.Json(contracts.FaultRule) };
    }

    private static void WriteReply(WireWriter writer, ToolCallReply reply)
    {
        writer.String(reply.Text);
        writer.Bool(reply.IsError);
        writer.Bool(reply.InvalidParams);
        writer.String(reply.StructuredJson);
    }

    private static void WriteTouched(WireWriter writer, SessionTouched touched)
    {
        writer.String(touched.ProtocolVersion);
        writer.Bool(touched.ToolsChanged);
    }

    private static ToolCallReply Reply(ref WireReader reader) =>
        new(reader.String(), reader.Bool(), reader.Bool(), reader.NullableString());

    private static SessionTouched Touched(ref WireReader reader) => new(reader.String(), reader.Bool());
}
