using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Auth;

/// <summary>The Protected Resource Metadata document of RFC 9728 for this server's MCP endpoint.</summary>
public static class ResourceMetadata
{
    public const string WellKnownPath = "/.well-known/oauth-protected-resource";

    public static byte[] Document(string resource, string authorizationServer, IReadOnlyList<string> scopesSupported)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("resource", resource);
            json.WriteStartArray("authorization_servers");
            json.WriteStringValue(authorizationServer);
            json.WriteEndArray();
            if (scopesSupported.Count > 0)
            {
                json.WriteStartArray("scopes_supported");
                foreach (var scope in scopesSupported)
                {
                    json.WriteStringValue(scope);
                }
                json.WriteEndArray();
            }
            json.WriteStartArray("bearer_methods_supported");
            json.WriteStringValue("header");
            json.WriteEndArray();
            json.WriteString("resource_name", ServerProfile.Name);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
