using AkkaMcpEcho.Protocol;
using Microsoft.Net.Http.Headers;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>The content-negotiation rules of the MCP endpoint.</summary>
internal static class ContentNegotiation
{
    private const string Json = McpHeaders.Json;
    private const string EventStream = McpHeaders.EventStream;

    /// <summary>Content-Type must be application/json (any case, parameters such as charset allowed).</summary>
    public static bool IsJsonContent(string? contentType) =>
        string.Equals(contentType, Json, StringComparison.OrdinalIgnoreCase)
        || (MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses an Accept header once and answers every question the endpoint asks of it.</summary>
    public static AcceptedFormats Negotiate(IList<string> accept)
    {
        // What MCP clients send: both types, equal quality, JSON first (answered as JSON).
        if (accept.Count == 1 && string.Equals(accept[0], Json + ", " + EventStream, StringComparison.OrdinalIgnoreCase))
        {
            return new AcceptedFormats(true, true, false);
        }
        if (!MediaTypeHeaderValue.TryParseList(accept, out var entries))
        {
            return default;
        }
        var json = Acceptance(entries, Json, "application/*");
        var sse = Acceptance(entries, EventStream, "text/*");
        return new AcceptedFormats(
            json.Quality > 0,
            sse.Quality > 0,
            sse.Quality > json.Quality || (sse.Quality == json.Quality && sse.Position < json.Position));
    }

    /// <summary>
    /// How acceptable <paramref name="mediaType"/> is: the quality of the most specific Accept entry that covers it
    /// (exact type, then type/*, then */*), and that entry's position. Quality 0 means not acceptable.
    /// </summary>
    private static (double Quality, int Position) Acceptance(IList<MediaTypeHeaderValue> entries, string mediaType, string family)
    {
        var best = (Specificity: -1, Quality: 0.0, Position: int.MaxValue);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i].MediaType;
            var specificity = entry.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2
                : entry.Equals(family, StringComparison.OrdinalIgnoreCase) ? 1
                : entry.Equals("*/*", StringComparison.Ordinal) ? 0
                : -1;
            if (specificity > best.Specificity)
            {
                best = (specificity, entries[i].Quality ?? 1.0, i);
            }
        }
        return (best.Quality, best.Position);
    }
}

/// <summary>
/// What a request's Accept header allows. The response-format rule for POST: text/event-stream when the client
/// prefers it (a higher quality, or the same quality and listed before application/json); application/json otherwise,
/// including for */*.
/// </summary>
internal readonly record struct AcceptedFormats(bool Json, bool EventStream, bool PrefersEventStream)
{
    public bool Both => Json && EventStream;
}
