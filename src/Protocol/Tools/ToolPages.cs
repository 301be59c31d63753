using System.Text;
using System.Text.Json;
using AkkaMcpEcho.Protocol.Fixtures;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>
/// tools/list in pages of <c>pageSize</c> tools (default 100: one page), rendered once at start: the catalog never
/// changes while the server runs. A cursor is opaque (base64url of the page number) and stable; the last page has no
/// nextCursor; an unreadable cursor is -32602. A session with a tools-changed fault pending gets the changed pages.
/// </summary>
public sealed class ToolPages
{
    private const string CursorPrefix = "tools/list:";

    /// <summary>What a tools-changed fault changes: the first tool's description, and a mark in its input schema.</summary>
    public const string ChangedDescription = " (changed by an injected tools-changed fault)";
    public const string ChangedSchemaMark = "\"x-echo-fault\":\"tools-changed\",";

    private readonly byte[][] _pages;
    private readonly byte[][] _changed;
    private readonly bool _stateless;

    private ToolPages((string Name, string Description, string InputSchemaJson)[] tools, int pageSize, bool stateless)
    {
        _stateless = stateless;
        _pages = Render(tools, pageSize);
        _changed = Render([.. tools.Take(1).Select(t => (t.Name, t.Description + ChangedDescription, "{" + ChangedSchemaMark + t.InputSchemaJson[1..])),
            .. tools.Skip(1)], pageSize);
    }

    /// <param name="fixtures">Conformance fixture mode: the default tools, then the fixture tools.</param>
    /// <param name="faultTool">MCP_FAULTS_TOOL: injectFault after the default tools.</param>
    public static ToolPages ForSessions(bool fixtures, int pageSize, bool faultTool = false) => new(
        [.. ToolCatalog.Listed(faultTool).Select(tool => (tool.Name, tool.Description, tool.Sessions.InputSchemaJson)),
            .. fixtures ? FixtureTools.All.Select(tool => (tool.Name, tool.Description, tool.InputSchemaJson)) : []],
        pageSize, stateless: false);

    /// <summary>2026-07-28: the tools that keep state take a session argument; every page carries the revision's members.</summary>
    public static ToolPages ForStateless(bool fixtures, int pageSize, bool faultTool = false) => new(
        [.. ToolCatalog.Listed(faultTool).Select(tool => (tool.Name, tool.Description, tool.Stateless.InputSchemaJson)),
            .. fixtures ? FixtureTools.Stateless.Select(tool => (tool.Name, tool.Description, tool.InputSchemaJson)) : []],
        pageSize, stateless: true);

    public int Count => _pages.Length;

    /// <summary>The page the request's cursor names, or an error (code, message) for a cursor it cannot read.</summary>
    /// <param name="changed">A tools-changed fault applies: the changed pages.</param>
    public (byte[]? Page, string? Problem) Page(JsonElement parameters, bool changed = false)
    {
        var pages = changed ? _changed : _pages;
        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("cursor", out var cursor)
            || cursor.ValueKind == JsonValueKind.Null)
        {
            return (pages[0], null);
        }
        return cursor.ValueKind == JsonValueKind.String && PageOf(cursor.GetString()!) is { } found && found < pages.Length
            ? (pages[found], null)
            : (null, $"Invalid params: invalid cursor {cursor.GetRawText()}; use a nextCursor from an earlier tools/list");
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

    private byte[][] Render((string Name, string Description, string InputSchemaJson)[] tools, int pageSize)
    {
        var chunks = tools.Chunk(pageSize).ToArray();
        return chunks.Length == 0
            ? [Render([], null)]
            : chunks.Select((page, index) => Render(page, index + 1 < chunks.Length ? index + 1 : null)).ToArray();
    }

    private byte[] Render((string Name, string Description, string InputSchemaJson)[] tools, int? nextPage)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonText.Options))
        {
            json.WriteStartObject();
            if (_stateless)
            {
                StatelessResults.WriteHead(json, StatelessResults.Complete, CacheHint.Catalog);
            }
            json.WriteStartArray("tools");
            foreach (var (name, description, schema) in tools)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("description", description);
                json.WritePropertyName("inputSchema");
                json.WriteRawValue(schema);
                json.WriteEndObject();
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
}
