using System.Net;
using Akka.Actor;
using AkkaMcpEcho.Actors.Serialization;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Messages.Cluster;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>Any node answers for any session: three nodes, each with its own HTTP and remoting port.</summary>
public sealed partial class ThreeNodeClusterTests(ThreeNodeFixture fixture) : IClassFixture<ThreeNodeFixture>
{
    private TestCluster Cluster => fixture.Cluster;
    private ClusterNode Node(int i) => Cluster.Nodes[i];

    [Fact]
    public async Task A_session_initialized_on_node_1_is_echoed_on_node_2_and_replayed_on_node_3()
    {
        var hosts = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var session = await Node(0).Mcp.Initialize();
            var message = $"across the cluster #{i} ✨";

            var echo = await Node(1).Mcp.Echo(session, message);
            var replay = await Node(2).Mcp.CallTool(session, "replayLastEcho");
            var info = await Node(0).Mcp.CallTool(session, "sessionInfo");

            Assert.Equal(HttpStatusCode.OK, echo.Status);
            Assert.Equal($"{message}\nSession: {session}\nEcho count in session: 1", echo.AssertEcho(message));
            Assert.Equal(HttpStatusCode.OK, replay.Status);
            Assert.StartsWith($"🔄 Replaying last echo:\n{message}\nOriginal echo count: 1\n", replay.ToolText());
            Assert.Equal(HttpStatusCode.OK, info.Status);
            Assert.Contains("- Total Requests: 4\n", info.ToolText());
            hosts.Add((await Cluster.HostOf(session)).Address.ToString());
        }
        // The sessions' entities did not all land on one node: the calls above crossed nodes.
        Assert.True(hosts.Count >= 2, $"every session landed on {string.Join(", ", hosts)}");
    }

    [Fact]
    public async Task A_stream_opened_on_node_2_receives_the_events_of_a_session_hosted_elsewhere()
    {
        var session = await SessionNotHostedOn(Node(1));
        Assert.Equal(HttpStatusCode.OK, (await Node(0).Mcp.Request(session, id => Requests.SetLevel(id, "info"))).Status);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await Node(1).Mcp.OpenStream(session, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Node(2).Mcp.Echo(session, "event please")).Status);

        var notification = (await stream.Next(timeout.Token)).Json;
        Assert.Equal("notifications/message", notification.GetProperty("method").GetString());
        Assert.Equal("echo", notification.GetProperty("params").GetProperty("data").GetProperty("tool").GetString());
    }

    [Fact]
    public async Task A_stream_served_by_another_node_stays_bounded_and_drops_the_oldest_events_when_its_client_stalls()
    {
        var session = await SessionNotHostedOn(Node(1));
        var host = await Cluster.HostOf(session);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await Node(1).Mcp.OpenStream(session, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        const int published = 20_000;
        var padding = new string('p', 1000);

        // The client reads nothing while the session publishes 20 MB of events across the wire.
        for (var i = 1; i <= published; i++)
        {
            var json = "{\"n\":" + i + ",\"pad\":\"" + padding + "\"}";
            host.Region.Tell(new PublishEvent(session, new ServerNotification("notifications/message", json)));
        }
        await host.Region.Ask<SessionAnswer<SessionTouched>>(new TouchSession(session, "ping"), TimeSpan.FromSeconds(30));
        // The session has sent every event; a round trip to node 2 over the same connection, queued behind them,
        // returns once node 2 has received them all.
        await host.System.ActorSelection(new RootActorPath(Node(1).Address) / "user" / SessionNode.Name)
            .Ask<ClusterSessionStats>(GetClusterStats.Instance, TimeSpan.FromSeconds(30));

        var received = new List<long>();
        var gapMarkers = 0;
        while (received.Count == 0 || received[^1] != published)
        {
            var data = (await stream.Next(timeout.Token)).Json;
            if (data.GetProperty("params").TryGetProperty("n", out var n))
            {
                received.Add(n.GetInt64());
            }
            else
            {
                Assert.Equal("replay-gap", data.GetProperty("params").GetProperty("data").GetProperty("event").GetString());
                gapMarkers++;
            }
        }

        // Bounded: the oldest events were dropped on the HTTP node, the newest all arrived, in order, and the client was told.
        Assert.True(received.Count < published / 2, $"{received.Count} of {published} events arrived");
        Assert.True(gapMarkers > 0, "no gap marker");
        Assert.Equal(received.Order(), received);
        Assert.Equal(Enumerable.Range(published - 99, 100).Select(n => (long)n), received.TakeLast(100));
    }

    [Fact]
    public async Task A_maximum_size_echo_crosses_nodes()
    {
        var session = await SessionNotHostedOn(Node(0));
        // The body limit is 1 MiB by default; stay just under it with the envelope of the request.
        var message = new string('x', 1_048_576 - 200);

        var echo = await Node(0).Mcp.Echo(session, message);

        Assert.Equal(HttpStatusCode.OK, echo.Status);
        Assert.StartsWith(message + "\nSession: ", echo.AssertEcho(message));
    }

    [Fact]
    public async Task A_maximum_size_echo_of_emoji_crosses_nodes()
    {
        var session = await SessionNotHostedOn(Node(2));
        // Raw UTF-8 in the request (4 bytes each), escaped on the wire between nodes (12 bytes each): the worst case.
        var message = string.Concat(Enumerable.Repeat("🐐", (1_048_576 - 200) / 4));

        var echo = await Node(2).Mcp.CallTool(session, "echo", $$"""{"message":"{{message}}"}""");

        Assert.Equal(HttpStatusCode.OK, echo.Status);
        Assert.StartsWith(message + "\nSession: ", echo.AssertEcho(message));
    }

    [Fact]
    public async Task Health_on_every_node_shows_each_member_and_the_cluster_totals()
    {
        var sessions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add(await Node(i).Mcp.Initialize());
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        foreach (var node in Cluster.Nodes)
        {
            await Eventually.Until(async () =>
            {
                var root = await node.Mcp.Health();
                var cluster = root.GetProperty("cluster");
                var nodes = cluster.GetProperty("nodes").EnumerateArray().ToList();
                var activeSum = nodes.Sum(n => n.GetProperty("active").GetInt32());
                var createdSum = nodes.Sum(n => n.GetProperty("total_created").GetInt64());
                var hosting = await Task.WhenAll(Cluster.Nodes.Select(n => n.HostedSessions()));
                var hosted = hosting.Sum(h => h.Count);
                return nodes.Count == 3
                    && cluster.GetProperty("self").GetString() == node.Address.ToString()
                    && activeSum == hosted
                    && root.GetProperty("sessions").GetProperty("active").GetInt32() == activeSum
                    && root.GetProperty("sessions").GetProperty("total_created").GetInt64() == createdSum
                    && cluster.GetProperty("totals").GetProperty("active").GetInt32() == activeSum
                    && createdSum >= sessions.Count;
            }, deadline, $"health on {node.Address} to show the cluster's counters");
        }
    }

    [Fact]
    public void Every_wire_message_is_bound_to_the_project_serializer_and_unbound_types_fail()
    {
        var system = Node(0).System;
        foreach (var message in WireMessageSamples.All(system.DeadLetters))
        {
            var serializer = system.Serialization.FindSerializerFor(message);
            Assert.IsType<EchoMessageSerializer>(serializer);
            var bytes = serializer.ToBinary(message);
            var back = system.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
            Assert.IsType(message.GetType(), back);
        }
        // Strict serialization in cluster mode: no silent fallback for a type without a binding.
        Assert.ThrowsAny<Exception>(() => system.Serialization.FindSerializerFor(new Unbound("x")));
    }

    private async Task<string> SessionNotHostedOn(ClusterNode node)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var session = await Node(attempt % 3).Mcp.Initialize();
            if ((await Cluster.HostOf(session)) != node)
            {
                return session;
            }
        }
        throw new InvalidOperationException($"30 sessions in a row landed on {node.Address}");
    }

    private sealed record Unbound(string Value);
}
