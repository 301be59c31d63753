using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Serialization;

internal sealed partial class BinaryWire
{
    private void Write(WireWriter writer, CallTool call)
    {
        writer.Strings(call.SessionId, call.ToolName);
        writer.Json(call.Arguments);
        Write(writer, call.Request);
        writer.Bool(call.ViaHandle);
    }

    private CallTool Call(ref WireReader reader) =>
        new(reader.String(), reader.String(), reader.Json(), Request(ref reader), reader.Bool());

    private void Write(WireWriter writer, RequestFacts request)
    {
        writer.Strings(request.HttpMethod, request.Path, request.RemoteAddress);
        writer.Long(request.StartedUtcTicks);
        writer.Headers(request.Headers);
        writer.Optional(request.Trace, static (w, trace) =>
            w.Strings(trace.MetaTraceparent, trace.MetaTracestate, trace.MetaBaggage, trace.ServerTraceparent));
        writer.Json(request.Verdict, contracts.TokenVerdict);
    }

    private RequestFacts Request(ref WireReader reader) =>
        new(reader.String(), reader.String(), reader.NullableString(), reader.Long(), reader.Headers(), reader.Optional(Trace))
        {
            Verdict = reader.Json(contracts.TokenVerdict),
        };

    private static TraceFacts Trace(ref WireReader reader) =>
        new(reader.NullableString(), reader.NullableString(), reader.NullableString(), reader.NullableString());
}
