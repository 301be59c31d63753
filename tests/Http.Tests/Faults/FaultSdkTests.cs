using System.Diagnostics;
using System.Net;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AkkaMcpEcho.Http.Tests.Faults;

/// <summary>
/// What the official C# SDK client 2.4.0 sees of each fault, in both generations where the effect applies: a 2025
/// client arms its session with injectFault, a 2026-07-28 client its handle; the rules are for the next echo only.
/// </summary>
public sealed class FaultSdkTests(FaultServer fixture) : ServerTests<FaultServer>(fixture)
{
    public static TheoryData<string> Generations => new() { SdkClient.SessionVersion, "2026-07-28" };

    [Theory]
    [MemberData(nameof(Generations))]
    public async Task A_status_503_is_an_http_error_the_client_throws(string version)
    {
        var (client, handle) = await Armed(version, "status=503; retry-after=1");
        await using var _ = client;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Echo(client, handle));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        await AssertStillServed(client, handle);
    }

    [Theory]
    [MemberData(nameof(Generations))]
    public async Task An_rpc_error_is_a_protocol_exception_with_its_code_and_message(string version)
    {
        var (client, handle) = await Armed(version, "rpc-error=-32099; message=injected");
        await using var _ = client;

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => Echo(client, handle));

        Assert.Equal(-32099, (int)error.ErrorCode);
        Assert.Contains("injected", error.Message);
        await AssertStillServed(client, handle);
    }

    [Theory]
    [MemberData(nameof(Generations))]
    public async Task A_dropped_connection_is_an_http_request_exception(string version)
    {
        var (client, handle) = await Armed(version, "drop");
        await using var _ = client;

        await Assert.ThrowsAsync<HttpRequestException>(() => Echo(client, handle));

        await AssertStillServed(client, handle);
    }

    [Theory]
    [MemberData(nameof(Generations))]
    public async Task A_delay_or_a_slow_stream_only_makes_the_answer_late(string version)
    {
        var (client, handle) = await Armed(version, "delay=300");
        await using var _ = client;
        var clock = Stopwatch.StartNew();

        var result = await Echo(client, handle);

        Assert.True(clock.ElapsedMilliseconds >= 300, $"{clock.ElapsedMilliseconds} ms");
        Assert.StartsWith("sdk\n", result.Text());
        await Arm(client, handle, "slow-stream=200");
        Assert.StartsWith("sdk\n", (await Echo(client, handle)).Text());
    }

    [Theory]
    [InlineData("2025-11-25", "drop-stream-after=1")]
    [InlineData("2026-07-28", "drop-stream-after=0")]
    public async Task A_stream_that_ends_before_its_response_is_an_error_the_client_throws(string version, string fault)
    {
        // The 2025-11-25 stream's one event is its priming event: the SDK 2.4.0 does not resume from it (GET with
        // Last-Event-ID would get the response); a 2026-07-28 client must re-issue the request.
        var (client, handle) = await Armed(version, fault);
        await using var _ = client;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<McpException>(() => client.CallToolAsync("echo", Arguments(handle),
            new Progress<ProgressNotificationValue>(), cancellationToken: deadline.Token).AsTask());

        Assert.Contains("completed without a reply", error.Message);
        await AssertStillServed(client, handle);
    }

    [Fact]
    public async Task A_2025_client_whose_session_expired_gets_404_as_an_http_error()
    {
        var (client, handle) = await Armed(SdkClient.SessionVersion, "expire-session");
        await using var _ = client;

        Assert.StartsWith("sdk\n", (await Echo(client, handle)).Text());
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Echo(client, handle));

        Assert.Contains("404", error.ToString());
    }

    [Fact]
    public async Task A_2026_client_whose_handle_expired_gets_the_unknown_handle_tool_error()
    {
        var (client, handle) = await Armed("2026-07-28", "expire-session");
        await using var _ = client;

        Assert.StartsWith("sdk\n", (await Echo(client, handle)).Text());
        var after = await Echo(client, handle);

        Assert.True(after.IsError);
        Assert.StartsWith($"Unknown session handle '{handle}'", after.Text());
    }

    [Theory]
    [InlineData("2025-11-25", "malformed=json")]
    [InlineData("2025-11-25", "malformed=sse")]
    [InlineData("2025-11-25", "malformed=content-type")]
    [InlineData("2026-07-28", "malformed=json")]
    [InlineData("2026-07-28", "malformed=sse")]
    [InlineData("2026-07-28", "malformed=content-type")]
    public async Task A_malformed_answer_never_reaches_the_caller_as_a_result(string version, string fault)
    {
        var (client, handle) = await Armed(version, fault);
        await using var _ = client;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        var error = await Record.ExceptionAsync(() => client.CallToolAsync("echo", Arguments(handle), cancellationToken: deadline.Token).AsTask());

        Assert.NotNull(error);
        await AssertStillServed(client, handle);
    }

    [Fact]
    public async Task A_2025_client_hears_tools_list_changed_and_lists_the_changed_tools()
    {
        var (client, handle) = await Armed(SdkClient.SessionVersion, "tools-changed");
        await using var _ = client;
        var heard = new TaskCompletionSource();
        await using var registration = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            heard.TrySetResult();
            return ValueTask.CompletedTask;
        });

        await Echo(client, handle);
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var tools = await client.ListToolsAsync();

        Assert.EndsWith("(changed by an injected tools-changed fault)", tools.Single(t => t.Name == "echo").Description);
    }

    [Theory]
    [MemberData(nameof(Generations))]
    public async Task A_header_mismatch_leaves_the_call_answered(string version)
    {
        var (client, handle) = await Armed(version, "header-mismatch");
        await using var _ = client;

        var result = await Echo(client, handle);

        Assert.StartsWith("sdk\n", result.Text());
    }

    private async Task<(McpClient Client, string? Handle)> Armed(string version, string fault)
    {
        var client = await SdkClient.Connect(Server, version);
        await client.ListToolsAsync();
        string? handle = null;
        if (version == "2026-07-28")
        {
            handle = (await client.Call("echo", new() { ["message"] = "mint", ["session"] = "new" })).StructuredContent!.Value
                .GetProperty("session").GetString();
        }
        await Arm(client, handle, fault);
        return (client, handle);
    }

    private static async Task Arm(McpClient client, string? handle, string fault)
    {
        var arguments = new Dictionary<string, object?> { ["fault"] = fault, ["tool"] = "echo" };
        if (handle is not null)
        {
            arguments["session"] = handle;
        }
        var (text, isError) = await client.Call("injectFault", arguments);
        Assert.False(isError, text);
    }

    private static Dictionary<string, object?> Arguments(string? handle) =>
        handle is null ? new() { ["message"] = "sdk" } : new() { ["message"] = "sdk", ["session"] = handle };

    private static Task<CallToolResult> Echo(McpClient client, string? handle) => client.Call("echo", Arguments(handle));

    /// <summary>The fault was for one request: the next one is answered.</summary>
    private static async Task AssertStillServed(McpClient client, string? handle) =>
        Assert.StartsWith("sdk\n", (await Echo(client, handle)).Text());
}
