using System.Text.Json;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Protocol;

/// <summary>The parts of initialize's params the server uses, checked for type.</summary>
public sealed record InitializeParams(string ProtocolVersion, ClientInfo Client)
{
    public const string Expected =
        "Invalid params: initialize needs params {protocolVersion: string, capabilities: object, clientInfo: {name: string, version: string}}";

    public static InitializeParams? Read(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Object
            || !p.TryGetProperty("protocolVersion", out var version) || version.ValueKind != JsonValueKind.String
            || (p.TryGetProperty("capabilities", out var capabilities) && capabilities.ValueKind != JsonValueKind.Object))
        {
            return null;
        }
        var client = ClientInfo.Unknown;
        if (p.TryGetProperty("clientInfo", out var info))
        {
            if (info.ValueKind != JsonValueKind.Object
                || !OptionalString(info, "name", out var name) || !OptionalString(info, "version", out var clientVersion))
            {
                return null;
            }
            client = new ClientInfo(name, clientVersion);
        }
        if (capabilities.ValueKind == JsonValueKind.Object)
        {
            client = client with
            {
                DeclaresSampling = capabilities.TryGetProperty("sampling", out var sampling) && sampling.ValueKind == JsonValueKind.Object,
                DeclaresElicitation = capabilities.TryGetProperty("elicitation", out var elicitation)
                    && elicitation.ValueKind == JsonValueKind.Object,
            };
        }
        return new InitializeParams(version.GetString()!, client);
    }

    private static bool OptionalString(JsonElement owner, string property, out string? value)
    {
        value = null;
        if (!owner.TryGetProperty(property, out var element))
        {
            return true;
        }
        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return element.ValueKind == JsonValueKind.String;
    }
}
