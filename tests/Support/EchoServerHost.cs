using AkkaMcpEcho.Http;
using AkkaMcpEcho.Http.Bootstrap;
using AkkaMcpEcho.Http.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>The real server (Kestrel + actor system) in this process on a free 127.0.0.1 port, and a raw client to it.</summary>
public sealed class EchoServerHost : RawMcpClient, IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["MCP_ECHO_HOST"] = "127.0.0.1",
        ["MCP_ECHO_PORT"] = "0",
        ["Logging:LogLevel:Default"] = "Warning",
        // Generous for a loaded CI machine; a test that needs the default passes its own value, or null.
        ["MCP_ASK_TIMEOUT"] = "30",
    };

    private readonly WebApplication _app;
    private bool _stopped;

    private EchoServerHost(WebApplication app, HttpClient http, LogLines logs) : base(http)
    {
        _app = app;
        Logs = logs;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>What the server logged, when started by <see cref="StartCapturingLogs"/>.</summary>
    public LogLines Logs { get; }

    /// <param name="settings">
    /// Configuration keys as the environment would give them, e.g. MCP_MAX_SESSIONS, over the test defaults; a null value
    /// removes a default, so the server's own applies.
    /// </param>
    /// <param name="configure">More changes to the host before it is built (services a test adds).</param>
    public static Task<EchoServerHost> Start(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null) =>
        Start(settings, configure, new LogLines());

    /// <summary>A server whose every log line is kept in <see cref="Logs"/>; the log level is Trace unless set.</summary>
    public static Task<EchoServerHost> StartCapturingLogs(IDictionary<string, string?> settings)
    {
        var logs = new LogLines();
        var withTrace = new Dictionary<string, string?>(settings);
        withTrace.TryAdd("Logging:LogLevel:Default", "Trace");
        return Start(withTrace, builder => builder.Logging.AddProvider(logs), logs);
    }

    /// <summary><paramref name="under"/> with the values of <paramref name="over"/> put over it.</summary>
    public static Dictionary<string, string?> Overlay(IDictionary<string, string?> under, IDictionary<string, string?>? over)
    {
        var merged = new Dictionary<string, string?>(under);
        foreach (var (key, value) in over ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }
        return merged;
    }

    /// <summary>A graceful stop as on SIGTERM: HTTP stops, then the actor system shuts down (and leaves its cluster). Once.</summary>
    public async Task Stop()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Stop();
        await _app.DisposeAsync();
    }

    private static async Task<EchoServerHost> Start(IDictionary<string, string?>? settings, Action<WebApplicationBuilder>? configure,
        LogLines logs)
    {
        var config = Overlay(Defaults, settings).Where(setting => setting.Value is not null);
        var app = EchoServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            configure?.Invoke(builder);
        });
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(startTimeout.Token);
        // With cluster discovery the server listens on the management port too (bootstrap's contact point).
        var cluster = app.Services.GetRequiredService<EchoSettings>().Cluster;
        var management = ContactPoint.Serves(cluster) ? $":{cluster.Options.Discovery.ManagementPort}" : null;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single(address => management is null || !address.EndsWith(management, StringComparison.Ordinal))
            // A server bound to every interface (tests of a network bind) is still reached on loopback only.
            .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal);
        return new EchoServerHost(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) }, logs);
    }
}
