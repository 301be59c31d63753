using System.Collections.Immutable;
using System.Text.Json;

namespace AkkaMcpEcho.Protocol.JsonRpc;

/// <summary>
/// The strings every request repeats (its method, the tool it calls, the revision it names), read without a new string
/// per request: a JSON string equal to one of the known values is that value's one instance; any other is read as usual.
/// </summary>
public static class KnownStrings
{
    /// <summary>The methods a client sends most, the commonest first.</summary>
    public static readonly ImmutableArray<string> Methods =
    [
        "tools/call", "tools/list", "ping", "initialize", "notifications/initialized", "server/discover", "subscriptions/listen",
        "notifications/cancelled",
    ];

    /// <summary>The default tools, echo first.</summary>
    public static readonly ImmutableArray<string> Tools = [.. AkkaMcpEcho.Protocol.Tools.ToolCatalog.All.Select(tool => tool.Name)];

    /// <summary>Every revision this server knows.</summary>
    public static readonly ImmutableArray<string> Versions = ProtocolVersions.All;

    /// <summary>
    /// The string <paramref name="value"/> holds (which must be a JSON string), as a known instance when it is one of
    /// <paramref name="known"/> (none given: read as usual).
    /// </summary>
    public static string Read(JsonElement value, ImmutableArray<string> known = default)
    {
        foreach (var candidate in known.IsDefault ? [] : known)
        {
            if (value.ValueEquals(candidate))
            {
                return candidate;
            }
        }
        return value.GetString()!;
    }

    /// <summary>
    /// The string member <paramref name="name"/> of <paramref name="parent"/>, read as <see cref="Read"/> does; null when
    /// the parent is not an object or the member is missing or not a string.
    /// </summary>
    public static string? Member(JsonElement parent, string name, ImmutableArray<string> known = default) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? Read(value, known)
            : null;
}
