using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkkaMcpEcho.Protocol.JsonRpc;

public sealed record Implementation(string Name, string Version);

public sealed record ToolsCapability(bool ListChanged);

public sealed record EmptyObject;

public sealed record ResourcesCapability(bool Subscribe, bool ListChanged);

public sealed record PromptsCapability(bool ListChanged);

public sealed record ServerCapabilities(ToolsCapability Tools, EmptyObject Logging)
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

public sealed record InitializeResult(string ProtocolVersion, ServerCapabilities Capabilities, Implementation ServerInfo);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(EmptyObject))]
public sealed partial class WireJson : JsonSerializerContext
{
    /// <summary>Emoji and other non-ASCII text go out as UTF-8, as the original server sends them.</summary>
    public static WireJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
