using System.Text.Json;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Protocol;

/// <summary>The server-to-client messages of MCP, as typed messages an actor can publish; JsonRpcWriter writes them.</summary>
public static class ServerMessages
{
    /// <summary>notifications/tools/list_changed: the tools of the session changed (a tools-changed fault).</summary>
    public static readonly ServerNotification ToolsListChanged = new("notifications/tools/list_changed", null);

    public static ServerNotification Log(string level, string logger, Action<Utf8JsonWriter> data) =>
        new("notifications/message", JsonText.Object(json =>
        {
            json.WriteString("level", level);
            json.WriteString("logger", logger);
            json.WritePropertyName("data");
            data(json);
        }));

    public static ServerNotification Log(string level, string logger, string text) =>
        Log(level, logger, json => json.WriteStringValue(text));

    public static ServerNotification Progress(string tokenJson, double progress, double? total, string? message = null) =>
        new("notifications/progress", JsonText.Object(json =>
        {
            json.WritePropertyName("progressToken");
            json.WriteRawValue(tokenJson, skipInputValidation: true);
            json.WriteNumber("progress", progress);
            if (total is { } t)
            {
                json.WriteNumber("total", t);
            }
            if (message is not null)
            {
                json.WriteString("message", message);
            }
        }));

    public static ServerNotification Cancelled(string requestIdJson, string reason) =>
        new("notifications/cancelled", JsonText.Object(json =>
        {
            json.WritePropertyName("requestId");
            json.WriteRawValue(requestIdJson, skipInputValidation: true);
            json.WriteString("reason", reason);
        }));

    /// <summary>A tools/call result with one text item (<see cref="ToolResults"/>).</summary>
    public static ServerResult ToolResult(string requestIdJson, string text, bool isError) =>
        new(requestIdJson, JsonText.Object(json => ToolResults.WriteMembers(json, text, isError)));

    public static ServerError InvalidParams(string requestIdJson, string message) =>
        new(requestIdJson, JsonRpcErrors.InvalidParams, message);
}
