using System.Collections.Immutable;
using System.Text.Json;
using Akka.Actor;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Auth;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Cluster;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Store;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Messages.Traffic;

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
            new SessionAnswer<SessionTouched>(Id, new SessionTouched("2024-11-05", ToolsChanged: true)) { Fault = Rule },
            new SessionAnswer<SessionTouched>(Id, null),
            new CallTool(Id, "echo", JsonElement.Parse("""{"message":"héllo\n\u0001","uppercase":true,"n":[1,2.5,null]}"""), request),
            new CallTool(Id, "requestTiming", JsonElement.Parse("{}"), request with
            {
                Trace = new TraceFacts("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "vendor=é", "user=🐐",
                    "00-4bf92f3577b34da6a3ce929d0e0e4736-53995c3f42cd8ad8-01"),
            }, ViaHandle: true),
            new SessionAnswer<ToolCallReply>(Id, new ToolCallReply("HELLO 🐐\nSession: x", IsError: true, InvalidParams: true)),
            new EndSession(Id),
            new AbandonStart(Id),
            new SessionAnswer<SessionEnded>(Id, new SessionEnded(12_345)),
            new SetLogLevel(Id, "info"),
            new SessionAnswer<LogLevelSet>(Id, new LogLevelSet("info")),
            new CreateSession("2025-11-25", new ClientInfo(null, "1.0") { DeclaresSampling = true, DeclaresElicitation = true }),
            new SessionCreation(Id, "2025-03-26"),
            new SessionCreation(null, "2025-03-26", RefusedAtLimit: 1000),
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
            new SessionAnswer<StreamBound>(Id, new StreamBound(7, FirstEventId: 3, GapWarnings: true)),
            new SessionAnswer<StreamBound>(Id, StreamBound.Refusal("Last-Event-ID 99 was never sent")),
            new PublishEvent(Id, new ServerNotification("notifications/message", """{"level":"info","data":"✨"}""")),
            new SessionEvent(42, new ServerNotification("notifications/tools/list_changed", null)),
            new SessionEvent(43, new ServerRequest("\"call-1:1\"", "sampling/createMessage", """{"maxTokens":5}""")),
            new SessionEvent(44, new ServerResult("7", """{"content":[]}""")),
            new SessionEvent(45, new ServerError(null, -32602, "Invalid params", """{"uri":"x"}""")),
            new SessionEvent(0, null, Label: "call-3/1", RetryMs: 500),
            new ResumeStream(Id, stream, 41),
            // A request judged by the resource server (MCP_AUTH_MODE lab): the verdict travels with its facts.
            new StreamCall(new CallTool(Id, "test_tool_with_progress", JsonElement.Parse("{}"), request with
            {
                Verdict = new TokenVerdict("lab", true, "accepted", true, "http://127.0.0.1:3000/", ["http://127.0.0.1:3000/mcp"],
                    "http://127.0.0.1:3000/mcp", 638_000_000_000_000_009, ["mcp:basic", "mcp:echo"]),
            }), "\"r-1\"", "7", stream),
            new SessionAnswer<CallStreaming>(Id, new CallStreaming("call-3")),
            new CancelRequest(Id, "\"r-1\""),
            new SessionAnswer<CancelNoted>(Id, new CancelNoted(true)),
            new ClientResponse(Id, "5", """{"jsonrpc":"2.0","id":5,"result":{"content":{"type":"text","text":"ok"}}}"""),
            new SessionAnswer<ResponseRouted>(Id, new ResponseRouted(false)),
            new ResumeCall(Id, "call-3", 2, stream),
            new Listen(stream, "\"listen-1\"", new ListenFilter(true, false, true, ["test://static-text"])),
            new ListChanged("resource", "test://static-text"),
            new RecordExchange(Id, [Exchange(request)]),
            new GetSessionTraffic(Id),
            new SessionAnswer<SessionTraffic>(Id, new SessionTraffic([Exchange(request)], 3,
                SessionState.Start(new StartSession(Id, "2026-07-28", ClientInfo.Unknown, 5, SessionKind.Handle)) with { Faults = [Rule], ToolsChanged = true })),
            new RecordTraffic(Exchange(request)),
            new GetTraffic(50, AllNodes: true),
            new GetTraffic(50, AllNodes: false, Session: Id),
            new TrafficSlice([Exchange(request), Exchange(request) with { Sequence = 8 }], 12),
            new WatchTraffic(stream),
            new AkkaMcpEcho.Actors.Traffic.TrafficLog.TrafficSeen(Exchange(request)),
            new ApplyFault(Id, new FaultAction(FaultEffect.ExpireSession)),
            new SessionAnswer<FaultApplied>(Id, new FaultApplied(true)),
            new FaultRulesChanged([Rule, Rule with { Id = "g2", Remaining = null, Probability = 100 }], 638_000_000_000_000_004),
            new AddFaultRule(Rule),
            new RemoveFaultRules("g1"),
            GetFaultRules.Instance,
            new FaultRuleList([Rule], Added: Rule, Refusal: "no global rule 'g9' ✨"),
            new NodeSessionStats("akka.tcp://akka-mcp-echo@127.0.0.1:4051", stats),
            new NodeLeaving("akka.tcp://akka-mcp-echo@127.0.0.1:4053"),
            GetClusterStats.Instance,
            new ClusterSessionStats("akka.tcp://akka-mcp-echo@127.0.0.1:4051",
                [new NodeSessionStats("akka.tcp://akka-mcp-echo@127.0.0.1:4051", stats),
                 new NodeSessionStats("akka.tcp://akka-mcp-echo@127.0.0.1:4052", stats with { Active = 0 })],
                stats with { Active = 6 }),
            new SessionRecorded(SessionState.Start(new StartSession(Id, "2025-06-18", new ClientInfo("client ✨", "2") { DeclaresSampling = true }, 5))
                with { EchoCount = 3, LastEcho = "héllo 🐐", LastEchoNumber = 3, LogLevel = "debug", Faults = [Rule] },
                [new SessionEvent(41, new ServerNotification("notifications/message", """{"level":"info"}""")), new SessionEvent(42, null)], 41),
            new SessionErased(638_000_000_000_000_005),
            new SessionUnavailable(Id, "The session store is unavailable: connection refused ✨"),
            new WakeSession(Id),
        ];
    }

    private static readonly FaultRule Rule = new("g1", new FaultAction(FaultEffect.Status, 503, null, 2, "busy ✨"), "tools/call", "echo", 3, 50)
    {
        ArmedUtcTicks = 638_000_000_000_000_004,
    };

    private static ExchangeRecord Exchange(RequestFacts request) => new(
        "127.0.0.1:3001", 7, 638_000_000_000_000_003, 12.5, "modern", "2026-07-28", Id, "handle", "tools/call", "3",
        "echo", "POST", "/mcp", 200, "answered", request.Headers, [new HeaderField("Content-Type", "text/event-stream")],
        new RecordedText("{\"jsonrpc\":\"2.0\"}", 17, false), null,
        [new RecordedEvent(1.25, new RecordedText("{\"x\":\"é\"}", 12, true))], 4, new RecordedError(-32020, "Header mismatch", "{\"header\":\"Mcp-Name\"}"))
    {
        Fault = "status=503 (header)",
        AuthVerdict = new AuthRefusal(new TokenVerdict("lab", false, "missing scope mcp:echo ✨", true, "http://127.0.0.1:3000/",
            ["http://127.0.0.1:3000/mcp"], "http://127.0.0.1:3000/mcp", 638_000_000_000_000_006, ["mcp:basic"]), ["mcp:basic", "mcp:echo"], ["mcp:echo"]),
    };

    /// <summary>
    /// Every concrete type marked <see cref="IEchoMessage"/> in the project's assemblies, with the answer type of every
    /// session command.
    /// </summary>
    public static IReadOnlySet<Type> DeclaredTypes()
    {
        var types = new[] { typeof(IEchoMessage).Assembly, typeof(SessionNode).Assembly }.SelectMany(assembly => assembly.GetTypes()).ToArray();
        var answers = types
            .SelectMany(type => type.GetInterfaces())
            .Where(face => face.IsGenericType && face.GetGenericTypeDefinition() == typeof(ISessionCommand<>))
            .Select(face => typeof(SessionAnswer<>).MakeGenericType(face.GetGenericArguments()));
        return types
            .Where(type => typeof(IEchoMessage).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .Concat(answers)
            .ToHashSet();
    }
}
