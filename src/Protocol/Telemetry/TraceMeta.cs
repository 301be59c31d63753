using System.Diagnostics;
using System.Text.Json;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Protocol.Telemetry;

/// <summary>
/// The W3C trace context a request carries in <c>params._meta</c>: revision 2026-07-28 reserves <c>traceparent</c>,
/// <c>tracestate</c> and <c>baggage</c> there, and the official SDKs put them there in every revision.
/// </summary>
public static class TraceMeta
{
    public const string Traceparent = "traceparent";
    public const string Tracestate = "tracestate";
    public const string Baggage = "baggage";

    /// <summary>The context carried in <paramref name="parameters"/>' <c>_meta</c>; null when none.</summary>
    public static TraceFacts? Read(JsonElement? parameters)
    {
        var meta = parameters is { } p ? RequestMeta.Meta(p) : null;
        return meta is { } m && new TraceFacts(Text(m, Traceparent), Text(m, Tracestate), Text(m, Baggage), null) is { CarriesMeta: true } facts
            ? facts
            : null;
    }

    /// <summary>The parent the <c>_meta</c> context names, when it is a valid W3C context.</summary>
    public static ActivityContext? Parent(JsonElement? parameters)
    {
        var meta = parameters is { } p ? RequestMeta.Meta(p) : null;
        return meta is { } m && Text(m, Traceparent) is { } traceparent
            && ActivityContext.TryParse(traceparent, Text(m, Tracestate), isRemote: true, out var context)
                ? context
                : null;
    }

    /// <summary>The parent a <see cref="TraceFacts.ServerTraceparent"/> names (the span of the node that took the request).</summary>
    public static ActivityContext? Parent(TraceFacts? trace) =>
        trace?.ServerTraceparent is { } traceparent && ActivityContext.TryParse(traceparent, null, isRemote: true, out var context)
            ? context
            : null;

    /// <summary>The W3C <c>traceparent</c> value of <paramref name="activity"/>.</summary>
    public static string Of(Activity activity) =>
        $"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-{(activity.Recorded ? "01" : "00")}";

    private static string? Text(JsonElement meta, string name) =>
        meta.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
