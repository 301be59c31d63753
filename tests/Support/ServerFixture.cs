namespace AkkaMcpEcho.Tests.Support;

/// <summary>One real server shared by the tests of a class (xunit class fixture); subclasses choose the settings.</summary>
public abstract class ServerFixture(params (string Key, string Value)[] settings) : IAsyncLifetime
{
    private EchoServerHost? _server;

    public EchoServerHost Server => _server ?? throw new InvalidOperationException("The server has not started");

    public async Task InitializeAsync() =>
        _server = await EchoServerHost.Start(settings.ToDictionary(setting => setting.Key, setting => (string?)setting.Value));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The tests of a class that share one <typeparamref name="TServer"/>.</summary>
public abstract class ServerTests<TServer>(TServer fixture) : IClassFixture<TServer> where TServer : ServerFixture
{
    protected EchoServerHost Server => fixture.Server;
}

/// <summary>A server with the default settings.</summary>
public sealed class DefaultServer() : ServerFixture;

/// <summary>A server that also offers 2025-11-25, where invalid tool arguments become isError results.</summary>
public sealed class AllVersionsServer() : ServerFixture(("MCP_PROTOCOL_VERSIONS_SUPPORTED", Versions))
{
    public const string Versions = "2025-11-25,2025-06-18,2025-03-26,2024-11-05";
}

/// <summary>A server that stops at 2025-06-18, listed explicitly so its tests do not depend on the default list.</summary>
public sealed class UpTo20250618Server() : ServerFixture(("MCP_PROTOCOL_VERSIONS_SUPPORTED", Versions))
{
    public const string Versions = "2025-06-18,2025-03-26,2024-11-05";
}
