using System.Collections.Immutable;
using System.Text.Json;
using Akka.Actor;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>One non-trivial instance of every message type that may cross nodes.</summary>
public static class WireMessageSamples
{
    private const string Id = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

    public static IReadOnlyList<IEchoMessage> All(IActorRef stream)
    {
        var stats = new RegistryStats(3, 12, 4, 5, 1, 638_000_000_000_000_000);
        var request = new RequestFacts("POST", "/mcp", "127.0.0.1", 638_000_000_000_000_001,
            [new HeaderField("Accept", "application/json, text/event-stream"), new HeaderField("X-Émoji", "🐐 \"quoted\"")]);
        return
        [
            new StartSession(Id, "2025-06-18", new ClientInfo("client ✨", null), 638_000_000_000_000_002),
            new TouchSession(Id, "tools/list"),
            new CallTool(Id, "echo", JsonElement.Parse("""{"message":"héllo\n\u0001","uppercase":true,"n":[1,2.5,null]}"""), request),
            new EndSession(Id),
            new SetLogLevel(Id, "info"),
            new SessionStarted(Id, "2025-03-26"),
            new SessionNotFound(Id),
            new SessionTouched(Id, "2024-11-05"),
            new SessionEnded(Id),
            new ToolCallReply(Id, "HELLO 🐐\nSession: x", IsError: true, InvalidParams: true),
            new CreateSession("2025-11-25", new ClientInfo(null, "1.0") { DeclaresSampling = true, DeclaresElicitation = true }),
            new SessionLimitReached(1000),
            GetRegistryStats.Instance,
            stats with
            {
                Active = 5,
                Nodes =
                [
                    new NodeCounts("akka.tcp://akka-mcp-echo@127.0.0.1:4051", 3, 12, 4, 5),
                    new NodeCounts("akka.tcp://akka-mcp-echo@127.0.0.1:4052 ✨", 2, 0, 0, 0),
                ],
            },
            new AttachStream(Id, stream),
            new StreamAttached(Id, 7),
            new PublishEvent(Id, """{"jsonrpc":"2.0","method":"notifications/message"}"""),
            new SessionEvent(42, """{"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info"}}"""),
            new SessionEvent(0, "", Label: "call-3/1", RetryMs: 500),
            new ResumeStream(Id, stream, 41),
            new ResumeRefused(Id, "Last-Event-ID 99 was never sent"),
            new StreamCall(Id, new CallTool(Id, "test_tool_with_progress", JsonElement.Parse("{}"), request), "\"r-1\"", "7", stream, Fixtures: true),
            new CancelRequest(Id, "\"r-1\""),
            new ClientResponse(Id, "5", """{"jsonrpc":"2.0","id":5,"result":{"content":{"type":"text","text":"ok"}}}"""),
            new ResumeCall(Id, "call-3", 2, stream),
            new NodeSessionStats("akka.tcp://akka-mcp-echo@127.0.0.1:4051", stats),
            new NodeLeaving("akka.tcp://akka-mcp-echo@127.0.0.1:4053"),
            GetClusterStats.Instance,
            new ClusterSessionStats("akka.tcp://akka-mcp-echo@127.0.0.1:4051",
                [new NodeSessionStats("akka.tcp://akka-mcp-echo@127.0.0.1:4051", stats),
                 new NodeSessionStats("akka.tcp://akka-mcp-echo@127.0.0.1:4052", stats with { Active = 0 })],
                stats with { Active = 6 }),
        ];
    }

    /// <summary>Every concrete type marked <see cref="IEchoMessage"/> in the project's assemblies.</summary>
    public static IReadOnlySet<Type> DeclaredTypes() =>
        new[] { typeof(IEchoMessage).Assembly, typeof(SessionNode).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => typeof(IEchoMessage).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
            .ToHashSet();
}
