using System.Text.Json;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>
/// What a 2026-07-28 request says about itself in <c>params._meta</c>: its revision, the client's capabilities for this
/// request alone, who the client is, the log level it wants and its progress token (raw JSON).
/// </summary>
public sealed record RequestMeta(
    string ProtocolVersion, JsonElement Capabilities, ClientInfo Client, string? LogLevel, string? ProgressTokenJson)
{
    public bool Declares(string capability) =>
        Capabilities.TryGetProperty(capability, out var value) && value.ValueKind == JsonValueKind.Object;

    /// <summary>Whether <paramref name="parameters"/> carries the revision's metadata at all (one of its two required keys).</summary>
    public static bool IsPresent(JsonElement parameters) =>
        Meta(parameters) is { } meta
        && (meta.TryGetProperty(StatelessRevision.MetaProtocolVersion, out _) || meta.TryGetProperty(StatelessRevision.MetaClientCapabilities, out _));

    /// <summary>The request's metadata, or the refusal that says exactly which field is missing or wrong.</summary>
    public static (RequestMeta? Meta, StatelessRefusal? Refusal) Read(JsonElement parameters, string? idJson)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return Missing(idJson, "params", "params must be an object carrying _meta", JsonRpcReader.Kind(parameters.ValueKind));
        }
        if (Meta(parameters) is not { } meta)
        {
            return Missing(idJson, "params._meta", "every 2026-07-28 request carries params._meta with its protocol version and client capabilities",
                parameters.TryGetProperty("_meta", out var m) ? JsonRpcReader.Kind(m.ValueKind) : "nothing");
        }
        if (!meta.TryGetProperty(StatelessRevision.MetaProtocolVersion, out var version) || version.ValueKind != JsonValueKind.String
            || KnownStrings.Read(version, KnownStrings.Versions) is not { Length: > 0 } protocolVersion)
        {
            return Missing(idJson, $"params._meta[\"{StatelessRevision.MetaProtocolVersion}\"]", "a non-empty string naming the revision",
                Described(meta, StatelessRevision.MetaProtocolVersion));
        }
        if (!meta.TryGetProperty(StatelessRevision.MetaClientCapabilities, out var capabilities) || capabilities.ValueKind != JsonValueKind.Object)
        {
            return Missing(idJson, $"params._meta[\"{StatelessRevision.MetaClientCapabilities}\"]", "an object (empty when the client declares none)",
                Described(meta, StatelessRevision.MetaClientCapabilities));
        }
        string? level = null;
        if (meta.TryGetProperty(StatelessRevision.MetaLogLevel, out var logLevel))
        {
            if (logLevel.ValueKind != JsonValueKind.String || !LogLevels.IsValid(logLevel.GetString()!))
            {
                return Missing(idJson, $"params._meta[\"{StatelessRevision.MetaLogLevel}\"]", "one of " + string.Join(", ", LogLevels.Ordered),
                    logLevel.GetRawText());
            }
            level = logLevel.GetString();
        }
        return (new RequestMeta(protocolVersion, capabilities.Clone(), ClientOf(meta), level, ProgressToken(meta)), null);
    }

    internal static JsonElement? Meta(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("_meta", out var meta) && meta.ValueKind == JsonValueKind.Object
            ? meta
            : null;

    /// <summary>clientInfo is optional and never a reason to refuse: a malformed one is ignored.</summary>
    private static ClientInfo ClientOf(JsonElement meta) =>
        meta.TryGetProperty(StatelessRevision.MetaClientInfo, out var info) && info.ValueKind == JsonValueKind.Object
            ? new ClientInfo(Text(info, "name"), Text(info, "version"))
            : ClientInfo.Unknown;

    private static string? Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? ProgressToken(JsonElement meta) =>
        meta.TryGetProperty("progressToken", out var token)
        && (token.ValueKind == JsonValueKind.String || (token.ValueKind == JsonValueKind.Number && token.TryGetInt64(out _)))
            ? token.GetRawText()
            : null;

    private static string Described(JsonElement meta, string key) =>
        meta.TryGetProperty(key, out var value) ? value.GetRawText() : "nothing (the key is absent)";

    private static (RequestMeta?, StatelessRefusal?) Missing(string? idJson, string field, string expected, string received) =>
        (null, StatelessRefusal.InvalidMeta(idJson, field, expected, received));
}
