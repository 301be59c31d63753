using System.Net;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Faults;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Actors.Store;
using AkkaMcpEcho.Http.Auth;
using AkkaMcpEcho.Http.Bootstrap;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Cors;
using AkkaMcpEcho.Http.Faults;
using AkkaMcpEcho.Http.Health;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Http.Security;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Streams;
using AkkaMcpEcho.Http.Telemetry;
using AkkaMcpEcho.Http.Traffic;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Protocol.Stateless;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http;

/// <summary>Composes the server: configuration, Kestrel, the actor system, and the endpoints.</summary>
public static class EchoServer
{
    public const string ActorSystemName = "akka-mcp-echo";

    /// <param name="customize">A hook for hosts that embed the server (tests add in-memory configuration here).</param>
    /// <exception cref="SettingsException">A setting is invalid; the message names every one.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddCommandLine(args, SettingsTable.Switches);
        customize?.Invoke(builder);

        var settings = EchoSettings.From(builder.Configuration);
        var faultBoard = new FaultBoard();
        builder.Logging.SetMinimumLevel(settings.LogLevel);
        builder.AddEchoTelemetry(settings);
        // OpenIddict writes every token it creates, whole, at Trace: the lab's logs stop at Debug.
        builder.Logging.AddFilter("OpenIddict", LogLevel.Debug);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A backstop for routes that take no body: POST /mcp lifts it per request and enforces the exact limit
            // itself with a JSON-RPC 413 (RequestBody).
            kestrel.Limits.MaxRequestBodySize = settings.Profile.MaxMessageBytes + 1L;
            kestrel.Listen(Address(settings.Host), settings.Port);
            if (ContactPoint.Serves(settings.Cluster))
            {
                kestrel.Listen(Address(settings.Cluster.Options.Hostname), settings.Cluster.Options.Discovery.ManagementPort);
            }
        });

        builder.Services
            .AddSingleton(settings)
            .AddSingleton(settings.Profile)
            .AddSingleton(settings.Origins)
            .AddSingleton(new KeepAlivePings(settings.KeepAlivePing))
            .AddSingleton(ToolPages.ForSessions(settings.Profile.Fixtures, settings.ToolsPageSize, settings.Profile.FaultTool))
            .AddSingleton<SessionGateway>()
            .AddSingleton<ClientFaults>()
            .AddSingleton<Taps>()
            .AddSingleton<McpTap, RequestLog>()
            .AddSingleton<McpTap, FaultTap>()
            .AddSingleton<McpTap, TrafficRecorder>()
            .AddSingleton<McpTap, TelemetryTap>()
            .AddSingleton(faultBoard)
            .AddSingleton<FaultGate>()
            .AddSingleton<AdminAccess>()
            .AddTraffic()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(services => new RequestStates(settings.RequestStateKey ?? RequestStates.NewKey(),
                services.GetRequiredService<TimeProvider>(), TimeSpan.FromMinutes(10)))
            .AddSingleton<SessionStreams>()
            .AddMcpEndpoint()
            .AddEchoAuth(settings.Auth)
            .AddEchoCors(settings.Cors)
            .AddProbes()
            .AddSingleton(new HostFactsSource(ConfigurationFacts.From(
                settings.Shown, builder.Configuration.AsEnumerable(), settings.Features, settings.Cors)))
            .AddAkka(ActorSystemName, akka => akka
                .AddHocon(Hocon("akka.hocon"), HoconAddMode.Prepend)
                .ConfigureLoggers(loggers =>
                {
                    loggers.ClearLoggers();
                    loggers.AddLoggerFactory();
                })
                .WithSessions(settings.Profile, settings.Cluster.Enabled ? settings.Cluster.Options : null, () => Hocon("cluster.hocon"))
                .WithSessionStore(settings.Store, settings.Profile, () => Hocon("persistence.hocon"))
                .WithGlobalFaults(faultBoard, settings.Cluster.Enabled));

        var app = builder.Build();
        if (settings.RequestStateKey is null && settings.Cluster.Enabled)
        {
            app.Logger.LogWarning("MCP_REQUEST_STATE_KEY is not set: this node made its own key, so a 2026-07-28 retry whose "
                + "requestState another node issued is refused here; give every node the same key");
        }
        app.UseContactPoint(settings.Cluster);
        app.MapTelemetry(settings);
        app.Services.GetRequiredService<Taps>().Use(app, McpEndpoints.Path);
        app.UseAskTimeouts();
        app.UseOriginGuard(settings.Origins, McpEndpoints.Path, TrafficEndpoints.Path, FaultEndpoints.Path);
        app.UseEchoCors();
        app.UseTrafficAccess();
        app.UseFaultsAccess();
        app.UseEchoAuth(settings.Auth);
        app.MapHealth();
        app.MapProbes();
        app.MapEchoAuth(settings.Auth);
        app.MapMcp();
        app.MapTraffic();
        app.MapFaults(settings);
        return app;
    }

    private static IPAddress Address(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Parse(host);

    private static Akka.Configuration.Config Hocon(string file) =>
        Akka.Configuration.ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", file)));
}
