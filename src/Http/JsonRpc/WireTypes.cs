using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkkaMcpEcho.Http.JsonRpc;

internal sealed record Implementation(string Name, string Version);

internal sealed record ToolsCapability(bool ListChanged);

internal sealed record EmptyObject;

internal sealed record ResourcesCapability(bool Subscribe, bool ListChanged);

internal sealed record PromptsCapability(bool ListChanged);

internal sealed record ServerCapabilities(ToolsCapability Tools, EmptyObject Logging)
{
    public static readonly ServerCapabilities Default = new(new ToolsCapability(false), new EmptyObject());

    /// <summary>Conformance fixture mode adds resources (with subscribe), prompts and completion.</summary>
    public static readonly ServerCapabilities WithFixtures = Default with
    {
        Resources = new ResourcesCapability(true, false),
        Prompts = new PromptsCapability(false),
        Completions = new EmptyObject(),
    };

    public ResourcesCapability? Resources { get; init; }
    public PromptsCapability? Prompts { get; init; }
    public EmptyObject? Completions { get; init; }
}

internal sealed record InitializeResult(string ProtocolVersion, ServerCapabilities Capabilities, Implementation ServerInfo);

internal sealed record ToolInfo(string Name, string Description, JsonElement InputSchema);

internal sealed record ToolsListResult(IReadOnlyList<ToolInfo> Tools);

internal sealed record TextContent(string Type, string Text)
{
    public static TextContent Of(string text) => new("text", text);
}

internal sealed record CallToolResult(IReadOnlyList<TextContent> Content)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsError { get; init; }
}

internal sealed record ErrorObject(int Code, string Message);

internal sealed record SessionCounts(
    [property: JsonPropertyName("active")] int Active,
    [property: JsonPropertyName("total_created")] long TotalCreated,
    [property: JsonPropertyName("expired")] long Expired,
    [property: JsonPropertyName("ended")] long Ended,
    [property: JsonPropertyName("rejected")] long Rejected,
    [property: JsonPropertyName("max")] int Max);

internal sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("sessions")] SessionCounts Sessions,
    [property: JsonPropertyName("uptime_seconds")] long UptimeSeconds,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("cluster")] Health.ClusterHealth? Cluster = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(ToolsListResult))]
[JsonSerializable(typeof(CallToolResult))]
[JsonSerializable(typeof(EmptyObject))]
[JsonSerializable(typeof(ErrorObject))]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class WireJson : JsonSerializerContext
{
    /// <summary>Emoji and other non-ASCII text go out as UTF-8, as the original server sends them.</summary>
    public static WireJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
