using AkkaMcpEcho.Actors;
using AkkaMcpEcho.Http.JsonRpc;
using AkkaMcpEcho.Http.Sessions;

namespace AkkaMcpEcho.Http.Health;

public static class HealthEndpoint
{
    /// <summary>GET /health: the seed's JSON, from the registry's counters.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (SessionGateway sessions, ServerProfile profile, CancellationToken cancel) =>
        {
            var stats = await sessions.Stats(cancel);
            var uptime = TimeSpan.FromTicks(DateTime.UtcNow.Ticks - stats.StartedUtcTicks);
            var report = new HealthReport(
                "healthy",
                new SessionCounts(stats.Active, stats.TotalCreated, stats.Expired, stats.Ended, stats.Rejected, profile.MaxSessions),
                (long)uptime.TotalSeconds,
                ServerProfile.Version);
            return TypedResults.Json(report, WireJson.Relaxed.HealthReport);
        });
        return app;
    }
}
