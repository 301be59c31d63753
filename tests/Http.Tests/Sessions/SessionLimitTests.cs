using System.Net;

namespace AkkaMcpEcho.Http.Tests.Sessions;

public sealed class SmallSessionLimitServer() : ServerFixture(("MCP_MAX_SESSIONS", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)))
{
    public const int Limit = 3;
}

/// <summary>MCP_MAX_SESSIONS at its edge: exactly N sessions, the next initialize is 503, the N live ones are untouched.</summary>
public sealed class SessionLimitTests(SmallSessionLimitServer fixture) : ServerTests<SmallSessionLimitServer>(fixture)
{
    private const int Limit = SmallSessionLimitServer.Limit;

    [Fact]
    public async Task The_session_past_the_limit_is_refused_and_the_others_keep_working()
    {
        var sessions = new List<RawSession>();
        for (var i = 0; i < Limit; i++)
        {
            sessions.Add(await RawSession.Start(Server));
            Assert.Equal(1, await sessions[^1].Echo($"session {i}"));
        }

        var refused = await RpcResponse.Read(Server.Post(Requests.Initialize(id: 42)));

        var message = refused.AssertError(HttpStatusCode.ServiceUnavailable, -32000, "42");
        Assert.Contains($"session limit reached ({Limit} active sessions, MCP_MAX_SESSIONS)", message);
        Assert.Null(refused.Header("Mcp-Session-Id"));
        foreach (var session in sessions)
        {
            await session.AssertIntact(1);
        }
        var health = (await Server.Health()).GetProperty("sessions");
        Assert.Equal(Limit, health.GetProperty("active").GetInt32());
        Assert.True(health.GetProperty("rejected").GetInt64() >= 1);

        // Ending one frees exactly one place.
        Assert.Equal(HttpStatusCode.OK, (await sessions[0].Delete()).Status);
        var replacement = await RawSession.Start(Server);
        Assert.Equal(1, await replacement.Echo("in the freed place"));
        (await RpcResponse.Read(Server.Post(Requests.Initialize(id: 43))))
            .AssertError(HttpStatusCode.ServiceUnavailable, -32000, "43");

        foreach (var session in sessions.Skip(1).Append(replacement))
        {
            Assert.Equal(HttpStatusCode.OK, (await session.Delete()).Status);
        }
    }

    [Fact]
    public async Task Concurrent_initializes_at_the_edge_admit_exactly_the_limit()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, Limit * 4)
            .Select(i => RpcResponse.Read(Server.Post(Requests.Initialize(id: i)))));

        var admitted = attempts.Where(a => a.Status == HttpStatusCode.OK).ToList();
        Assert.Equal(Limit, admitted.Count);
        Assert.All(attempts.Where(a => a.Status != HttpStatusCode.OK),
            a => a.AssertError(HttpStatusCode.ServiceUnavailable, -32000, a.Json.GetProperty("id").GetRawText()));
        foreach (var session in admitted.Select(a => new RawSession(Server, a.Header("Mcp-Session-Id")!)))
        {
            await session.AssertIntact(0);
            Assert.Equal(HttpStatusCode.OK, (await session.Delete()).Status);
        }
    }

    [Fact]
    public async Task The_sdk_client_cannot_connect_while_the_server_is_full()
    {
        var sessions = new List<RawSession>();
        for (var i = 0; i < Limit; i++)
        {
            sessions.Add(await RawSession.Start(Server));
        }

        await Assert.ThrowsAnyAsync<Exception>(() => SdkClient.Connect(Server));

        Assert.Equal(HttpStatusCode.OK, (await sessions[0].Delete()).Status);
        await using (var client = await SdkClient.Connect(Server))
        {
            Assert.EndsWith("Echo count in session: 1", await client.Echo("room again"));
        }
        await Eventually.Until(
            async () => (await Server.Health()).GetProperty("sessions").GetProperty("active").GetInt32(),
            active => active == Limit - 1, TimeSpan.FromSeconds(20), "the disposed client's session ends");
        foreach (var session in sessions.Skip(1))
        {
            Assert.Equal(HttpStatusCode.OK, (await session.Delete()).Status);
        }
    }
}
