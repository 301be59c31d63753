using System.Diagnostics;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Telemetry;

namespace AkkaMcpEcho.Http.Telemetry;

/// <summary>
/// The server span and the <c>mcp.server.operation.duration</c> measurement of every MCP request, and the count of
/// requests the transport refused. The span starts when the JSON-RPC message is known, parented on the trace context in
/// its <c>params._meta</c> when there is one (linked to the HTTP request's span), otherwise on the HTTP request's span
/// (itself parented on the <c>traceparent</c> header); it ends with the exchange. Left out when telemetry is off; while
/// on, nothing is allocated for a request unless a listener records spans or the histogram.
/// </summary>
internal sealed class TelemetryTap(TelemetrySettings telemetry) : McpTap
{
    public override bool Enabled => telemetry.On;

    public override void OnMessage(McpExchange exchange)
    {
        if (exchange.RpcMethod is not { } method || method.StartsWith('(')
            || !(McpTelemetry.Source.HasListeners() || McpTelemetry.OperationDuration.Enabled))
        {
            return;
        }
        var version = exchange.Http.Request.Headers[McpHeaders.ProtocolVersion].ToString();
        var operation = McpOperation.Of(method, exchange.RpcParams, version.Length > 0 ? version : null);
        var span = StartSpan(operation, exchange);
        exchange.Observation = new ExchangeObservation(operation, Stopwatch.GetTimestamp());
        exchange.Span = span;
    }

    public override ValueTask<TapFrame?> OnFrame(McpExchange exchange, TapFrame frame)
    {
        if (exchange.Observation is { ErrorType: null } observed && frame.Kind != FrameKind.KeepAlive)
        {
            observed.ErrorType = ResponseOutcome.ErrorType(Json(frame), observed.Operation.Method);
        }
        return ValueTask.FromResult<TapFrame?>(frame);
    }

    public override void OnEnd(McpExchange exchange)
    {
        var status = exchange.Http.Response.StatusCode;
        var observed = exchange.Observation;
        if (status >= 400 && McpTelemetry.RejectedRequests.Enabled)
        {
            McpTelemetry.RejectedRequests.Add(1, new TagList
            {
                { McpTelemetry.Tags.Reason, Rejections.Reason(status) },
                { McpTelemetry.Tags.HttpStatusCode, status },
                { McpTelemetry.Tags.MethodName, observed?.Operation.Method ?? exchange.RpcMethod ?? exchange.Http.Request.Method },
            });
        }
        if (observed is null)
        {
            return;
        }
        var errorType = observed.ErrorType ?? (status >= 400 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : exchange.End == ExchangeEnd.Answered ? null : exchange.End.ToString());
        var tags = observed.Operation.MetricTags();
        if (errorType is not null)
        {
            tags.Add(McpTelemetry.Tags.ErrorType, errorType);
        }
        McpTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(observed.Started).TotalSeconds, tags);
        if (exchange.Span is { } span)
        {
            span.SetTag(McpTelemetry.Tags.SessionId, exchange.SessionId);
            if (errorType is not null)
            {
                span.SetTag(McpTelemetry.Tags.ErrorType, errorType);
                span.SetTag(McpTelemetry.Tags.RpcStatusCode, int.TryParse(errorType, out _) ? errorType : null);
                span.SetStatus(ActivityStatusCode.Error);
            }
            span.Stop();
        }
    }

    private static Activity? StartSpan(McpOperation operation, McpExchange exchange)
    {
        if (!McpTelemetry.Source.HasListeners())
        {
            return null;
        }
        var span = TraceMeta.Parent(exchange.RpcParams) is { } parent
            ? McpTelemetry.Source.StartActivity(operation.SpanName, ActivityKind.Server, parent,
                links: Activity.Current is { } http ? [new ActivityLink(http.Context)] : null)
            : McpTelemetry.Source.StartActivity(operation.SpanName, ActivityKind.Server);
        if (span is { IsAllDataRequested: true })
        {
            operation.Tag(span, exchange.RpcIdJson, exchange.SessionId);
        }
        return span;
    }

    /// <summary>A JSON frame whole; an event's <c>data:</c> line (the JSON-RPC message it carries).</summary>
    private static ReadOnlySpan<byte> Json(TapFrame frame)
    {
        if (frame.Kind == FrameKind.Json)
        {
            return frame.Bytes;
        }
        var bytes = frame.Bytes.AsSpan();
        var data = bytes.IndexOf("data: "u8);
        if (data < 0)
        {
            return default;
        }
        var rest = bytes[(data + 6)..];
        var end = rest.IndexOf((byte)'\n');
        return end < 0 ? rest : rest[..end];
    }
}
