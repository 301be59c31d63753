using System.Collections.Immutable;
using System.Text.Json;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Faults;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Fixtures;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http.Stateless;

/// <summary>
/// A POST served by the 2026-07-28 rules: no session, everything in the request itself. The checks run in the order
/// the revision's clients rely on (metadata, then the version header against it, then the version, then the routing
/// headers against the body, then the method), and each refusal says what was wrong.
/// </summary>
internal sealed class StatelessEndpoint(EchoSettings settings, StatelessToolCalls tools, StatelessFixtures fixtures, Listeners listeners)
{
    private static readonly IReadOnlySet<string> FixtureMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "prompts/list", "prompts/get", "resources/list", "resources/templates/list", "resources/read", "completion/complete",
    };

    private readonly ToolPages _pages = ToolPages.ForStateless(settings.Profile.Fixtures, settings.ToolsPageSize, settings.Profile.FaultTool);
    private readonly ImmutableArray<string> _stateless = settings.Profile.StatelessVersions;
    private readonly string _discover = Discovery.Result(Versions(settings.Profile), settings.Profile.Fixtures);

    public static McpReply Batch() => McpReply.Refused(StatelessRefusal.InvalidRequest(null,
        "2026-07-28 has no JSON-RPC batches; send one message per POST"));

    public async Task<McpReply> Handle(HttpContext context, JsonRpcMessage message, long started)
    {
        if (message.Kind == JsonRpcKind.Response)
        {
            return McpReply.Refused(StatelessRefusal.InvalidRequest(message.IdJson,
                "a 2026-07-28 client sends no responses: the server asks for input in an input_required result instead"));
        }
        if (message.Kind == JsonRpcKind.Notification)
        {
            // The revision defines no client notifications over HTTP; a closed response stream is the cancellation.
            return McpReply.Accepted;
        }
        if (Refusal(context.Request, message, out var meta) is { } refusal)
        {
            return McpReply.Refused(refusal);
        }
        return message.Method switch
        {
            "server/discover" => Result(message.IdJson, _discover),
            "tools/list" => ToolsPage(context, message),
            "tools/call" => await tools.Call(context, message, meta!, started),
            "subscriptions/listen" => listeners.Listen(message, meta!),
            "prompts/get" when fixtures.Prompt(context, message, meta!) is { } prompt => prompt,
            _ => Fixture(message),
        };
    }

    /// <summary>Everything that refuses a request before its method runs, in the revision's order.</summary>
    private StatelessRefusal? Refusal(HttpRequest request, JsonRpcMessage message, out RequestMeta? meta)
    {
        var id = message.IdJson;
        (meta, var refusal) = RequestMeta.Read(message.Params, id);
        if (refusal is not null)
        {
            return refusal;
        }
        var header = request.Headers[McpHeaders.ProtocolVersion].ToString() is { Length: > 0 } sent ? HeaderValue.Trim(sent) : null;
        if (header is null)
        {
            return StatelessRefusal.HeaderMissing(id, McpHeaders.ProtocolVersion, $"'{meta!.ProtocolVersion}' (the body's _meta version)");
        }
        if (header != meta!.ProtocolVersion)
        {
            return StatelessRefusal.HeaderMismatch(id, McpHeaders.ProtocolVersion, header, null,
                $"params._meta[\"{StatelessRevision.MetaProtocolVersion}\"]", meta.ProtocolVersion);
        }
        if (!_stateless.Contains(meta.ProtocolVersion))
        {
            return StatelessRefusal.UnsupportedVersion(id, meta.ProtocolVersion, Versions(settings.Profile));
        }
        var method = message.Method!;
        return HeaderCheck.Refusal(method, message.Params, id, name => request.Headers[name].ToString() is { Length: > 0 } value ? value : null,
                Mirrored(method, message.Params))
            ?? (StatelessRevision.Removed.Contains(method)
                ? StatelessRefusal.MethodNotFound(id, method, "removed in 2026-07-28: requests carry their version in _meta instead")
                : Served(method) ? null : StatelessRefusal.MethodNotFound(id, method));
    }

    private bool Served(string method) =>
        method is "server/discover" or "tools/list" or "tools/call" or "subscriptions/listen"
        || (settings.Profile.Fixtures && FixtureMethods.Contains(method));

    /// <summary>The stateless revisions served; a server without one names its session revisions, so a client can fall back.</summary>
    private static ImmutableArray<string> Versions(ServerProfile profile) =>
        profile.StatelessVersions is { IsEmpty: false } stateless ? stateless : profile.SupportedProtocolVersions;

    private ImmutableArray<MirroredParameter> Mirrored(string method, JsonElement parameters) =>
        method == "tools/call" && parameters.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? ToolCatalog.Resolve(name.GetString()!, settings.Profile.Fixtures, stateless: true, settings.Profile.FaultTool) switch
            {
                { Fixture: { } fixture } => fixture.Mirrored,
                { Tool: { } tool } => tool.Stateless.Mirrored,
                _ => [],
            }
            : [];

    /// <summary>A tools-changed fault on the request itself (no session to keep it for later): the changed tools.</summary>
    private McpReply ToolsPage(HttpContext context, JsonRpcMessage message)
    {
        var (page, problem) = _pages.Page(message.Params, FaultState.Of(context)?.Action.Effect == Messages.Faults.FaultEffect.ToolsChanged);
        return page is not null
            ? McpReply.Ok(JsonRpcWriter.RawResult(message.IdJson, page))
            : McpReply.RequestError(message.IdJson, JsonRpcErrors.InvalidParams, problem!);
    }

    private McpReply Fixture(JsonRpcMessage message)
    {
        // 2026-07-28 lists its own fixture prompts (which ask for input) after the session revisions' ones.
        var answer = message.Method == "prompts/list" ? FixtureAnswer.Ok(StatelessFixturePrompts.ListJson)
            : Protocol.Fixtures.FixtureMethods.Answer(message.Method!, message.Params);
        if (answer.ResultJson is { } result)
        {
            return Result(message.IdJson, StatelessResults.Shape(result, message.Method is "resources/read" ? CacheHint.None
                : message.Method!.EndsWith("/list", StringComparison.Ordinal) ? CacheHint.Catalog : null));
        }
        return answer.ErrorCode == JsonRpcErrors.ResourceNotFound
            ? McpReply.Ok(JsonRpcWriter.Error(message.IdJson, JsonRpcErrors.InvalidParams, "Resource not found: " + Uri(message.Params),
                JsonText.Object(json => json.WriteString("uri", Uri(message.Params)))))
            : McpReply.RequestError(message.IdJson, answer.ErrorCode, answer.ErrorMessage!);
    }

    private static string Uri(JsonElement parameters) =>
        parameters.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String ? uri.GetString()! : "";

    private static McpReply Result(string? id, string resultJson) => McpReply.Ok(JsonRpcWriter.RawResult(id, resultJson));
}
