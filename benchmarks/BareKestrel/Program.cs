using System.Net;
using AkkaMcpEcho.Benchmarks.BareKestrel;

// The ceiling for the benchmark: Kestrel and a handler that does the least a JSON-RPC echo can do (scan the body for id,
// method and message; write the answer). No sessions, no validation, no routing. Usage: BareKestrel --port=<port>
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var port = builder.Configuration.GetValue("port", 3002);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, port);
});
var app = builder.Build();
app.Run(EchoHandler.Handle);
await app.RunAsync();
