using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AkkaMcpEcho.Http.Security;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Http.Traffic;

/// <summary>
/// The traffic page and what it reads: /traffic (the page and its assets), /traffic/api/exchanges,
/// /traffic/api/sessions/ID, /traffic/live (SSE), and the exports /traffic/har and /traffic/jsonl (each with an optional
/// <c>?session=ID</c>). All behind <see cref="AdminAccess"/>.
/// </summary>
internal static class TrafficEndpoints
{
    public const string Path = "/traffic";
    private const int DefaultLimit = 1000;

    public static IServiceCollection AddTraffic(this IServiceCollection services) => services
        .AddSingleton<TrafficQueries>()
        .AddSingleton<TrafficFeed>();

    /// <summary>
    /// Every request under /traffic passes <see cref="AdminAccess"/> first, except the page's scripts and styles: they
    /// hold no traffic, and a browser sends no token with them.
    /// </summary>
    public static IApplicationBuilder UseTrafficAccess(this IApplicationBuilder app) =>
        AdminAccess.Use(app, Path, "traffic", "The traffic page", "shows request headers",
            open: path => path.StartsWithSegments(Path + "/assets"));

    public static void MapTraffic(this IEndpointRouteBuilder app)
    {
        var traffic = app.MapGroup(Path);
        traffic.MapGet("", (HttpContext http) => TrafficPage.Serve(http, "index.html"));
        traffic.MapGet("/assets/{file}", (HttpContext http, string file) => TrafficPage.Serve(http, file));
        traffic.MapGet("/api/exchanges", (HttpContext http, TrafficQueries queries) => Exchanges(http, queries, Format.Page));
        traffic.MapGet("/api/sessions/{id}", SessionState);
        traffic.MapGet("/live", (HttpContext http, TrafficFeed feed) => feed.Serve(http, Node(http)));
        traffic.MapGet("/har", (HttpContext http, TrafficQueries queries) => Exchanges(http, queries, Format.Har));
        traffic.MapGet("/jsonl", (HttpContext http, TrafficQueries queries) => Exchanges(http, queries, Format.JsonLines));
    }

    private enum Format
    {
        Page,
        Har,
        JsonLines,
    }

    private static async Task Exchanges(HttpContext http, TrafficQueries queries, Format format)
    {
        var query = http.Request.Query;
        var limit = DefaultLimit;
        if (query["limit"].ToString() is { Length: > 0 } raw
            && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > TrafficQueries.MaxLimit))
        {
            await Problem(http, StatusCodes.Status400BadRequest, $"limit must be a whole number from 1 to {TrafficQueries.MaxLimit}, got '{raw}'");
            return;
        }
        var session = query["session"].ToString();
        IReadOnlyList<ExchangeRecord> records;
        long evicted;
        if (session.Length > 0)
        {
            if (await queries.Session(session, http.RequestAborted) is not { } traffic)
            {
                await UnknownSession(http, session);
                return;
            }
            (records, evicted) = (traffic.Exchanges, traffic.Evicted);
        }
        else
        {
            var slice = await queries.Everything(limit, http.RequestAborted);
            (records, evicted) = (slice.Exchanges, slice.Evicted);
        }
        records = records.Count > limit ? [.. records.Skip(records.Count - limit)] : records;
        await (format switch
        {
            Format.Har => Har(http, records, session),
            Format.JsonLines => JsonLines(http, records, session),
            _ => Json(http, json =>
            {
                json.WriteStartObject();
                json.WriteString("node", Node(http));
                json.WriteNumber("evicted", evicted);
                json.WriteStartArray("exchanges");
                foreach (var record in records)
                {
                    TrafficJson.Exchange(json, record);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }),
        });
    }

    private static async Task SessionState(HttpContext http, TrafficQueries queries, string id)
    {
        if (await queries.Session(id, http.RequestAborted) is not { } traffic)
        {
            await UnknownSession(http, id);
            return;
        }
        await Json(http, json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("session");
            TrafficJson.Session(json, traffic.State);
            json.WriteNumber("evicted", traffic.Evicted);
            json.WriteStartArray("exchanges");
            foreach (var record in traffic.Exchanges)
            {
                TrafficJson.Exchange(json, record);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static Task Har(HttpContext http, IReadOnlyList<ExchangeRecord> records, string session)
    {
        Attachment(http, session, "har");
        return Json(http, json => HarExport.Write(json, records, $"{http.Request.Scheme}://{http.Request.Host}"));
    }

    private static async Task JsonLines(HttpContext http, IReadOnlyList<ExchangeRecord> records, string session)
    {
        Attachment(http, session, "jsonl");
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var output = http.Response.BodyWriter;
        foreach (var record in records)
        {
            using (var json = new Utf8JsonWriter(output, TrafficJson.Options))
            {
                TrafficJson.Exchange(json, record);
            }
            output.Write("\n"u8);
        }
        await output.FlushAsync(http.RequestAborted);
    }

    private static void Attachment(HttpContext http, string session, string extension)
    {
        var name = session.Length == 0 ? "traffic" : "traffic-" + new string([.. session.Where(char.IsAsciiLetterOrDigit).Take(40)]);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{extension}\"";
    }

    private static Task Json(HttpContext http, Action<Utf8JsonWriter> write) => AdminJson.Write(http, write);

    private static Task UnknownSession(HttpContext http, string id) =>
        Problem(http, StatusCodes.Status404NotFound, $"No session or handle '{id}' lives (never issued, ended or expired)");

    private static Task Problem(HttpContext http, int status, string message) => AdminJson.Problem(http, status, message);

    /// <summary>This node's label, as the recorder writes it: the address and port the request arrived at.</summary>
    private static string Node(HttpContext http) => TrafficRecorder.Node(http.Connection);
}
