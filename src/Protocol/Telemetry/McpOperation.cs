using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Protocol.Telemetry;

/// <summary>
/// How one MCP request is named and tagged by the MCP semantic conventions: the span <c>{mcp.method.name} {target}</c>
/// (target: the tool or prompt name), and the attributes spans and the operation histogram share.
/// </summary>
public sealed record McpOperation(string Method, string? Target, string? ResourceUri, string? ProtocolVersion)
{
    public string SpanName => Target is null ? Method : $"{Method} {Target}";

    public static McpOperation Of(string method, JsonElement? parameters, string? protocolVersion) => new(method,
        method == "tools/call" ? Text(parameters, "name", KnownStrings.Tools) : method == "prompts/get" ? Text(parameters, "name") : null,
        method.StartsWith("resources/", StringComparison.Ordinal) ? Text(parameters, "uri") : null,
        protocolVersion ?? (method == "initialize" ? Text(parameters, "protocolVersion", KnownStrings.Versions) : MetaVersion(parameters)));

    /// <summary>The revision a 2026-07-28 request names in its <c>_meta</c>.</summary>
    private static string? MetaVersion(JsonElement? parameters) =>
        parameters is { } p && Stateless.RequestMeta.Meta(p) is { } meta
            ? KnownStrings.Member(meta, Stateless.StatelessRevision.MetaProtocolVersion, KnownStrings.Versions)
            : null;

    /// <summary>The attributes a metric may carry (no ids, no resource URI: their cardinality is unbounded).</summary>
    public TagList MetricTags()
    {
        var tags = new TagList
        {
            { McpTelemetry.Tags.MethodName, Method },
            { McpTelemetry.Tags.Transport, "tcp" },
            { McpTelemetry.Tags.ProtocolName, "http" },
        };
        if (ProtocolVersion is not null)
        {
            tags.Add(McpTelemetry.Tags.ProtocolVersion, ProtocolVersion);
        }
        if (Method == "tools/call" && Target is not null)
        {
            tags.Add(McpTelemetry.Tags.ToolName, Target);
            tags.Add(McpTelemetry.Tags.OperationName, "execute_tool");
        }
        else if (Method == "prompts/get" && Target is not null)
        {
            tags.Add(McpTelemetry.Tags.PromptName, Target);
        }
        return tags;
    }

    /// <summary>Sets the span's attributes: the metric's, and the request's own ids.</summary>
    public void Tag(Activity span, string? requestIdJson, string? sessionId)
    {
        foreach (var tag in MetricTags())
        {
            span.SetTag(tag.Key, tag.Value);
        }
        if (Method == "tools/call" && Target is not null)
        {
            span.SetTag(McpTelemetry.Tags.McpToolName, Target);
        }
        span.SetTag(McpTelemetry.Tags.ResourceUri, ResourceUri);
        if (requestIdJson is not null)
        {
            var id = IdText(requestIdJson);
            span.SetTag(McpTelemetry.Tags.JsonRpcRequestId, id);
            span.SetTag(McpTelemetry.Tags.RequestId, id);
        }
        span.SetTag(McpTelemetry.Tags.SessionId, sessionId);
    }

    /// <summary>A JSON-RPC id as text: a string id without its quotes, a number as written.</summary>
    public static string IdText(string idJson)
    {
        if (idJson.Length < 2 || idJson[0] != '"')
        {
            return idJson;
        }
        using var id = JsonDocument.Parse(idJson);
        return id.RootElement.GetString() ?? idJson;
    }

    private static string? Text(JsonElement? parameters, string name, ImmutableArray<string> known = default) =>
        parameters is { } p ? KnownStrings.Member(p, name, known) : null;
}
