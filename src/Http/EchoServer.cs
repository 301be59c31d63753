using System.Net;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Actors.Tools;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Cors;
using AkkaMcpEcho.Http.Health;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Http.Security;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Streams;

namespace AkkaMcpEcho.Http;

/// <summary>Composes the server: configuration, Kestrel, the actor system, and the endpoints.</summary>
public static class EchoServer
{
    public const string ActorSystemName = "akka-mcp-echo";

    /// <param name="customize">A hook for hosts that embed the server (tests add in-memory configuration here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddCommandLine(args, EchoSettings.CommandLineSwitches.ToDictionary());
        customize?.Invoke(builder);

        var settings = EchoSettings.From(builder.Configuration);
        var origins = OriginPolicy.From(builder.Configuration, settings.Host, settings.Cors);
        var cluster = ClusterSettings.From(builder.Configuration, settings.AskTimeout);
        builder.Logging.SetMinimumLevel(settings.LogLevel);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A backstop for routes that take no body: POST /mcp lifts it per request and enforces the exact limit
            // itself with a JSON-RPC 413 (RequestBody).
            kestrel.Limits.MaxRequestBodySize = settings.Profile.MaxMessageBytes + 1L;
            kestrel.Listen(Address(settings.Host), settings.Port);
        });

        builder.Services
            .AddSingleton(settings)
            .AddSingleton(settings.Profile)
            .AddSingleton(origins)
            .AddSingleton(ConformanceMode.From(builder.Configuration))
            .AddSingleton(KeepAlivePings.From(builder.Configuration))
            .AddSingleton(cluster)
            .AddSingleton<SessionGateway>()
            .AddSingleton<ClientFaults>()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<SessionStreams>()
            .AddMcpEndpoint()
            .AddEchoCors(settings.Cors)
            .AddSingleton(new HostFactsSource(ConfigurationFacts.From(
                settings.EffectiveValues(builder.Configuration), builder.Configuration.AsEnumerable(), settings.Features, settings.Cors)))
            .AddAkka(ActorSystemName, akka => akka
                .AddHocon(Hocon("akka.hocon"), HoconAddMode.Prepend)
                .ConfigureLoggers(loggers =>
                {
                    loggers.ClearLoggers();
                    loggers.AddLoggerFactory();
                })
                .WithSessions(settings.Profile, cluster, Hocon));

        var app = builder.Build();
        // Built now, so a bad MCP_TOOLS_PAGE_SIZE stops the server at start rather than at the first tools/list.
        app.Services.GetRequiredService<ToolPages>();
        app.UseRequestLog();
        app.UseAskTimeouts();
        app.UseOriginGuard(origins);
        app.UseEchoCors();
        app.MapHealth();
        app.MapMcp();
        return app;
    }

    private static IPAddress Address(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address
        : throw new InvalidOperationException($"MCP_ECHO_HOST={host}: expected an IP address such as 127.0.0.1, 0.0.0.0 or ::");

    private static Akka.Configuration.Config Hocon(string file) =>
        Akka.Configuration.ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", file)));
}
