using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Actors.Serialization;

internal sealed partial class BinaryWire
{
    private void Write(WireWriter writer, RecordExchange exchanges)
    {
        writer.String(exchanges.SessionId);
        writer.Int(exchanges.Records.Length);
        foreach (var record in exchanges.Records)
        {
            Write(writer, record);
        }
    }

    private RecordExchange Exchanges(ref WireReader reader)
    {
        var sessionId = reader.String();
        var count = reader.Count(reader.Int(), 64);
        var records = ImmutableArray.CreateBuilder<ExchangeRecord>(count);
        for (var i = 0; i < count; i++)
        {
            records.Add(Exchange(ref reader));
        }
        return new RecordExchange(sessionId, records.MoveToImmutable());
    }

    private void Write(WireWriter writer, ExchangeRecord record)
    {
        writer.String(record.Node);
        writer.Long(record.Sequence);
        writer.Long(record.StartedUtcTicks);
        writer.Double(record.DurationMs);
        writer.Strings(record.Era, record.ProtocolVersion, record.Session, record.SessionKind, record.RpcMethod, record.RpcIdJson,
            record.Tool, record.HttpMethod, record.Path);
        writer.Int(record.Status);
        writer.String(record.End);
        writer.Headers(record.RequestHeaders);
        writer.Headers(record.ResponseHeaders);
        writer.Optional(record.RequestBody, Write);
        writer.Optional(record.ResponseBody, Write);
        writer.Int(record.Events.IsDefault ? -1 : record.Events.Length);
        foreach (var recorded in record.Events.IsDefault ? [] : record.Events)
        {
            writer.Double(recorded.OffsetMs);
            Write(writer, recorded.Data);
        }
        writer.Int(record.EventsDropped);
        writer.Optional(record.Error, static (w, error) =>
        {
            w.Int(error.Code);
            w.Strings(error.Message, error.DataJson);
        });
        writer.String(record.Fault);
        writer.Json(record.AuthVerdict, contracts.AuthRefusal);
    }

    private ExchangeRecord Exchange(ref WireReader reader) =>
        new(reader.String(), reader.Long(), reader.Long(), reader.Double(), reader.String(), reader.NullableString(),
            reader.NullableString(), reader.NullableString(), reader.NullableString(), reader.NullableString(),
            reader.NullableString(), reader.String(), reader.String(), reader.Int(), reader.String(), reader.Headers(),
            reader.Headers(), reader.Optional(Text), reader.Optional(Text), Events(ref reader), reader.Int(), reader.Optional(Error))
        {
            Fault = reader.NullableString(),
            AuthVerdict = reader.Json(contracts.AuthRefusal),
        };

    private static void Write(WireWriter writer, RecordedText text)
    {
        writer.Bytes(text.Utf8.Span);
        writer.Int(text.Bytes);
        writer.Bool(text.Truncated);
    }

    private static RecordedText Text(ref WireReader reader) => new(reader.Bytes(), reader.Int(), reader.Bool());

    private static ImmutableArray<RecordedEvent> Events(ref WireReader reader)
    {
        var count = reader.Int();
        if (count < 0)
        {
            return default;
        }
        var events = ImmutableArray.CreateBuilder<RecordedEvent>(reader.Count(count, 9));
        for (var i = 0; i < count; i++)
        {
            events.Add(new RecordedEvent(reader.Double(), Text(ref reader)));
        }
        return events.MoveToImmutable();
    }

    private static RecordedError Error(ref WireReader reader) => new(reader.Int(), reader.String(), reader.NullableString());
}
