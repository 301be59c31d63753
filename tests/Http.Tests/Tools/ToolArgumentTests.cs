using System.Net;
using ModelContextProtocol.Protocol;

namespace AkkaMcpEcho.Http.Tests.Tools;

/// <summary>
/// Tool arguments that do not match the schema: a -32602 protocol error for sessions negotiated below 2025-11-25,
/// an isError tool result from 2025-11-25 on. Either way the call changes nothing in the session.
/// </summary>
public sealed class ToolArgumentTests(AllVersionsServer fixture) : ServerTests<AllVersionsServer>(fixture)
{
    public static TheoryData<string, string, string> InvalidArguments => new()
    {
        { "echo", """{"message":5}""", "Argument 'message' of tool 'echo' must be a string, got number." },
        { "echo", """{"message":null}""", "Argument 'message' of tool 'echo' must be a string, got null." },
        { "echo", """{"message":"hi","extra":1}""", "Unknown argument 'extra' for tool 'echo'. Allowed arguments: message, uppercase." },
        { "echo", "{}", "Missing required argument 'message' (string) for tool 'echo'." },
        { "echo", """{"message":"hi","uppercase":"yes"}""", "Argument 'uppercase' of tool 'echo' must be a boolean, got string." },
        { "replayLastEcho", """{"x":1}""", "Unknown argument 'x' for tool 'replayLastEcho'. Allowed arguments: none." },
        { "sessionInfo", """{"verbose":true}""", "Unknown argument 'verbose' for tool 'sessionInfo'. Allowed arguments: none." },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public async Task Before_2025_11_25_invalid_arguments_are_a_protocol_error(string tool, string arguments, string expected)
    {
        foreach (var version in new[] { "2025-06-18", "2025-03-26", "2024-11-05" })
        {
            var session = await RawSession.Start(Server, version);

            var response = await session.CallTool(tool, arguments);

            Assert.Equal(expected, response.AssertError(HttpStatusCode.OK, -32602));
            await session.AssertIntact(0);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public async Task From_2025_11_25_invalid_arguments_are_a_tool_error_result(string tool, string arguments, string expected)
    {
        var session = await RawSession.Start(Server, "2025-11-25");

        var response = await session.CallTool(tool, arguments);

        Assert.Equal((expected, true), response.AssertToolResult());
        await session.AssertIntact(0);
    }

    [Fact]
    public async Task Echo_without_an_arguments_member_is_missing_its_message()
    {
        var older = await RawSession.Start(Server, "2025-06-18");
        var newer = await RawSession.Start(Server, "2025-11-25");
        const string body = """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"echo"}}""";

        var olderAnswer = await older.Post(body);
        var newerAnswer = await newer.Post(body);

        Assert.Contains("Missing required argument 'message'", olderAnswer.AssertError(HttpStatusCode.OK, -32602, "4"));
        var (text, isError) = newerAnswer.AssertToolResult("4");
        Assert.True(isError);
        Assert.Contains("Missing required argument 'message'", text);
    }

    [Fact]
    public async Task The_sdk_client_sees_a_tool_error_in_a_2025_11_25_session()
    {
        await using var client = await SdkClient.Connect(Server, protocolVersion: "2025-11-25");
        Assert.Equal("2025-11-25", client.NegotiatedProtocolVersion);

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = 5 });

        Assert.True(result.IsError);
        Assert.Equal("Argument 'message' of tool 'echo' must be a string, got number.",
            Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.EndsWith("Echo count in session: 1", await client.Echo("valid"));
    }
}
