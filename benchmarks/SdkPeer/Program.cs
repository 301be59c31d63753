using System.Net;
using AkkaMcpEcho.Benchmarks.SdkPeer;
using ModelContextProtocol.AspNetCore;

// The peer for the benchmark: what a .NET user would build with the official MCP C# SDK, in stateful mode, one echo tool.
// Usage: SdkPeer --port=<port> [--max-idle-sessions=<count>]
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var port = builder.Configuration.GetValue("port", 3001);
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
        http.SessionMode = HttpServerSessionMode.Stateful;
        // The default (10,000) would close the oldest idle sessions during the idle-memory measurement.
#pragma warning disable MCP9006 // Stateful mode is the point of this peer: it is what a stateful server compares with.
        http.MaxIdleSessionCount = maxIdle;
#pragma warning restore MCP9006
    })
    .WithTools<EchoTools>();

var app = builder.Build();
app.MapGet("/health", () => Results.Text("ok"));
app.MapMcp("/mcp");
await app.RunAsync();
