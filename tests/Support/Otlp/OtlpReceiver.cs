using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AkkaMcpEcho.Tests.Support.Otlp;

/// <summary>A span as exported over OTLP: ids as lowercase hex, attributes as text, its process's resource attributes.</summary>
public sealed record ReceivedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, string Scope,
    IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<(string TraceId, string SpanId)> Links,
    IReadOnlyDictionary<string, string> Resource)
{
    public const int ServerKind = 2;

    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);
}

/// <summary>One data point of an exported metric: the metric's name and unit, the point's attributes.</summary>
public sealed record ReceivedPoint(string Metric, string? Unit, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// An OTLP/HTTP receiver on 127.0.0.1 (Kestrel on a free port): decodes the protobuf of /v1/traces and /v1/metrics and
/// keeps what arrived; /v1/logs is accepted and dropped. Point a server at <see cref="Endpoint"/> with
/// OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<ReceivedPoint> _points = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public IReadOnlyList<ReceivedPoint> Points => [.. _points];

    public static async Task<OtlpReceiver> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) => receiver.Traces(await Body(request)));
        app.MapPost("/v1/metrics", async (HttpRequest request) => receiver.Metrics(await Body(request)));
        app.MapPost("/v1/logs", () => Results.Ok());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return receiver;
    }

    /// <summary>The settings that point a server's OTLP exporter here, exporting at once.</summary>
    public Dictionary<string, string> ExporterSettings() => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
    };

    /// <summary>Waits (bounded) until the spans received satisfy <paramref name="done"/>, and returns them.</summary>
    public Task<IReadOnlyList<ReceivedSpan>> SpansUntil(Func<IReadOnlyList<ReceivedSpan>, bool> done, string what) =>
        Eventually.Until(() => Task.FromResult(Spans), done, TimeSpan.FromSeconds(30), what);

    public Task<IReadOnlyList<ReceivedPoint>> PointsUntil(Func<IReadOnlyList<ReceivedPoint>, bool> done, string what) =>
        Eventually.Until(() => Task.FromResult(Points), done, TimeSpan.FromSeconds(30), what);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task<byte[]> Body(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    // ExportTraceServiceRequest{1: ResourceSpans{1: Resource{1: KeyValue}, 2: ScopeSpans{1: Scope{1: name}, 2: Span}}}
    private IResult Traces(byte[] body)
    {
        foreach (var resourceSpans in new ProtoFields(body).Messages(1))
        {
            var resource = resourceSpans.Message(1)?.Attributes(1) ?? [];
            foreach (var scopeSpans in resourceSpans.Messages(2))
            {
                var scope = scopeSpans.Message(1)?.Text(1) ?? "";
                foreach (var span in scopeSpans.Messages(2))
                {
                    // Span{1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes, 13 links{1 trace_id, 2 span_id}}
                    _spans.Enqueue(new ReceivedSpan(span.Hex(1), span.Hex(2), span.Hex(4), span.Text(5) ?? "", (int)(span.Number(6) ?? 0),
                        scope, span.Attributes(9), [.. span.Messages(13).Select(link => (link.Hex(1), link.Hex(2)))], resource));
                }
            }
        }
        return Results.Ok();
    }

    // ExportMetricsServiceRequest{1: ResourceMetrics{2: ScopeMetrics{2: Metric{1 name, 3 unit, 5 gauge, 7 sum, 9 histogram}}}}
    private IResult Metrics(byte[] body)
    {
        var metrics = new ProtoFields(body).Messages(1).SelectMany(r => r.Messages(2)).SelectMany(s => s.Messages(2));
        foreach (var metric in metrics)
        {
            // Gauge and Sum hold NumberDataPoint{7 attributes}; Histogram holds HistogramDataPoint{9 attributes}.
            var points = (metric.Message(5) ?? metric.Message(7))?.Messages(1).Select(p => p.Attributes(7))
                ?? metric.Message(9)?.Messages(1).Select(p => p.Attributes(9)) ?? [];
            foreach (var attributes in points)
            {
                _points.Enqueue(new ReceivedPoint(metric.Text(1) ?? "", metric.Text(3), attributes));
            }
        }
        return Results.Ok();
    }
}
