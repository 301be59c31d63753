using System.Net;

namespace AkkaMcpEcho.Http.Tests.Sessions;

/// <summary>DELETE /mcp ends a session; a session idle past MCP_SESSION_TIMEOUT expires. Either way: 404 after.</summary>
public sealed class SessionLifecycleTests(DefaultServer fixture) : ServerTests<DefaultServer>(fixture)
{
    [Fact]
    public async Task Delete_without_a_session_is_400_and_with_an_unknown_one_404()
    {
        var missing = await RpcResponse.Read(Server.Delete(null));
        var unknown = await RpcResponse.Read(Server.Delete("never-issued"));

        Assert.Contains("Mcp-Session-Id", missing.AssertError(HttpStatusCode.BadRequest, -32000));
        unknown.AssertSessionNotFound("never-issued");
    }

    [Fact]
    public async Task After_delete_every_use_of_the_session_is_404()
    {
        var session = await RawSession.Start(Server);
        await session.Echo("last words");

        var deleted = await session.Delete();

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("", deleted.Text);
        (await session.CallTool("replayLastEcho")).AssertSessionNotFound(session.Id);
        (await session.Request("tools/list")).AssertSessionNotFound(session.Id);
        (await session.Request("ping")).AssertSessionNotFound(session.Id);
        (await session.Request("logging/setLevel", """{"level":"info"}""")).AssertSessionNotFound(session.Id);
        (await session.Post(Requests.Initialized)).AssertSessionNotFound(session.Id);
        (await session.Request("no/such/method")).AssertSessionNotFound(session.Id);
        var stream = await RpcResponse.Read(Server.Http.SendAsync(
            RawMcpClient.CreateRequest(HttpMethod.Get, session.Id, "text/event-stream")));
        stream.AssertSessionNotFound(session.Id);
        (await session.Delete()).AssertSessionNotFound(session.Id);
    }

    [Fact]
    public async Task Deleting_one_session_leaves_the_others_alone()
    {
        var doomed = await RawSession.Start(Server);
        var survivor = await RawSession.Start(Server);
        await survivor.Echo("one");

        Assert.Equal(HttpStatusCode.OK, (await doomed.Delete()).Status);

        await survivor.AssertIntact(1);
    }
}

public sealed class ShortTimeoutServer() : ServerFixture(("MCP_SESSION_TIMEOUT", "1"));

public sealed class SessionExpiryTests(ShortTimeoutServer fixture) : ServerTests<ShortTimeoutServer>(fixture)
{
    [Fact]
    public async Task An_idle_session_expires_and_then_answers_404()
    {
        // No second request before the wait: on a loaded machine it could already meet an expired session.
        var session = await RawSession.Start(Server);

        // Polling the session itself would keep it alive; /health counts expiries without touching it.
        await Eventually.Until(
            async () => (await Server.Health()).GetProperty("sessions").GetProperty("expired").GetInt64(),
            expired => expired >= 1, TimeSpan.FromSeconds(20), "the idle session expires");

        (await session.CallTool("replayLastEcho")).AssertSessionNotFound(session.Id);
        (await session.Post(Requests.Initialized)).AssertSessionNotFound(session.Id);
        (await session.Delete()).AssertSessionNotFound(session.Id);
        var health = await Server.Health();
        Assert.Equal(0, health.GetProperty("sessions").GetProperty("active").GetInt32());
    }
}
