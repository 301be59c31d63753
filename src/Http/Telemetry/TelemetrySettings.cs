using System.Net;
using AkkaMcpEcho.Http.Configuration;
using Row = AkkaMcpEcho.Http.Configuration.SettingsTable;

namespace AkkaMcpEcho.Http.Telemetry;

/// <summary>
/// What the server exports: OTLP (traces, metrics and logs) when an endpoint is configured, and the Prometheus scrape
/// endpoint; and how it writes its console log. Telemetry is <see cref="On"/> when either exporter is.
/// </summary>
public sealed record TelemetrySettings(string? OtlpEndpoint, string ServiceName, bool Prometheus, bool JsonLogs)
{
    public static readonly TelemetrySettings Off = new(null, "akka-mcp-echo", false, false);

    public bool Otlp => OtlpEndpoint is not null;

    public bool On => Otlp || Prometheus;

    internal static TelemetrySettings From(SettingsReader read, string host) => new(
        read.Get(Row.OtlpEndpoint),
        read.Get(Row.ServiceName),
        read.Get(Row.Prometheus) ?? IsLoopback(host),
        read.Get(Row.LogFormat) == "json");

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
