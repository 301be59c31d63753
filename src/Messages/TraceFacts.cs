namespace AkkaMcpEcho.Messages;

/// <summary>
/// The W3C trace context a request carried in <c>params._meta</c> (null where absent), and the context of the span the
/// server handled it in (<paramref name="ServerTraceparent"/>, a <c>traceparent</c> value; null when no span was
/// recorded). Travels with the request to its session, so a span on the node hosting the session continues the trace.
/// </summary>
public sealed record TraceFacts(string? MetaTraceparent, string? MetaTracestate, string? MetaBaggage, string? ServerTraceparent)
{
    public static readonly TraceFacts None = new(null, null, null, null);

    public bool CarriesMeta => MetaTraceparent is not null || MetaTracestate is not null || MetaBaggage is not null;
}
