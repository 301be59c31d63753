using System.Net;
using AkkaMcpEcho.Tests.Support.Otlp;
using static AkkaMcpEcho.Tests.Support.Otlp.TracedRequests;

namespace AkkaMcpEcho.Http.Tests.Telemetry;

/// <summary>
/// requestTiming and printHeader show the trace context a request carried, in its header and in <c>_meta</c>, and the
/// trace the server used (no traces are exported here, so the HTTP request's activity follows the header), in both
/// generations; a request that carried none gets the report it always got.
/// </summary>
public sealed class TraceContextToolTests(DefaultServer fixture) : ServerTests<DefaultServer>(fixture)
{
    [Theory]
    [InlineData("requestTiming")]
    [InlineData("printHeader")]
    public async Task A_session_call_shows_the_header_and_the_meta_trace_context(string tool)
    {
        var session = await RawSession.Start(Server);
        var text = (await RpcResponse.Read(Server.Post(SessionCall(2, tool, "{}", MetaTraceparent), session.Id,
            ("traceparent", HeaderTraceparent), ("MCP-Protocol-Version", "2025-06-18")))).AssertToolResult("2").Text;

        AssertShowsBoth(text);
    }

    [Theory]
    [InlineData("requestTiming")]
    [InlineData("printHeader")]
    public async Task A_stateless_call_shows_the_header_and_the_meta_trace_context(string tool)
    {
        var text = (await RpcResponse.Read(Server.Http.SendAsync(ModernCall(tool, HeaderTraceparent, MetaTraceparent)))).AssertToolResult("7").Text;

        AssertShowsBoth(text);
    }

    [Fact]
    public async Task A_header_alone_is_shown_as_the_trace_the_server_continued()
    {
        var text = (await RpcResponse.Read(Server.Http.SendAsync(ModernCall("requestTiming", HeaderTraceparent, null)))).AssertToolResult("7").Text;

        Assert.Contains("- _meta traceparent: (none)\n", text);
        Assert.Contains($"- Server trace id: {HeaderTraceId} (span ", text);
        Assert.EndsWith("- Propagation: ✅ continued the header trace", text);
    }

    [Fact]
    public async Task A_malformed_header_is_named_and_the_server_starts_a_new_trace()
    {
        var text = (await RpcResponse.Read(Server.Http.SendAsync(ModernCall("requestTiming", "00-not-a-trace-01", null)))).AssertToolResult("7").Text;

        Assert.Contains("- traceparent header: 00-not-a-trace-01\n", text);
        Assert.EndsWith("- Propagation: ⚠️ a new trace: no valid traceparent arrived", text);
    }

    [Theory]
    [InlineData("requestTiming", "- Average Response Time: ")]
    [InlineData("printHeader", "Custom headers: ")]
    public async Task A_call_without_trace_context_keeps_the_report_it_always_had(string tool, string lastLine)
    {
        var session = await RawSession.Start(Server);
        var text = (await session.CallTool(tool)).ToolText()!;
        var modern = (await RpcResponse.Read(Server.Http.SendAsync(ModernCall(tool, null, null)))).AssertToolResult("7").Text;

        foreach (var report in new[] { text, modern })
        {
            Assert.DoesNotContain("Trace Context", report);
            Assert.StartsWith(lastLine, report.Split('\n')[^1]);
        }
    }

    private static void AssertShowsBoth(string? text)
    {
        Assert.NotNull(text);
        Assert.Contains("\n\n🔗 Trace Context:\n", text);
        Assert.Contains($"- traceparent header: {HeaderTraceparent}\n", text);
        Assert.Contains($"- _meta traceparent: {MetaTraceparent}\n", text);
        Assert.Contains("- _meta tracestate: echo=1\n", text);
        Assert.Contains("- _meta baggage: tenant=blue\n", text);
        Assert.Contains($"- Server trace id: {HeaderTraceId} (span ", text);
        Assert.EndsWith("- Propagation: ✅ continued the header trace (_meta is followed while traces are exported)", text);
    }
}
