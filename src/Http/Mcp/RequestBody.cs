using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
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
        // The reader checks JSON syntax, not the bytes inside strings; invalid UTF-8 would fail later, at GetString.
        if (!Utf8.IsValid(body))
        {
            value = default;
            problem = "the body is not valid UTF-8";
            return false;
        }
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
            if (!EscapesAreValid(body))
            {
                problem = "a string's \\u escapes are not valid UTF-16 (a lone surrogate)";
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

    /// <summary>
    /// Whether every escaped string and property name of syntactically valid JSON can be read: JSON allows a lone
    /// \uD800, but reading it as a .NET string throws, deep inside whatever handler reads it first.
    /// </summary>
    private static bool EscapesAreValid(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
                if ((reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) && reader.ValueIsEscaped)
                {
                    reader.GetString();
                }
            }
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
