using System.Net;

namespace AkkaMcpEcho.Http.Tests.Transport;

/// <summary>A body of unknown length, so HttpClient sends it with Transfer-Encoding: chunked, in several writes.</summary>
public sealed class ChunkedContent(byte[] body, int chunkSize) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < body.Length; offset += chunkSize)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunkSize, body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
