using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Auth;

/// <summary>Finds a request's traffic record by the <c>X-Test</c> header the test marked it with.</summary>
public static class TrafficRecords
{
    public static async Task<JsonElement> Marked(EchoServerHost server, string mark)
    {
        var found = await Eventually.Until(async () => JsonElement.Parse(await server.Http.GetStringAsync("/traffic/api/exchanges"))
                .GetProperty("exchanges").EnumerateArray().Where(e => e.GetProperty("requestHeaders").EnumerateArray()
                    .Any(h => h[0].GetString() == "X-Test" && h[1].GetString() == mark)).ToArray(),
            records => records.Length == 1, TimeSpan.FromSeconds(10), $"the record of {mark}");
        return found[0];
    }
}
