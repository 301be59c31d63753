using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// What reading a POST body gave: its bytes, or why there are none. <see cref="FailedStatus"/> is set when the client
/// sent a body that cannot be read (bad chunked framing: 400; data arriving too slowly: 408); the body is then lost.
/// </summary>
internal readonly record struct BodyRead(byte[]? Bytes, bool TooLarge, int FailedStatus = 0, string? Problem = null);

/// <summary>Reads a POST body up to a byte limit and parses it as one JSON value.</summary>
internal static class RequestBody
{
    /// <summary>The body's bytes, or why they could not be read (a ValueTask: a body already received costs no task).</summary>
    public static async ValueTask<BodyRead> Read(HttpRequest request, int limit, CancellationToken cancel)
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
            return new BodyRead(null, TooLarge: true);
        }
        try
        {
            return await ReadUpTo(request.BodyReader, limit, cancel);
        }
        catch (BadHttpRequestException e)
        {
            return new BodyRead(null, false, e.StatusCode, e.Message);
        }
        catch (IOException e) when (e is not Microsoft.AspNetCore.Connections.ConnectionResetException && !cancel.IsCancellationRequested)
        {
            // Kestrel wraps some framing errors (a chunk size that overflows) in a plain IOException.
            return new BodyRead(null, false, StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private static async ValueTask<BodyRead> ReadUpTo(System.IO.Pipelines.PipeReader reader, int limit, CancellationToken cancel)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancel);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return new BodyRead(null, TooLarge: true);
            }
            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return new BodyRead(bytes, false);
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
