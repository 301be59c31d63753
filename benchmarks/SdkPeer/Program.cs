using System.Net;
using AkkaMcpEcho.Benchmarks.SdkPeer;
using ModelContextProtocol.AspNetCore;

// The peer for the benchmark: what a .NET user would build with the official MCP C# SDK, one echo tool, in either mode:
// stateful (2025 sessions: initialize, Mcp-Session-Id) or stateless (the SDK's default since 2026-07-28: every request
// carries everything itself).
// Usage: SdkPeer --port=<port> [--mode=stateful|stateless] [--max-idle-sessions=<count>]
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var port = builder.Configuration.GetValue("port", 3001);
var mode = builder.Configuration.GetValue("mode", "stateful") switch
{
    "stateful" => HttpServerSessionMode.Stateful,
    "stateless" => HttpServerSessionMode.Stateless,
    var other => throw new ArgumentException($"--mode={other}: expected stateful or stateless"),
};
var maxIdle = builder.Configuration.GetValue("max-idle-sessions", 200_000);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, port);
});
builder.Services
    .AddMcpServer(options => options.ServerInfo = new() { Name = "sdk-peer", Version = "1.0.0" })
    .WithHttpTransport(http =>
    {
        http.SessionMode = mode;
        if (mode == HttpServerSessionMode.Stateful)
        {
            // The default (10,000) would close the oldest idle sessions during the idle-memory measurement.
#pragma warning disable MCP9006 // Stateful mode is the point of this peer: it is what a stateful server compares with.
            http.MaxIdleSessionCount = maxIdle;
#pragma warning restore MCP9006
        }
    })
    .WithTools<EchoTools>();

var app = builder.Build();
app.MapGet("/health", () => Results.Text("ok"));
app.MapMcp("/mcp");
await app.RunAsync();
