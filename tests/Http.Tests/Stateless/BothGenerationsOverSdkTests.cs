using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AkkaMcpEcho.Http.Tests.Stateless;

/// <summary>
/// The official C# SDK client 2.4.0 in both generations against one server at the same time: a 2026-07-28 client
/// (server/discover, no session, state through a handle) and a 2025 client (initialize, Mcp-Session-Id).
/// </summary>
public sealed class BothGenerationsOverSdkTests(DefaultServer fixture) : ServerTests<DefaultServer>(fixture)
{
    [Fact]
    public async Task A_modern_client_discovers_mints_a_handle_and_continues_its_state()
    {
        await using var modern = await Connect("2026-07-28");
        Assert.Equal("2026-07-28", modern.NegotiatedProtocolVersion);
        Assert.Null(modern.SessionId);
        Assert.Equal("mcp-echo-streamablehttp-server-stateful", modern.ServerInfo?.Name);
        // The client mirrors Mcp-Param-Session only for tools it has listed.
        var tools = await modern.ListToolsAsync(cancellationToken: Timeout());
        Assert.Equal(11, tools.Count);

        var minted = await Call(modern, "echo", new() { ["message"] = "first", ["session"] = "new" });
        var handle = minted.StructuredContent!.Value.GetProperty("session").GetString()!;
        var second = await Call(modern, "echo", new() { ["message"] = "second", ["session"] = handle });
        var replay = await Call(modern, "replayLastEcho", new() { ["session"] = handle });
        var info = await Call(modern, "sessionInfo", new() { ["session"] = handle });

        Assert.Equal($"first\nSession: {handle}\nEcho count in session: 1", Text(minted));
        Assert.Equal(2, second.StructuredContent!.Value.GetProperty("echoCount").GetInt32());
        Assert.StartsWith("🔄 Replaying last echo:\nsecond\nOriginal echo count: 2", Text(replay));
        Assert.Contains($"- Session ID: {handle}\n", Text(info));
        Assert.Contains("- Echo Count: 2\n", Text(info));
        Assert.Contains("- Replay Count: 1\n", Text(info));
        Assert.Contains("- Total Requests: 4\n", Text(info));
        Assert.Contains("- State From: handle (the session argument)", Text(info));
    }

    [Fact]
    public async Task A_modern_call_without_a_handle_keeps_nothing()
    {
        await using var modern = await Connect("2026-07-28");

        var first = await Call(modern, "echo", new() { ["message"] = "a" });
        var second = await Call(modern, "echo", new() { ["message"] = "b" });
        var replay = await Call(modern, "replayLastEcho", []);

        Assert.Equal("a\nSession: none (a stateless 2026-07-28 request; pass \"session\": \"new\" to keep state)\nEcho count in session: 1", Text(first));
        Assert.EndsWith("Echo count in session: 1", Text(second));
        Assert.Equal(JsonValueKind.Null, second.StructuredContent!.Value.GetProperty("session").ValueKind);
        Assert.True(replay.IsError);
        Assert.Contains("\"session\": \"new\"", Text(replay));
    }

    [Fact]
    public async Task An_unknown_handle_is_a_tool_error_that_says_so()
    {
        await using var modern = await Connect("2026-07-28");
        await modern.ListToolsAsync(cancellationToken: Timeout());

        var result = await Call(modern, "echo", new() { ["message"] = "x", ["session"] = "not-a-handle" });

        Assert.True(result.IsError);
        Assert.StartsWith("Unknown session handle 'not-a-handle': it was never issued, or it expired", Text(result));
    }

    [Fact]
    public async Task A_legacy_and_a_modern_client_work_side_by_side_and_do_not_see_each_others_state()
    {
        await using var legacy = await Connect("2025-11-25");
        await using var modern = await Connect("2026-07-28");
        await modern.ListToolsAsync(cancellationToken: Timeout());
        Assert.Equal("2025-11-25", legacy.NegotiatedProtocolVersion);
        Assert.NotNull(legacy.SessionId);

        var tasks = Enumerable.Range(1, 5).Select(async i =>
        {
            await Call(legacy, "echo", new() { ["message"] = $"legacy {i}" });
            await Call(modern, "echo", new() { ["message"] = $"modern {i}" });
        });
        await Task.WhenAll(tasks);
        var legacyInfo = Text(await Call(legacy, "sessionInfo", []));
        var handle = (await Call(modern, "echo", new() { ["message"] = "m", ["session"] = "new" })).StructuredContent!.Value
            .GetProperty("session").GetString()!;
        var asSession = await Call(modern, "sessionInfo", new() { ["session"] = legacy.SessionId! });

        Assert.Contains("- Echo Count: 5\n", legacyInfo);
        Assert.Contains("- Era: 2025 protocol session", legacyInfo);
        Assert.NotEqual(legacy.SessionId, handle);
        Assert.True(asSession.IsError, "a 2025 session id is not a handle");
    }

    private Task<McpClient> Connect(string protocolVersion) => SdkClient.Connect(Server, protocolVersion);

    private static Task<CallToolResult> Call(McpClient client, string tool, Dictionary<string, object?> arguments) =>
        client.Call(tool, arguments);

    private static string Text(CallToolResult result) => result.Text();

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
