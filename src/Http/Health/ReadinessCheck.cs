using Akka.Actor;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Http.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkkaMcpEcho.Http.Health;

/// <summary>
/// Whether this node may take traffic: its actor system runs and is not shutting down, and in cluster mode it is an Up
/// member whose shard region of sessions is registered. A node that is joining, leaving or exiting is not ready.
/// </summary>
internal sealed class ReadinessCheck(ActorSystem system, EchoSettings settings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        if (system.WhenTerminated.IsCompleted)
        {
            return HealthCheckResult.Unhealthy("the actor system has terminated");
        }
        if (CoordinatedShutdown.Get(system).ShutdownReason is { } reason)
        {
            return HealthCheckResult.Unhealthy($"the actor system is shutting down ({reason.GetType().Name})");
        }
        if (!settings.Cluster.Enabled)
        {
            return HealthCheckResult.Healthy("the actor system is up");
        }
        var status = Akka.Cluster.Cluster.Get(system).SelfMember.Status;
        if (status != Akka.Cluster.MemberStatus.Up)
        {
            return HealthCheckResult.Unhealthy($"this node is {status} in the cluster, not Up");
        }
        return ActorRegistry.For(system).TryGet<SessionRegion>(out _)
            ? HealthCheckResult.Healthy("an Up cluster member with its shard region registered")
            : HealthCheckResult.Unhealthy("the shard region of sessions is not registered yet");
    }
}
