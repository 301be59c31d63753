using System.Text.Json;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Http.Traffic;

/// <summary>
/// Recorded exchanges as HAR 1.2 (what browser devtools and HAR viewers open). An SSE answer's content is its events as
/// they were written; what HAR has no field for (era, session, JSON-RPC method, events' offsets, the diagnosis) goes in
/// custom fields, whose names start with an underscore as the format asks.
/// </summary>
internal static class HarExport
{
    public static void Write(Utf8JsonWriter json, IEnumerable<ExchangeRecord> records, string origin)
    {
        json.WriteStartObject();
        json.WriteStartObject("log");
        json.WriteString("version", "1.2");
        json.WriteStartObject("creator");
        json.WriteString("name", ServerProfile.Name);
        json.WriteString("version", ServerProfile.Version);
        json.WriteEndObject();
        json.WriteStartArray("entries");
        foreach (var record in records)
        {
            Entry(json, record, origin);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Entry(Utf8JsonWriter json, ExchangeRecord record, string origin)
    {
        json.WriteStartObject();
        json.WriteString("startedDateTime", TrafficJson.Time(record.StartedUtcTicks));
        json.WriteNumber("time", record.DurationMs);
        json.WriteStartObject("request");
        json.WriteString("method", record.HttpMethod);
        json.WriteString("url", origin + record.Path);
        json.WriteString("httpVersion", "HTTP/1.1");
        json.WriteStartArray("cookies");
        json.WriteEndArray();
        Headers(json, record.RequestHeaders);
        QueryString(json, record.Path);
        if (record.RequestBody is { } body)
        {
            json.WriteStartObject("postData");
            json.WriteString("mimeType", Header(record.RequestHeaders, "Content-Type") ?? "application/json");
            json.WriteString("text", body.Utf8.Span);
            json.WriteEndObject();
        }
        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", record.RequestBody?.Bytes ?? 0);
        json.WriteEndObject();

        json.WriteStartObject("response");
        json.WriteNumber("status", record.Status);
        json.WriteString("statusText", Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(record.Status));
        json.WriteString("httpVersion", "HTTP/1.1");
        json.WriteStartArray("cookies");
        json.WriteEndArray();
        Headers(json, record.ResponseHeaders);
        var content = record.ResponseBody?.Text ?? string.Concat(record.Events.Select(e => e.Data.Text + "\n\n"));
        json.WriteStartObject("content");
        json.WriteNumber("size", record.ResponseBody?.Bytes ?? record.Events.Sum(e => e.Data.Bytes));
        json.WriteString("mimeType", Header(record.ResponseHeaders, "Content-Type") ?? "");
        json.WriteString("text", content);
        json.WriteEndObject();
        json.WriteString("redirectURL", "");
        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", -1);
        json.WriteEndObject();

        json.WriteStartObject("cache");
        json.WriteEndObject();
        json.WriteStartObject("timings");
        json.WriteNumber("send", 0);
        json.WriteNumber("wait", record.DurationMs);
        json.WriteNumber("receive", 0);
        json.WriteEndObject();
        if (record.AuthVerdict is { } verdict)
        {
            json.WritePropertyName("_authVerdict");
            TrafficJson.AuthVerdict(json, verdict);
        }
        json.WritePropertyName("_mcp");
        TrafficJson.Exchange(json, record with { RequestHeaders = [], ResponseHeaders = [], RequestBody = null, ResponseBody = null });
        json.WriteEndObject();
    }

    private static void Headers(Utf8JsonWriter json, IEnumerable<HeaderField> headers)
    {
        json.WriteStartArray("headers");
        foreach (var header in headers)
        {
            json.WriteStartObject();
            json.WriteString("name", header.Name);
            json.WriteString("value", header.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void QueryString(Utf8JsonWriter json, string path)
    {
        json.WriteStartArray("queryString");
        var query = path.IndexOf('?') is var at and >= 0 ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(path[at..]) : [];
        foreach (var (name, values) in query)
        {
            foreach (var value in values)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("value", value);
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
    }

    private static string? Header(IEnumerable<HeaderField> headers, string name) =>
        headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
