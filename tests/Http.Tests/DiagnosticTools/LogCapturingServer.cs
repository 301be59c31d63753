using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AkkaMcpEcho.Http.Tests.DiagnosticTools;

/// <summary>The real server on a free 127.0.0.1 port with every log line it writes kept in memory.</summary>
internal sealed class LogCapturingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LogCapturingServer(WebApplication app, Uri baseAddress, LogLines lines)
    {
        _app = app;
        McpEndpoint = new Uri(baseAddress, "/mcp");
        Lines = lines;
    }

    public Uri McpEndpoint { get; }
    public LogLines Lines { get; }

    public static async Task<LogCapturingServer> Start(IDictionary<string, string?> settings)
    {
        var config = new Dictionary<string, string?>(settings)
        {
            ["MCP_ECHO_HOST"] = "127.0.0.1",
            ["MCP_ECHO_PORT"] = "0",
        };
        config.TryAdd("Logging:LogLevel:Default", "Trace");
        var lines = new LogLines();
        var app = EchoServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.AddProvider(lines);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new LogCapturingServer(app, new Uri(address), lines);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed class LogLines : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> All => _lines;

        public ILogger CreateLogger(string categoryName) => new Capture(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Capture(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {state} {exception}");
        }
    }
}
