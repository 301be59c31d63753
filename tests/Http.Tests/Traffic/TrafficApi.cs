using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Traffic;

/// <summary>Reads the traffic page's JSON API as the page does; a record reaches the log just after its response, so reads poll.</summary>
internal static class TrafficApi
{
    public static async Task<JsonElement> Get(HttpClient http, string pathAndQuery)
    {
        using var response = await http.GetAsync(pathAndQuery);
        response.EnsureSuccessStatusCode();
        return JsonElement.Parse(await response.Content.ReadAsStringAsync());
    }

    public static async Task<List<JsonElement>> Exchanges(HttpClient http, string query = "") =>
        [.. (await Get(http, "/traffic/api/exchanges" + query)).GetProperty("exchanges").EnumerateArray()];

    /// <summary>The recorded exchanges once <paramref name="done"/> holds of them (within 10 s).</summary>
    public static Task<List<JsonElement>> Until(HttpClient http, Func<List<JsonElement>, bool> done, string query = "") =>
        Eventually.Until(() => Exchanges(http, query), done, TimeSpan.FromSeconds(10), "the recorded exchanges");

    /// <summary>The recorded tools/call whose request body carries <paramref name="marker"/>.</summary>
    public static async Task<JsonElement> Call(HttpClient http, string marker, string query = "") =>
        (await Until(http, list => list.Any(e => Carries(e, marker)), query)).Single(e => Carries(e, marker));

    public static bool Carries(JsonElement exchange, string marker) =>
        exchange.GetProperty("requestBody") is { ValueKind: JsonValueKind.Object } body
        && body.GetProperty("text").GetString()!.Contains(marker, StringComparison.Ordinal);

    public static string? Header(JsonElement exchange, string list, string name) =>
        exchange.GetProperty(list).EnumerateArray().Where(h => h[0].GetString()!.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h[1].GetString()).FirstOrDefault();

    public static string Text(JsonElement exchange, string member) => exchange.GetProperty(member).GetProperty("text").GetString()!;
}
