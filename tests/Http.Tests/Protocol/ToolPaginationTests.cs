using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Protocol;

public sealed class ToolPaginationTests
{
    private static async Task<JsonElement> List(EchoServerHost server, string session, string parameters = "{}")
    {
        using var response = await server.Post($$"""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{{parameters}} }""", session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RpcResponse.JsonBody(response);
    }

    [Fact]
    public async Task By_default_every_tool_is_on_one_page_without_a_cursor()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize();

        var result = (await List(server, session)).GetProperty("result");

        Assert.True(result.GetProperty("tools").GetArrayLength() > 0);
        Assert.False(result.TryGetProperty("nextCursor", out _));
    }

    [Fact]
    public async Task Following_next_cursors_visits_every_tool_once_in_order_and_cursors_are_stable()
    {
        await using var whole = await EchoServerHost.Start();
        var expected = (await List(whole, await whole.Initialize())).GetProperty("result").GetProperty("tools")
            .EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToArray();
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_TOOLS_PAGE_SIZE"] = "1" });
        var session = await server.Initialize();

        var seen = new List<string?>();
        var cursors = new List<string>();
        string parameters = "{}";
        for (var page = 0; page < 50; page++)
        {
            var result = (await List(server, session, parameters)).GetProperty("result");
            Assert.Equal(1, result.GetProperty("tools").GetArrayLength());
            seen.AddRange(result.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
            if (!result.TryGetProperty("nextCursor", out var next))
            {
                break;
            }
            cursors.Add(next.GetString()!);
            parameters = $$"""{"cursor":{{next.GetRawText()}} }""";
        }
        var again = (await List(server, session, $$"""{"cursor":"{{cursors[0]}}"}""")).GetProperty("result");

        Assert.Equal(expected, seen);
        Assert.Equal(expected[1], again.GetProperty("tools")[0].GetProperty("name").GetString());
        Assert.Equal(cursors[1], again.GetProperty("nextCursor").GetString());
    }

    [Theory]
    [InlineData("\"not-a-cursor\"")]
    [InlineData("\"dG9vbHMvbGlzdDo5OTk\"")]
    [InlineData("42")]
    public async Task An_invalid_cursor_is_32602(string cursor)
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize();

        var answer = await List(server, session, $$"""{"cursor":{{cursor}} }""");

        Assert.Equal(-32602, answer.GetProperty("error").GetProperty("code").GetInt32());
    }
}
