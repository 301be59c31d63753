using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>Reads a POST body up to a byte limit and parses it as one JSON value.</summary>
internal static class RequestBody
{
    /// <summary>The body's bytes, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> Read(HttpRequest request, int limit, CancellationToken cancel)
    {
        // This method enforces the limit on the payload. Kestrel's own limit would count chunked framing (chunk sizes,
        // CRLFs), failing a chunked body of exactly the limit, and would stop Kestrel draining an over-limit body
        // after the 413, which then cuts the connection under a client that reuses it. The drain is time-bounded.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
        {
            kestrelLimit.MaxRequestBodySize = null;
        }
        if (request.ContentLength > limit)
        {
            return null;
        }
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancel);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return null;
            }
            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return bytes;
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>Parses exactly one JSON value (no trailing content); the element owns its memory.</summary>
    public static bool TryParse(byte[] body, out JsonElement value, out string? problem)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            value = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                problem = "unexpected content after the JSON value";
                value = default;
                return false;
            }
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            value = default;
            problem = e.Message;
            return false;
        }
    }
}
