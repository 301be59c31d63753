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

    private static readonly FrozenSet<Type> Carried = new[]
    {
        typeof(CallTool), typeof(SessionAnswer<ToolCallReply>), typeof(TouchSession), typeof(SessionAnswer<SessionTouched>),
        typeof(RecordExchange),
    }.ToFrozenSet();

    public static bool IsBinary(ReadOnlySpan<byte> bytes) => bytes.Length > 0 && bytes[0] == Marker;

    /// <summary>The message's binary form; false for a type not carried.</summary>
    public bool TryWrite(object message, out byte[] bytes)
    {
        bytes = [];
        if (!Carried.Contains(message.GetType()))
        {
            return false;
        }
        using var buffer = new PooledBuffer(256);
        var writer = new WireWriter(buffer);
        writer.Byte(Marker);
        Write(writer, message);
        bytes = buffer.WrittenSpan.ToArray();
        return true;
    }

    public object Read(ReadOnlySpan<byte> bytes, Type type)
    {
        var reader = new WireReader(bytes[1..]);
        object message = type switch
        {
            _ when type == typeof(CallTool) => Call(ref reader),
            _ when type == typeof(SessionAnswer<ToolCallReply>) => Answer(ref reader, Reply),
            _ when type == typeof(TouchSession) => new TouchSession(reader.String(), reader.String()),
            _ when type == typeof(SessionAnswer<SessionTouched>) => Answer(ref reader, Touched),
            _ when type == typeof(RecordExchange) => Exchanges(ref reader),
            _ => throw new SerializationException($"{type} has no binary wire form"),
        };
        reader.End();
        return message;
    }

    private void Write(WireWriter writer, object message)
    {
        switch (message)
        {
            case CallTool call:
                Write(writer, call);
                break;
            case SessionAnswer<ToolCallReply> answer:
                Write(writer, answer, static (w, reply) =>
                {
                    w.String(reply.Text);
                    w.Bool(reply.IsError);
                    w.Bool(reply.InvalidParams);
                    w.String(reply.StructuredJson);
                });
                break;
            case TouchSession touch:
                writer.Strings(touch.SessionId, touch.Method);
                break;
            case SessionAnswer<SessionTouched> answer:
                Write(writer, answer, static (w, touched) =>
                {
                    w.String(touched.ProtocolVersion);
                    w.Bool(touched.ToolsChanged);
                });
                break;
            case RecordExchange exchanges:
                Write(writer, exchanges);
                break;
        }
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

    private static ToolCallReply Reply(ref WireReader reader) =>
        new(reader.String(), reader.Bool(), reader.Bool(), reader.NullableString());

    private static SessionTouched Touched(ref WireReader reader) => new(reader.String(), reader.Bool());
}
