using System.Text;
using System.Text.Json;
using AkkaMcpEcho.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaMcpEcho.Http.Tests;

/// <summary>The real server (Kestrel + actor system) on a free 127.0.0.1 port, for one test class or one test.</summary>
public sealed class EchoServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoServerHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }
    public Uri McpEndpoint => new(BaseAddress, "/mcp");
    public HttpClient Http { get; }

    /// <param name="settings">Configuration keys as the environment would give them, e.g. MCP_MAX_SESSIONS.</param>
    /// <param name="configure">More changes to the host before it is built (services a test adds).</param>
    public static async Task<EchoServerHost> Start(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["MCP_ECHO_HOST"] = "127.0.0.1",
            ["MCP_ECHO_PORT"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            // Generous for a loaded CI machine; a test that needs the default passes its own value.
            ["MCP_ASK_TIMEOUT"] = "30",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        var app = EchoServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new EchoServerHost(app, new Uri(address));
    }

    /// <summary>A raw POST to /mcp with the headers a conforming client sends; <paramref name="sessionId"/> when known.</summary>
    public Task<HttpResponseMessage> Post(string json, string? sessionId = null, string accept = "application/json, text/event-stream",
        string contentType = "application/json") =>
        Http.SendAsync(CreatePost(json, sessionId, accept, contentType));

    /// <summary>
    /// The request <see cref="Post"/> sends, for tests that change it first. A null <paramref name="accept"/> or
    /// <paramref name="contentType"/> leaves that header out.
    /// </summary>
    public static HttpRequestMessage CreatePost(string json, string? sessionId = null,
        string? accept = "application/json, text/event-stream", string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return WithHeaders(request, sessionId, accept);
    }

    /// <summary>A bodiless request to /mcp (GET, DELETE, PUT, ...) with an optional session id and Accept header.</summary>
    public static HttpRequestMessage CreateRequest(HttpMethod method, string? sessionId = null, string? accept = null) =>
        WithHeaders(new HttpRequestMessage(method, "/mcp"), sessionId, accept);

    /// <summary>DELETE /mcp for <paramref name="sessionId"/> (none when null).</summary>
    public Task<HttpResponseMessage> Delete(string? sessionId) => Http.SendAsync(CreateRequest(HttpMethod.Delete, sessionId));

    /// <summary>GET /health, parsed.</summary>
    public async Task<JsonElement> Health()
    {
        using var response = await Http.GetAsync("/health");
        response.EnsureSuccessStatusCode();
        return JsonElement.Parse(await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage WithHeaders(HttpRequestMessage request, string? sessionId, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (sessionId is not null)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Session-Id", sessionId);
        }
        return request;
    }

    /// <summary>Initializes a session with a raw POST and returns its id.</summary>
    public async Task<string> Initialize(string protocolVersion = "2025-06-18", string clientName = "raw-test")
    {
        using var response = await Post($$"""
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"{{protocolVersion}}","capabilities":{},"clientInfo":{"name":"{{clientName}}","version":"1.0"} } }
            """);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Mcp-Session-Id").Single();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
