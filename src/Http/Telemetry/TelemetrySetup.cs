using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AkkaMcpEcho.Http.Telemetry;

/// <summary>
/// OpenTelemetry for the server: its own source and meter, ASP.NET Core's spans and metrics, exported over OTLP when an
/// endpoint is set (the SDK reads the standard OTEL_* variables) and scraped at <see cref="MetricsPath"/> when
/// Prometheus is on. Nothing is registered when both are off, so no listener makes the instruments record.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>The activity ASP.NET Core's hosting starts for a request, and the log category that decides whether it does.</summary>
    public const string HostingActivityName = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    private const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static void AddEchoTelemetry(this WebApplicationBuilder builder, EchoSettings settings)
    {
        var telemetry = settings.Telemetry;
        if (telemetry.JsonLogs)
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        builder.Services.AddSingleton(telemetry);
        if (!telemetry.JsonLogs && !telemetry.Otlp && HostingLogsQuiet(builder.Configuration, settings.LogLevel))
        {
            // ASP.NET Core starts an activity and a logging scope for every request while its hosting category can log at
            // all (0.8 KB per request). Nothing shows them here: text logs print no scopes, nothing exports traces, and the
            // category logs nothing a request causes at Warning or above. The trace tools make the context they show
            // themselves when a request carries one (RequestFactsCapture).
            builder.Logging.AddFilter(HostingCategory, LogLevel.None);
        }
        if (!telemetry.On)
        {
            return;
        }
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(telemetry.ServiceName, serviceVersion: ServerProfile.Version))
            .WithMetrics(metrics =>
            {
                // ASP.NET Core's and the runtime's own meters (the instrumentation package would add a middleware to every request).
                metrics.AddMeter(McpTelemetry.SourceName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime");
                if (telemetry.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (telemetry.Otlp)
        {
            otel.WithTracing(tracing => tracing.AddSource(McpTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => context.Request.Path != MetricsPath))
                .WithLogging()
                .UseOtlpExporter();
        }
    }

    /// <summary>Whether the hosting category's configured level (its own, else its nearest parent's) is Warning or above.</summary>
    private static bool HostingLogsQuiet(IConfiguration configuration, LogLevel minimum)
    {
        foreach (var category in (string[])[HostingCategory, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore", "Microsoft", "Default"])
        {
            if (configuration[$"Logging:LogLevel:{category}"] is { } configured)
            {
                return Enum.TryParse<LogLevel>(configured, ignoreCase: true, out var level) && level >= LogLevel.Warning;
            }
        }
        return minimum >= LogLevel.Warning;
    }

    public static void MapTelemetry(this WebApplication app, EchoSettings settings)
    {
        if (settings.Telemetry.JsonLogs)
        {
            ExchangeLogScope.Use(app, Mcp.McpEndpoints.Path, app.Logger);
        }
        if (settings.Telemetry.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }
    }
}
