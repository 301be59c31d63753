using System.Net;
using AkkaMcpEcho.Tests.Support.Otlp;
using static AkkaMcpEcho.Tests.Support.Otlp.TracedRequests;

namespace AkkaMcpEcho.Cluster.Tests.Telemetry;

/// <summary>
/// Node processes exporting over OTLP/HTTP to a receiver in the test that decodes the protobuf: the MCP spans' names,
/// attributes and parents, the histograms, and one trace across two nodes.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Mcp_spans_carry_the_semantic_convention_names_and_follow_the_header_or_the_meta_context()
    {
        await using var receiver = await OtlpReceiver.Start();
        await using var node = await ProcessNode.Start(null, receiver.ExporterSettings());
        using var initialize = await node.Mcp.Post(Requests.Initialize(), null, ("traceparent", HeaderTraceparent));
        var session = initialize.Headers.GetValues("Mcp-Session-Id").Single();
        await RpcResponse.Read(node.Mcp.Post(SessionCall(2, "echo", """{"message":"traced"}""", MetaTraceparent), session,
            ("traceparent", HeaderTraceparent), ("MCP-Protocol-Version", "2025-06-18")));
        var unknown = await RpcResponse.Read(node.Mcp.Post(SessionCall(3, "noSuchTool"), session, ("MCP-Protocol-Version", "2025-06-18")));
        Assert.Equal(HttpStatusCode.OK, unknown.Status);

        // Each span is exported when it ends, so ASP.NET Core's request span may come an export after the MCP span inside it.
        var spans = await receiver.SpansUntil(all => all.Any(s => s.Name == "session tools/call echo")
            && all.Any(s => s.Name == "tools/call noSuchTool")
            && all.Any(http => all.Any(s => s.Name == "initialize" && s.ParentSpanId == http.SpanId)), "the MCP spans and the request's span");
        var init = spans.Single(s => s.Name == "initialize");
        Assert.Equal(ReceivedSpan.ServerKind, init.Kind);
        Assert.Equal(HeaderTraceId, init.TraceId);
        var http = spans.Single(s => s.SpanId == init.ParentSpanId);
        Assert.Equal(HeaderSpanId, http.ParentSpanId);
        Assert.Equal("Microsoft.AspNetCore", http.Scope);
        Assert.Equal("initialize", init["mcp.method.name"]);
        Assert.Equal("2025-06-18", init["mcp.protocol.version"]);
        Assert.Equal("tcp", init["network.transport"]);
        Assert.Equal("1", init["jsonrpc.request.id"]);
        Assert.Equal(session, init["mcp.session.id"]);
        Assert.Equal("akka-mcp-echo", init.Resource["service.name"]);

        var call = spans.Single(s => s.Name == "tools/call echo");
        Assert.Equal((MetaTraceId, MetaSpanId), (call.TraceId, call.ParentSpanId));
        Assert.Contains(call.Links, link => link.TraceId == HeaderTraceId);
        Assert.Equal("echo", call["gen_ai.tool.name"]);
        Assert.Equal("echo", call["mcp.tool.name"]);
        Assert.Equal("execute_tool", call["gen_ai.operation.name"]);
        Assert.Equal(("2", "2"), (call["jsonrpc.request.id"], call["mcp.request.id"]));
        Assert.Equal(session, call["mcp.session.id"]);
        Assert.Null(call["error.type"]);
        var entity = spans.Single(s => s.Name == "session tools/call echo");
        Assert.Equal((call.TraceId, call.SpanId), (entity.TraceId, entity.ParentSpanId));
        Assert.Equal(node.Address, entity["akka.node"]);

        var failed = spans.Single(s => s.Name == "tools/call noSuchTool");
        Assert.Equal("-32602", failed["error.type"]);

        // A measurement is recorded when its exchange ends, so the failed call's may come an export after the echo's.
        var points = await receiver.PointsUntil(all => all.Any(p => p.Metric == "mcp.server.operation.duration"
            && p.Attributes.GetValueOrDefault("gen_ai.tool.name") == "echo")
            && all.Any(p => p.Metric == "mcp.server.operation.duration" && p.Attributes.GetValueOrDefault("error.type") == "-32602"),
            "the operation histogram, with the failed call");
        var operation = points.First(p => p.Metric == "mcp.server.operation.duration" && p.Attributes.GetValueOrDefault("gen_ai.tool.name") == "echo");
        Assert.Equal("s", operation.Unit);
        Assert.Equal("tools/call", operation.Attributes["mcp.method.name"]);
        Assert.Equal("2025-06-18", operation.Attributes["mcp.protocol.version"]);
        Assert.DoesNotContain("mcp.session.id", operation.Attributes.Keys);
        Assert.Contains(points, p => p.Metric == "mcp.server.operation.duration" && p.Attributes.GetValueOrDefault("error.type") == "-32602");

        await RpcResponse.Read(node.Mcp.Delete(session));
        await receiver.PointsUntil(all => all.Any(p => p.Metric == "mcp.server.session.duration"), "the session histogram");
    }

    [Fact]
    public async Task A_call_through_one_node_to_a_session_on_another_is_one_trace()
    {
        await using var receiver = await OtlpReceiver.Start();
        await using var first = await ProcessNode.Start(null, receiver.ExporterSettings());
        await using var second = await ProcessNode.Start(first.Address, receiver.ExporterSettings());
        // New sessions spread over the members once both are up; find one hosted on the node the request did not reach.
        ReceivedSpan? remote = null;
        for (var attempt = 0; attempt < 40 && remote is null; attempt++)
        {
            var session = await first.Mcp.Initialize();
            var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
            await RpcResponse.Read(first.Mcp.Post(SessionCall(2, "echo", """{"message":"hop"}"""), session,
                ("traceparent", $"00-{traceId}-{HeaderSpanId}-01"), ("MCP-Protocol-Version", "2025-06-18")));
            var spans = await receiver.SpansUntil(all => all.Any(s => s.TraceId == traceId && s.Name == "session tools/call echo"), "the session's span");
            remote = spans.Single(s => s.TraceId == traceId && s.Name == "session tools/call echo") is var entity && entity["akka.node"] == second.Address
                ? entity
                : null;
        }
        Assert.NotNull(remote);
        // Each node exports on its own, and a span is exported when it ends: node 1's spans end after node 2's, and
        // ASP.NET Core's request span after the MCP span inside it, so each may arrive in a later export.
        var call = (await receiver.SpansUntil(all => all.Any(s => s.TraceId == remote.TraceId && s.Name == "tools/call echo"), "the call's span"))
            .Single(s => s.TraceId == remote.TraceId && s.Name == "tools/call echo");
        Assert.Equal(call.SpanId, remote.ParentSpanId);
        Assert.NotEqual(call.Resource["service.instance.id"], remote.Resource["service.instance.id"]);
        var trace = await receiver.SpansUntil(all => all.Any(s => s.SpanId == call.ParentSpanId), "the HTTP request's span");
        var http = trace.Single(s => s.SpanId == call.ParentSpanId);
        Assert.Equal(HeaderSpanId, http.ParentSpanId);
        await receiver.PointsUntil(all => all.Any(p => p.Metric == "mcp_echo.cluster.hops"), "the cluster hop count");
    }
}
