using System.Text;
using AkkaMcpEcho.Protocol.Telemetry;

namespace AkkaMcpEcho.Actors.Tests.Protocol;

/// <summary>The <c>error.type</c> read from an answer: a JSON-RPC error's code, a tool error, or none.</summary>
public sealed class ResponseOutcomeTests
{
    private static string? Of(string json, string method = "tools/call") => ResponseOutcome.ErrorType(Encoding.UTF8.GetBytes(json), method);

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"bad"}}""", "-32602")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"message":"no code"}}""", "_OTHER")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":"text"}""", "_OTHER")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"content":[],"isError":true}}""", ResponseOutcome.ToolError)]
    [InlineData("""{ "result" : { "isError" : true } }""", ResponseOutcome.ToolError)]
    public void An_error_answer_has_its_type(string json, string expected) => Assert.Equal(expected, Of(json));

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"Echo: error"}]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"Echo: \"error\" \"isError\""}]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"structuredContent":{"error":{"code":1}},"isError":false}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"content":[]}}""")]
    [InlineData("""[{"error":{"code":-32600}}]""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":""")]
    [InlineData("")]
    public void Any_other_answer_has_none(string json) => Assert.Null(Of(json));

    [Fact]
    public void A_result_marked_as_error_outside_a_tool_call_is_other() =>
        Assert.Equal("_OTHER", Of("""{"result":{"isError":true}}""", "prompts/get"));
}
