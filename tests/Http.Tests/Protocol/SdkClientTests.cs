using System.Net;
using AkkaMcpEcho.Actors;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace AkkaMcpEcho.Http.Tests.Protocol;

/// <summary>The real server driven by the official MCP C# SDK client (Streamable HTTP transport).</summary>
public sealed class SdkClientTests(DefaultServer fixture) : ServerTests<DefaultServer>(fixture)
{
    [Fact]
    public async Task Initialize_negotiates_a_supported_version_and_names_the_server()
    {
        await using var client = await SdkClient.Connect(Server);

        Assert.NotNull(client.ServerInfo);
        Assert.Equal(ServerProfile.Name, client.ServerInfo.Name);
        Assert.Equal(ServerProfile.Version, client.ServerInfo.Version);
        // The connector asks for SdkClient.SessionVersion, the newest version with sessions this server supports by default.
        Assert.Equal(ProtocolVersions.Negotiate(null, ServerProfile.Default.SupportedProtocolVersions), client.NegotiatedProtocolVersion);
        Assert.Equal("2025-11-25", client.NegotiatedProtocolVersion);
        Assert.NotNull(client.ServerCapabilities.Tools);
        Assert.NotNull(client.SessionId);
        Assert.All(client.SessionId, c => Assert.InRange(c, '\x21', '\x7e'));
    }

    [Fact]
    public async Task Initialize_keeps_an_older_supported_version_the_client_asks_for()
    {
        await using var client = await SdkClient.Connect(Server, protocolVersion: "2025-03-26");

        Assert.Equal("2025-03-26", client.NegotiatedProtocolVersion);
        Assert.StartsWith("hi\n", await client.Echo("hi"));
    }

    [Fact]
    public async Task Tools_list_has_the_session_tools_with_descriptions_and_schemas()
    {
        await using var client = await SdkClient.Connect(Server);

        var tools = await client.ListToolsAsync();

        Assert.Equal(["echo", "replayLastEcho", "sessionInfo"],
            tools.Select(t => t.Name).Where(name => name is "echo" or "replayLastEcho" or "sessionInfo"));
        Assert.All(tools, t => Assert.False(string.IsNullOrEmpty(t.Description)));
        Assert.All(tools, t => Assert.Equal("object", t.JsonSchema.GetProperty("type").GetString()));
        var echo = tools[0].JsonSchema;
        Assert.Equal("string", echo.GetProperty("properties").GetProperty("message").GetProperty("type").GetString());
        Assert.Equal("boolean", echo.GetProperty("properties").GetProperty("uppercase").GetProperty("type").GetString());
        Assert.Equal(["message"], echo.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Echo_replay_and_session_info_share_the_session_state()
    {
        await using var client = await SdkClient.Connect(Server, name: "state-client", version: "1.2.3");
        var session = client.SessionId;

        var (nothing, nothingIsError) = await client.Call("replayLastEcho");
        Assert.True(nothingIsError);
        Assert.Equal(ReplayLastEchoTool.NothingToReplay, nothing);

        Assert.Equal($"first 🎉\nSession: {session}\nEcho count in session: 1", await client.Echo("first 🎉"));
        Assert.Equal($"SECOND\nSession: {session}\nEcho count in session: 2", await client.Echo("second", uppercase: true));

        var (replay, replayIsError) = await client.Call("replayLastEcho");
        Assert.False(replayIsError);
        Assert.Equal("🔄 Replaying last echo:\nSECOND\nOriginal echo count: 2\nThis session has replayed 1 messages", replay);

        var (info, infoIsError) = await client.Call("sessionInfo");
        Assert.False(infoIsError);
        var fields = SessionInfoText.Parse(info);
        Assert.Equal(session, fields["Session ID"]);
        Assert.Equal("2", fields["Echo Count"]);
        Assert.Equal("1", fields["Replay Count"]);
        Assert.Equal(client.NegotiatedProtocolVersion, fields["Protocol Version"]);
        Assert.Equal("state-client v1.2.3", fields["Client"]);
        // initialize, notifications/initialized, 2 replays, 2 echoes, this call; the SDK's GET stream attach adds one.
        Assert.InRange(long.Parse(fields["Total Requests"], System.Globalization.CultureInfo.InvariantCulture), 7, 8);
    }

    [Fact]
    public async Task Delete_ends_the_session_and_later_use_answers_404()
    {
        await using var client = await SdkClient.Connect(Server);
        var session = client.SessionId!;
        Assert.StartsWith("before\n", await client.Echo("before"));

        var deleted = await RpcResponse.Read(Server.Delete(session));
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("", deleted.Text);

        await Assert.ThrowsAnyAsync<Exception>(() => client.Echo("after"));
        var raw = await RpcResponse.Read(Server.Post(Requests.Echo(5, "after"), session));
        raw.AssertSessionNotFound(session, "5");
        var again = await RpcResponse.Read(Server.Delete(session));
        again.AssertSessionNotFound(session);
    }

    [Fact]
    public async Task Disposing_the_client_ends_its_session()
    {
        string session;
        await using (var client = await SdkClient.Connect(Server))
        {
            session = client.SessionId!;
            await client.Echo("bye");
        }

        var raw = await Eventually.Until(() => RpcResponse.Read(Server.Post(Requests.ToolsList, session)),
            r => r.Status == HttpStatusCode.NotFound, TimeSpan.FromSeconds(20), "the client's DELETE ends the session");
        raw.AssertSessionNotFound(session, "1");
    }

    [Fact]
    public async Task Sessions_of_two_clients_are_separate()
    {
        await using var first = await SdkClient.Connect(Server);
        await using var second = await SdkClient.Connect(Server);
        Assert.NotEqual(first.SessionId, second.SessionId);

        await first.Echo("one");
        await first.Echo("two");
        Assert.EndsWith("Echo count in session: 1", await second.Echo("other"));

        var (replay, _) = await first.Call("replayLastEcho");
        Assert.StartsWith("🔄 Replaying last echo:\ntwo\nOriginal echo count: 2\n", replay);
        var (otherReplay, _) = await second.Call("replayLastEcho");
        Assert.StartsWith("🔄 Replaying last echo:\nother\nOriginal echo count: 1\n", otherReplay);
    }

    [Fact]
    public async Task An_unknown_tool_is_a_protocol_error_for_the_client()
    {
        await using var client = await SdkClient.Connect(Server);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("nope").AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("Unknown tool: nope", error.Message);
        Assert.StartsWith("ok\n", await client.Echo("ok"));
    }
}
