using Microsoft.Net.Http.Headers;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>Header names and the content-negotiation rules of the MCP endpoint.</summary>
internal static class McpHeaders
{
    public const string SessionId = "Mcp-Session-Id";
    public const string ProtocolVersion = "MCP-Protocol-Version";
    public const string LastEventId = "Last-Event-ID";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";

    /// <summary>Content-Type must be application/json (any case, parameters such as charset allowed).</summary>
    public static bool IsJsonContent(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// How acceptable <paramref name="mediaType"/> is: the quality of the most specific Accept entry that covers it
    /// (exact type, then type/*, then */*), and that entry's position. Quality 0 means not acceptable.
    /// </summary>
    public static (double Quality, int Position) Acceptance(IList<string> accept, string mediaType)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out var entries))
        {
            return (0, int.MaxValue);
        }
        var slash = mediaType.IndexOf('/');
        var family = mediaType[..(slash + 1)] + "*";
        var best = (Specificity: -1, Quality: 0.0, Position: int.MaxValue);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i].MediaType.Value ?? "";
            var specificity = entry.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2
                : entry.Equals(family, StringComparison.OrdinalIgnoreCase) ? 1
                : entry == "*/*" ? 0
                : -1;
            if (specificity > best.Specificity)
            {
                best = (specificity, entries[i].Quality ?? 1.0, i);
            }
        }
        return (best.Quality, best.Position);
    }

    public static bool Accepts(IList<string> accept, string mediaType) => Acceptance(accept, mediaType).Quality > 0;

    /// <summary>
    /// The response-format rule for POST: text/event-stream when the client prefers it (a higher quality, or the same
    /// quality and listed before application/json); application/json otherwise, including for */*.
    /// </summary>
    public static bool PrefersEventStream(IList<string> accept)
    {
        var json = Acceptance(accept, Json);
        var sse = Acceptance(accept, EventStream);
        return sse.Quality > json.Quality || (sse.Quality == json.Quality && sse.Position < json.Position);
    }
}
