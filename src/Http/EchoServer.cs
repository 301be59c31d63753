using System.Net;
using Akka.Hosting;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Health;
using AkkaMcpEcho.Http.Mcp;
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
        var cluster = ClusterSettings.From(builder.Configuration, settings.AskTimeout);
        builder.Logging.SetMinimumLevel(settings.LogLevel);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The endpoint enforces the exact limit with a JSON-RPC 413; this only stops Kestrel reading further.
            kestrel.Limits.MaxRequestBodySize = settings.Profile.MaxMessageBytes + 1L;
            kestrel.Listen(Address(settings.Host), settings.Port);
        });

        builder.Services
            .AddSingleton(settings)
            .AddSingleton(settings.Profile)
            .AddSingleton(cluster)
            .AddSingleton<SessionGateway>()
            .AddSingleton<SessionStreams>()
            .AddMcpEndpoint()
            .AddAkka(ActorSystemName, akka => akka
                .AddHocon(Hocon("akka.hocon"), HoconAddMode.Prepend)
                .ConfigureLoggers(loggers =>
                {
                    loggers.ClearLoggers();
                    loggers.AddLoggerFactory();
                })
                .WithSessions(settings.Profile, cluster, Hocon));

        var app = builder.Build();
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
