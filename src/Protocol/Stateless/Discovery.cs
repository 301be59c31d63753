using System.Collections.Immutable;

namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>The server/discover result: the stateless revisions served, the capabilities, and what the server is for.</summary>
public static class Discovery
{
    public const string Instructions =
        "AkkaMcpEcho, a diagnostic MCP server: its tools show what arrived (headers, tokens, timing, CORS, configuration). "
        + "2026-07-28 requests are stateless; to keep state across them, call echo with \"session\": \"new\" and pass the "
        + "handle it returns as the session argument of echo, replayLastEcho and sessionInfo.";

    public static string Result(ImmutableArray<string> versions, bool fixtures) => JsonText.Object(json =>
    {
        StatelessResults.WriteHead(json, StatelessResults.Complete, CacheHint.None);
        json.WriteStartArray("supportedVersions");
        foreach (var version in versions)
        {
            json.WriteStringValue(version);
        }
        json.WriteEndArray();
        json.WriteStartObject("capabilities");
        json.WriteStartObject("tools");
        json.WriteBoolean("listChanged", true);
        json.WriteEndObject();
        json.WriteStartObject("logging");
        json.WriteEndObject();
        if (fixtures)
        {
            json.WriteStartObject("prompts");
            json.WriteBoolean("listChanged", true);
            json.WriteEndObject();
            json.WriteStartObject("resources");
            json.WriteBoolean("subscribe", true);
            json.WriteBoolean("listChanged", true);
            json.WriteEndObject();
            json.WriteStartObject("completions");
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteString("instructions", Instructions);
    });
}
