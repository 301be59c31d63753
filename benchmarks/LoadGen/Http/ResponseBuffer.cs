using System.Net.Sockets;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Http;

/// <summary>The bytes received and not yet consumed: <c>Data[Start..End]</c>; grows and compacts as needed.</summary>
internal sealed class ResponseBuffer
{
    public byte[] Data { get; private set; } = new byte[16 * 1024];
    public int Start { get; set; }
    public int End { get; private set; }
    public int Count => End - Start;

    public int IndexOf(ReadOnlySpan<byte> value) => Data.AsSpan(Start, Count).IndexOf(value);

    public void Clear() => Start = End = 0;

    /// <summary>Receives until at least <paramref name="count"/> unconsumed bytes are buffered.</summary>
    public async ValueTask Ensure(Socket socket, int count, CancellationToken cancel)
    {
        while (Count < count)
        {
            if (Start > 0)
            {
                Data.AsSpan(Start, Count).CopyTo(Data);
                End = Count;
                Start = 0;
            }
            if (Data.Length - End < Math.Max(count - Count, 1024))
            {
                var bigger = new byte[Math.Max(Data.Length * 2, count + 1024)];
                Data.AsSpan(0, End).CopyTo(bigger);
                Data = bigger;
            }
            var received = await socket.ReceiveAsync(Data.AsMemory(End), SocketFlags.None, cancel);
            if (received == 0)
            {
                throw new IOException("the server closed the connection");
            }
            End += received;
        }
    }
}
