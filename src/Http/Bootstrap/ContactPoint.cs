using System.Collections.Immutable;
using Akka.Actor;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Http.Configuration;
using BootstrapJson = Akka.Management.Cluster.Bootstrap.ContactPoint.HttpBootstrapJsonProtocol;
using MemberStatus = Akka.Cluster.MemberStatus;

namespace AkkaMcpEcho.Http.Bootstrap;

/// <summary>
/// The cluster bootstrap contact point on the management port (AKKA_MANAGEMENT_PORT), in place of Akka.Management's own
/// HTTP server (see <see cref="ClusterBootstrapHosting"/>): GET <see cref="Path"/> names this node and the members it
/// sees, which other nodes' bootstrap reads to join them. The management port answers nothing else.
/// </summary>
public static class ContactPoint
{
    public const string Path = "/bootstrap/seed-nodes";

    public static bool Serves(ClusterSettings cluster) => cluster.Enabled && cluster.Options.Discovery.Method != DiscoveryMethod.None;

    public static IApplicationBuilder UseContactPoint(this IApplicationBuilder app, ClusterSettings cluster)
    {
        if (!Serves(cluster))
        {
            return app;
        }
        var port = cluster.Options.Discovery.ManagementPort;
        var system = app.ApplicationServices.GetRequiredService<ActorSystem>();
        return app.Use(async (context, next) =>
        {
            if (context.Connection.LocalPort != port)
            {
                await next(context);
                return;
            }
            if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path != Path)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(SeedNodesJson(Akka.Cluster.Cluster.Get(system)), context.RequestAborted);
        });
    }

    /// <summary>
    /// As Akka.Management's own route answers: a node that is leaving names no members, otherwise the reachable members
    /// that are Up, WeaklyUp or Joining. Its protocol types written by Newtonsoft.Json, as its prober reads them.
    /// </summary>
    internal static string SeedNodesJson(Akka.Cluster.Cluster cluster)
    {
        var self = cluster.SelfMember;
        var state = cluster.State;
        var members = self.Status is MemberStatus.Down or MemberStatus.Exiting or MemberStatus.Leaving or MemberStatus.Removed
            ? ImmutableList<BootstrapJson.ClusterMember>.Empty
            : state.Members
                .Where(m => !state.Unreachable.Contains(m) && m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining)
                .Select(m => new BootstrapJson.ClusterMember(m.UniqueAddress.Address, m.UniqueAddress.Uid, m.Status, m.Roles))
                .ToImmutableList();
        return Newtonsoft.Json.JsonConvert.SerializeObject(new BootstrapJson.SeedNodes(self.UniqueAddress.Address, members));
    }
}
