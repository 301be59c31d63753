using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Http.Health;

public static class HealthEndpoint
{
    /// <summary>GET /health: the seed's JSON, from the registry's counters.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (SessionGateway sessions, EchoSettings settings, CancellationToken cancel) =>
        {
            // Cluster mode: the top-level counters are the cluster's totals, and "cluster" adds each member's.
            var members = settings.Cluster.Enabled ? await sessions.ClusterStats(cancel) : null;
            var stats = members?.Totals ?? await sessions.Stats(cancel);
            var uptime = TimeSpan.FromTicks(DateTime.UtcNow.Ticks - stats.StartedUtcTicks);
            var store = await sessions.StoreHealth(cancel);
            var report = new HealthReport(
                store is { Available: false } ? "degraded" : "healthy",
                new SessionCounts(stats.Active, stats.TotalCreated, stats.Expired, stats.Ended, stats.Rejected, settings.Profile.MaxSessions),
                (long)uptime.TotalSeconds,
                ServerProfile.Version,
                members is null ? null : ClusterHealth.From(members, DateTime.UtcNow.Ticks),
                store is null ? null : new StoreReport(store.Kind, store.Available, store.Error));
            return TypedResults.Json(report, HealthJson.Relaxed.HealthReport);
        });
        return app;
    }
}
