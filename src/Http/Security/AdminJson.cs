using System.Text.Json;

namespace AkkaMcpEcho.Http.Security;

/// <summary>The JSON answers of the admin endpoints (/traffic, /faults): a body written as it goes, or <c>{"error": ...}</c>.</summary>
internal static class AdminJson
{
    /// <summary>Recorded text as it was (quotes and angle brackets unescaped): served as JSON, shown by the page as text only.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task Write(HttpContext http, Action<Utf8JsonWriter> write)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var output = http.Response.BodyWriter;
        using (var json = new Utf8JsonWriter(output, Options))
        {
            write(json);
        }
        await output.FlushAsync(http.RequestAborted);
    }

    public static Task Problem(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        return Write(http, json =>
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            json.WriteEndObject();
        });
    }
}
