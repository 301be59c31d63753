using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProbeReport = Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport;

namespace AkkaMcpEcho.Http.Health;

/// <summary>
/// The orchestrator's probes, as ASP.NET Core health checks: <see cref="LivePath"/> answers 200 while the process serves
/// HTTP at all (also while the node leaves its cluster), <see cref="ReadyPath"/> 200 only while <see cref="ReadinessCheck"/>
/// holds, else 503. Both answer text: the status, and for readiness what it found.
/// </summary>
public static class Probes
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddProbes(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ReadinessCheck>("akka", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = Write });
        return app;
    }

    private static Task Write(HttpContext context, ProbeReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var found = report.Entries.Values.Select(entry => entry.Description).Where(text => text is not null);
        return context.Response.WriteAsync(string.Join(": ", [report.Status.ToString(), .. found]));
    }
}
