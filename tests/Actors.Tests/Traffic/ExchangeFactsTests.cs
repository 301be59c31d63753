using System.Text;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol.Traffic;

namespace AkkaMcpEcho.Actors.Tests.Traffic;

/// <summary>The facts the traffic page filters by, read out of a request body and its answer.</summary>
public sealed class ExchangeFactsTests
{
    private static RequestNames Names(string body) => ExchangeFacts.Names(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_tool_call_names_its_tool()
    {
        Assert.Equal(new RequestNames("echo", null, null),
            Names("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hi"}}}"""));
    }

    [Fact]
    public void A_2026_07_28_tool_call_names_its_handle_and_its_revision()
    {
        var body = """
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hi","session":"h-42"},
             "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}
            """;

        Assert.Equal(new RequestNames("echo", "h-42", "2026-07-28"), Names(body));
    }

    [Fact]
    public void Initialize_names_the_revision_it_asks_for()
    {
        var body = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},
             "clientInfo":{"name":"curl","version":"1.0"}}}
            """;

        Assert.Equal(new RequestNames(null, null, "2025-06-18"), Names(body));
    }

    [Theory]
    [InlineData("""{"params":{"name":42,"arguments":{"session":7},"_meta":{"io.modelcontextprotocol/protocolVersion":1}}}""")]
    [InlineData("""{"params":{"arguments":"session","_meta":"2026-07-28"}}""")]
    public void Names_that_are_not_strings_are_not_read(string body) => Assert.Equal(RequestNames.None, Names(body));

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo"}}]""")]
    [InlineData("""  [{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo"}}]""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo",""")]
    [InlineData("not json at all")]
    [InlineData("42")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":["echo"]}""")]
    [InlineData("")]
    public void A_batch_invalid_json_or_a_request_without_params_names_nothing(string body) =>
        Assert.Equal(RequestNames.None, Names(body));

    [Fact]
    public void No_body_names_nothing() => Assert.Equal(RequestNames.None, ExchangeFacts.Names(null));

    [Fact]
    public void Initialize_with_meta_still_names_the_revision_it_asks_for()
    {
        // Any request's params may carry _meta (a progress token, trace context); only a 2026-07-28 one names a revision there.
        var body = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},
             "clientInfo":{"name":"curl","version":"1.0"},"_meta":{"progressToken":"p-1"}}}
            """;

        Assert.Equal("2025-06-18", Names(body).MetaVersion);
    }

    [Fact]
    public void A_json_error_answer_gives_its_code_message_and_data_as_raw_json()
    {
        var answer = """{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"Unknown tool: nope","data":{"tool": "nope","known":[1, 2]}}}""";

        Assert.Equal(new RecordedError(-32602, "Unknown tool: nope", """{"tool": "nope","known":[1, 2]}"""), ExchangeFacts.Error(answer));
    }

    [Fact]
    public void An_error_without_data_or_message_is_still_read()
    {
        Assert.Equal(new RecordedError(-32000, "", null), ExchangeFacts.Error("""{"jsonrpc":"2.0","id":null,"error":{"code":-32000}}"""));
    }

    [Theory]
    [InlineData("\"x\"", "\"x\"")]
    [InlineData("17", "17")]
    [InlineData("null", "null")]
    public void Error_data_of_any_kind_is_kept_as_json_text(string data, string expected)
    {
        var answer = $$$"""{"jsonrpc":"2.0","id":1,"error":{"code":-1,"message":"m","data":{{{data}}}}}""";

        Assert.Equal(expected, ExchangeFacts.Error(answer)?.DataJson);
    }

    [Fact]
    public void An_sse_event_gives_the_error_in_its_data()
    {
        var sseEvent = "event: message\nid: 3\ndata: {\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"code\":-32001,\"message\":\"Session not found\"}}";

        Assert.Equal(new RecordedError(-32001, "Session not found", null), ExchangeFacts.Error(sseEvent));
    }

    [Fact]
    public void An_sse_event_whose_data_spans_lines_is_read_whole()
    {
        var sseEvent = "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":5,\ndata: \"error\":{\"code\":-32603,\"message\":\"boom\"}}";

        Assert.Equal(new RecordedError(-32603, "boom", null), ExchangeFacts.Error(sseEvent));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"Echo: hi"}]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"the word \"error\" in a result"}]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"content":[],"error":{"code":1,"message":"nested, not the answer's"}}}""")]
    [InlineData("event: message\nid: 4\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":2147483648,"message":"a code past int"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":"a string"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"cut off""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"in a batch"}}]""")]
    [InlineData("")]
    public void Results_and_what_is_no_error_object_give_no_error(string answer) => Assert.Null(ExchangeFacts.Error(answer));

    [Fact]
    public void An_error_whose_code_is_no_number_gives_no_error_and_does_not_throw()
    {
        // Error promises never to throw; JsonElement.TryGetInt32 throws InvalidOperationException on a string.
        var answer = """{"jsonrpc":"2.0","id":1,"error":{"code":"-32600","message":"a code that is no number"}}""";

        Assert.Null(ExchangeFacts.Error(answer));
    }

    [Fact]
    public void No_answer_gives_no_error() => Assert.Null(ExchangeFacts.Error(null));

    [Theory]
    [InlineData("event: message\nid: 7\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[]}}", true)]
    [InlineData("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"x\"}}", true)]
    [InlineData("event: message\nid: 6\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":1}}", false)]
    [InlineData("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"sampling/createMessage\",\"params\":{}}", false)]
    [InlineData("id: 0\ndata: ", false)]
    [InlineData(": keep-alive", false)]
    [InlineData("event: message\ndata: {\"result\":", false)]
    [InlineData("event: message\ndata: [1,2]", false)]
    public void IsResponse_tells_a_response_event_from_the_others(string sseEvent, bool response) =>
        Assert.Equal(response, ExchangeFacts.IsResponse(sseEvent));
}
