using System.Text.RegularExpressions;
using AkkaMcpEcho.Protocol.JsonRpc;
using static AkkaMcpEcho.Protocol.JsonText;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>The conformance fixture resources, the resource template and subscriptions, as pure functions.</summary>
public static partial class FixtureResources
{
    public const string StaticText = "test://static-text";
    public const string StaticBinary = "test://static-binary";
    public const string Watched = "test://watched-resource";

    public static readonly string ListJson = Object(json =>
    {
        json.WriteStartArray("resources");
        Entry(json, StaticText, "Static Text Resource", "A static text resource for testing", "text/plain");
        Entry(json, StaticBinary, "Static Binary Resource", "A static binary resource (image) for testing", "image/png");
        Entry(json, Watched, "Watched Resource", "A resource that can be subscribed to", "text/plain");
        json.WriteEndArray();
    });

    public static readonly string TemplatesJson = Object(json =>
    {
        json.WriteStartArray("resourceTemplates");
        json.WriteStartObject();
        json.WriteString("uriTemplate", "test://template/{id}/data");
        json.WriteString("name", "Resource Template");
        json.WriteString("description", "A resource template with an id parameter");
        json.WriteString("mimeType", "application/json");
        json.WriteEndObject();
        json.WriteEndArray();
    });

    public static FixtureAnswer Read(string uri)
    {
        if (uri == StaticText)
        {
            return Contents(uri, "text/plain", "text", "This is the content of the static text resource.");
        }
        if (uri == StaticBinary)
        {
            return Contents(uri, "image/png", "blob", FixtureData.Png);
        }
        if (uri == Watched)
        {
            return Contents(uri, "text/plain", "text", "This resource can be watched for updates.");
        }
        if (TemplateUri().Match(uri) is { Success: true } match)
        {
            var id = match.Groups[1].Value;
            var text = Object(json =>
            {
                json.WriteString("id", id);
                json.WriteBoolean("templateTest", true);
                json.WriteString("data", $"Data for ID: {id}");
            });
            return Contents(uri, "application/json", "text", text);
        }
        return NotFound(uri);
    }

    /// <summary>resources/subscribe and unsubscribe: {} for a resource this server has; -32002 otherwise.</summary>
    public static FixtureAnswer Subscription(string uri) => Exists(uri) ? FixtureAnswer.Ok("{}") : NotFound(uri);

    public static bool Exists(string uri) => uri is StaticText or StaticBinary or Watched || TemplateUri().IsMatch(uri);

    private static FixtureAnswer NotFound(string uri) =>
        FixtureAnswer.Error(JsonRpcErrors.ResourceNotFound, $"Resource not found: {uri}");

    private static FixtureAnswer Contents(string uri, string mimeType, string field, string value) =>
        FixtureAnswer.Ok(Object(json =>
        {
            json.WriteStartArray("contents");
            json.WriteStartObject();
            json.WriteString("uri", uri);
            json.WriteString("mimeType", mimeType);
            json.WriteString(field, value);
            json.WriteEndObject();
            json.WriteEndArray();
        }));

    private static void Entry(System.Text.Json.Utf8JsonWriter json, string uri, string name, string description, string mimeType)
    {
        json.WriteStartObject();
        json.WriteString("uri", uri);
        json.WriteString("name", name);
        json.WriteString("description", description);
        json.WriteString("mimeType", mimeType);
        json.WriteEndObject();
    }

    [GeneratedRegex("^test://template/([^/]+)/data$")]
    private static partial Regex TemplateUri();
}
