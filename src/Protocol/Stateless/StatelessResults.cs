using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>How long a client may reuse a result, and with whom (2026-07-28's caching hints).</summary>
public sealed record CacheHint(int TtlMs, string Scope)
{
    /// <summary>Lists of a catalog that never changes while the server runs.</summary>
    public static readonly CacheHint Catalog = new(60_000, "public");

    /// <summary>A result that must not be reused (it answers one request, or depends on who asked).</summary>
    public static readonly CacheHint None = new(0, "private");
}

/// <summary>
/// The members every 2026-07-28 result carries: <c>resultType</c>, the caching hints where the result is cacheable,
/// and the server's identity in <c>_meta</c>. Session-revision results are written without them.
/// </summary>
public static class StatelessResults
{
    public const string Complete = "complete";
    public const string InputRequired = "input_required";

    /// <summary>Writes the shared members at the start of a result object.</summary>
    public static void WriteHead(Utf8JsonWriter json, string resultType = Complete, CacheHint? cache = null)
    {
        json.WriteString("resultType", resultType);
        if (cache is not null)
        {
            json.WriteNumber("ttlMs", cache.TtlMs);
            json.WriteString("cacheScope", cache.Scope);
        }
        json.WriteStartObject("_meta");
        json.WriteStartObject(StatelessRevision.MetaServerInfo);
        json.WriteString("name", ServerProfile.Name);
        json.WriteString("version", ServerProfile.Version);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A complete result object rendered elsewhere, with the shared members put in front of its own.</summary>
    public static string Shape(string resultObjectJson, CacheHint? cache = null)
    {
        var members = resultObjectJson.AsSpan().Trim()[1..^1].Trim();
        var head = JsonText.Object(json => WriteHead(json, Complete, cache));
        return members.IsEmpty ? head : string.Concat(head.AsSpan(0, head.Length - 1), ",", members, "}");
    }
}
