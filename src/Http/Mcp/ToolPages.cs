using System.Text;
using System.Text.Json;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.JsonRpc;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// tools/list in pages of MCP_TOOLS_PAGE_SIZE tools (default 100: one page), rendered once at start. A cursor is
/// opaque (base64url of the page number) and stable, since the catalog never changes while the server runs;
/// the last page has no nextCursor; an unreadable cursor is -32602.
/// </summary>
internal sealed class ToolPages
{
    public const string PageSizeKey = "MCP_TOOLS_PAGE_SIZE";
    private const string CursorPrefix = "tools/list:";

    private readonly byte[][] _pages;

    public ToolPages(ConformanceMode conformance, IConfiguration config)
    {
        var pageSize = PageSize(config[PageSizeKey]);
        var all = JsonElement.Parse(conformance.Enabled ? ToolListing.WithFixtures : ToolListing.Json).GetProperty("tools")
            .EnumerateArray().ToArray();
        var chunks = all.Chunk(pageSize).ToArray();
        _pages = chunks.Length == 0
            ? [Render([], null)]
            : chunks.Select((tools, index) => Render(tools, index + 1 < chunks.Length ? index + 1 : null)).ToArray();
    }

    public int Count => _pages.Length;

    public McpReply Answer(string? idJson, JsonElement parameters)
    {
        var page = 0;
        if (parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("cursor", out var cursor)
            && cursor.ValueKind != JsonValueKind.Null)
        {
            if (cursor.ValueKind != JsonValueKind.String || PageOf(cursor.GetString()!) is not { } found || found >= _pages.Length)
            {
                return McpReply.RequestError(idJson, JsonRpcErrors.InvalidParams,
                    $"Invalid params: invalid cursor {cursor.GetRawText()}; use a nextCursor from an earlier tools/list");
            }
            page = found;
        }
        return McpReply.Ok(JsonRpcWriter.RawResult(idJson, _pages[page]));
    }

    public static string Cursor(int page) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + page)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int? PageOf(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal) && int.TryParse(text[CursorPrefix.Length..], out var page) && page > 0
                ? page
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Render(JsonElement[] tools, int? nextPage)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = WireJson.Relaxed.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteStartArray("tools");
            foreach (var tool in tools)
            {
                tool.WriteTo(json);
            }
            json.WriteEndArray();
            if (nextPage is { } next)
            {
                json.WriteString("nextCursor", Cursor(next));
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static int PageSize(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? 100
        : int.TryParse(raw.Trim(), out var size) && size is >= 1 and <= 10_000 ? size
        : throw new InvalidOperationException($"Invalid configuration:\n  {PageSizeKey}={raw}: expected a whole number from 1 to 10000");
}
