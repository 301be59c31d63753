using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Http;

/// <summary>
/// A minimal HTTP/1.1 keep-alive client over one socket: one request at a time, Content-Length or chunked bodies.
/// Cheaper than HttpClient, so on a 2-core machine more of the CPU goes to the server under test.
/// Reconnects on the next request after any failure or a <c>Connection: close</c>.
/// </summary>
public sealed class RawHttpConnection(IPEndPoint endpoint) : IDisposable
{
    private readonly string _host = $"{endpoint.Address}:{endpoint.Port}";
    private readonly ResponseBuffer _in = new();
    private byte[] _out = new byte[4096];
    private byte[] _body = new byte[4096];
    private Socket? _socket;
    private IReadOnlyList<KeyValuePair<string, string>>? _cachedHeaders;
    private string? _cachedMethod;
    private string? _cachedPath;
    private byte[] _cachedHead = [];

    public IPEndPoint Endpoint => endpoint;

    public async Task<HttpAnswer> Send(string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body, CancellationToken cancel)
    {
        try
        {
            var socket = await Connected(cancel);
            var length = Compose(method, path, headers, body.Span);
            await socket.SendAsync(_out.AsMemory(0, length), SocketFlags.None, cancel);
            var head = await ReadHead(socket, cancel);
            var bodyLength = head.Chunked ? await ReadChunkedBody(socket, cancel)
                : head.ContentLength > 0 ? await ReadExactBody(socket, (int)head.ContentLength, cancel)
                : 0;
            if (head.Close)
            {
                Reset();
            }
            return new HttpAnswer(head.Status, head.SessionId, head.EventStream, _body.AsMemory(0, bodyLength));
        }
        catch
        {
            Reset();
            throw;
        }
    }

    /// <summary>Sends a GET and reads the response head; the body then comes through <see cref="ReadChunk"/>.</summary>
    public async Task<ResponseHead> OpenStream(string path, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancel)
    {
        var socket = await Connected(cancel);
        var length = Compose("GET", path, headers, default);
        await socket.SendAsync(_out.AsMemory(0, length), SocketFlags.None, cancel);
        return await ReadHead(socket, cancel);
    }

    /// <summary>The next chunk of a chunked stream; null at the stream's end.</summary>
    public async Task<byte[]?> ReadChunk(CancellationToken cancel)
    {
        var socket = _socket ?? throw new InvalidOperationException("no open stream");
        var size = await ReadChunkSize(socket, cancel);
        if (size == 0)
        {
            return null;
        }
        await _in.Ensure(socket, size + 2, cancel);
        var chunk = _in.Data.AsSpan(_in.Start, size).ToArray();
        _in.Start += size + 2;
        return chunk;
    }

    public void Reset()
    {
        _socket?.Dispose();
        _socket = null;
        _in.Clear();
    }

    public void Dispose() => Reset();

    private async ValueTask<Socket> Connected(CancellationToken cancel)
    {
        if (_socket is not null)
        {
            return _socket;
        }
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancel);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _socket = socket;
        return socket;
    }

    /// <summary>Writes the request into the output buffer. The head up to Content-Length is cached while the method, path
    /// and header list (by reference) stay the same, as they do for every call of one session.</summary>
    private int Compose(string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body)
    {
        if (!ReferenceEquals(headers, _cachedHeaders) || method != _cachedMethod || path != _cachedPath)
        {
            var head = new StringBuilder(256).Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\nHost: ").Append(_host).Append("\r\n");
            foreach (var (name, value) in headers)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }
            _cachedHead = Encoding.ASCII.GetBytes(head.ToString());
            (_cachedHeaders, _cachedMethod, _cachedPath) = (headers, method, path);
        }
        var size = _cachedHead.Length + 32 + body.Length;
        if (_out.Length < size)
        {
            _out = new byte[Math.Max(size, _out.Length * 2)];
        }
        _cachedHead.CopyTo(_out, 0);
        var written = _cachedHead.Length;
        if (method != "GET")
        {
            "Content-Length: "u8.CopyTo(_out.AsSpan(written));
            written += 16;
            body.Length.TryFormat(_out.AsSpan(written), out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
            written += digits;
            "\r\n"u8.CopyTo(_out.AsSpan(written));
            written += 2;
        }
        "\r\n"u8.CopyTo(_out.AsSpan(written));
        written += 2;
        body.CopyTo(_out.AsSpan(written));
        return written + body.Length;
    }

    private async Task<ResponseHead> ReadHead(Socket socket, CancellationToken cancel)
    {
        int end;
        while ((end = _in.IndexOf("\r\n\r\n"u8)) < 0)
        {
            await _in.Ensure(socket, _in.Count + 1, cancel);
        }
        var head = ResponseHead.Parse(_in.Data.AsSpan(_in.Start, end));
        _in.Start += end + 4;
        return head;
    }

    private async Task<int> ReadExactBody(Socket socket, int length, CancellationToken cancel)
    {
        await _in.Ensure(socket, length, cancel);
        EnsureBody(length);
        _in.Data.AsSpan(_in.Start, length).CopyTo(_body);
        _in.Start += length;
        return length;
    }

    private async Task<int> ReadChunkedBody(Socket socket, CancellationToken cancel)
    {
        var total = 0;
        while (true)
        {
            var size = await ReadChunkSize(socket, cancel);
            if (size == 0)
            {
                await _in.Ensure(socket, 2, cancel);
                _in.Start += 2;
                return total;
            }
            await _in.Ensure(socket, size + 2, cancel);
            EnsureBody(total + size);
            _in.Data.AsSpan(_in.Start, size).CopyTo(_body.AsSpan(total));
            total += size;
            _in.Start += size + 2;
        }
    }

    private async Task<int> ReadChunkSize(Socket socket, CancellationToken cancel)
    {
        int end;
        while ((end = _in.IndexOf("\r\n"u8)) < 0)
        {
            await _in.Ensure(socket, _in.Count + 1, cancel);
        }
        var line = _in.Data.AsSpan(_in.Start, end);
        var semicolon = line.IndexOf((byte)';');
        if (semicolon >= 0)
        {
            line = line[..semicolon];
        }
        var size = int.Parse(Encoding.ASCII.GetString(line).Trim(), System.Globalization.NumberStyles.HexNumber);
        _in.Start += end + 2;
        return size;
    }

    private void EnsureBody(int size)
    {
        if (_body.Length < size)
        {
            Array.Resize(ref _body, Math.Max(size, _body.Length * 2));
        }
    }
}
