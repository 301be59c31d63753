using System.Collections.Immutable;
using System.Text.Json;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>
/// 2026-07-28's <c>subscriptions/listen</c>: a long-lived POST whose SSE stream first acknowledges what it will carry,
/// then carries only the change notifications the client opted into, each tagged with the subscription's id.
/// </summary>
public static class Subscriptions
{
    /// <summary>
    /// The subset of what the client asked for that the server will honour: list changes it can report (tools always;
    /// prompts and resources in fixture mode) and updates of resources it has. Null: the params are not a listen request.
    /// </summary>
    public static (ListenFilter? Filter, string? Problem) Granted(JsonElement parameters, bool fixtures, Func<string, bool> resourceExists)
    {
        if (!parameters.TryGetProperty("notifications", out var asked) || asked.ValueKind != JsonValueKind.Object)
        {
            return (null, "Invalid params: subscriptions/listen needs params.notifications, an object saying which changes to deliver "
                + "(toolsListChanged, promptsListChanged, resourcesListChanged: booleans; resourceSubscriptions: URIs)");
        }
        var uris = asked.TryGetProperty("resourceSubscriptions", out var subscriptions) && subscriptions.ValueKind == JsonValueKind.Array
            ? subscriptions.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!)
                .Where(uri => fixtures && resourceExists(uri)).Distinct().ToImmutableArray()
            : [];
        return (new ListenFilter(Flag(asked, "toolsListChanged"), fixtures && Flag(asked, "promptsListChanged"),
            fixtures && Flag(asked, "resourcesListChanged"), uris), null);
    }

    public static bool Wants(ListenFilter filter, ListChanged change) => change.List switch
    {
        "tools" => filter.ToolsListChanged,
        "prompts" => filter.PromptsListChanged,
        "resources" => filter.ResourcesListChanged,
        _ => change.Uri is not null && filter.ResourceUris.Contains(change.Uri),
    };

    public static ServerNotification Acknowledged(string subscriptionIdJson, ListenFilter filter) =>
        new("notifications/subscriptions/acknowledged", JsonText.Object(json =>
        {
            Tag(json, subscriptionIdJson);
            json.WriteStartObject("notifications");
            WriteIfSet(json, "toolsListChanged", filter.ToolsListChanged);
            WriteIfSet(json, "promptsListChanged", filter.PromptsListChanged);
            WriteIfSet(json, "resourcesListChanged", filter.ResourcesListChanged);
            if (!filter.ResourceUris.IsEmpty)
            {
                json.WriteStartArray("resourceSubscriptions");
                foreach (var uri in filter.ResourceUris)
                {
                    json.WriteStringValue(uri);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }));

    public static ServerNotification Notification(string subscriptionIdJson, ListChanged change) =>
        new(change.Uri is null ? $"notifications/{change.List}/list_changed" : "notifications/resources/updated", JsonText.Object(json =>
        {
            Tag(json, subscriptionIdJson);
            if (change.Uri is not null)
            {
                json.WriteString("uri", change.Uri);
            }
        }));

    /// <summary>The listen request's final response, when the server ends the stream (shutdown).</summary>
    public static ServerResult Closed(string subscriptionIdJson) =>
        new(subscriptionIdJson, JsonText.Object(json =>
        {
            json.WriteString("resultType", StatelessResults.Complete);
            Tag(json, subscriptionIdJson);
        }));

    private static void Tag(Utf8JsonWriter json, string subscriptionIdJson)
    {
        json.WriteStartObject("_meta");
        json.WritePropertyName(StatelessRevision.MetaSubscriptionId);
        json.WriteRawValue(subscriptionIdJson, skipInputValidation: true);
        json.WriteEndObject();
    }

    private static bool Flag(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static void WriteIfSet(Utf8JsonWriter json, string name, bool value)
    {
        if (value)
        {
            json.WriteBoolean(name, true);
        }
    }
}
