using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Measure;

/// <summary>
/// Makes a .NET process run a full blocking GC, from outside, as dotnet-gcdump does: an EventPipe session, over the
/// process's diagnostic socket, that enables the runtime provider with the GCHeapCollect keyword (the runtime collects
/// when a session turns that keyword on), stopped a moment later. Then RSS shows what is live rather than what the GC
/// has not collected yet.
/// </summary>
public static class InducedGc
{
    private const ulong GcHeapCollectKeyword = 0x800000;
    private const uint Informational = 4;
    private const byte EventPipeCommands = 0x02;
    private const byte StopTracing = 0x01;
    private const byte CollectTracing2 = 0x03;
    private static readonly TimeSpan CollectFor = TimeSpan.FromSeconds(2);

    /// <summary>True when the runtime accepted the session (and so collected); false when the process has no diagnostic socket.</summary>
    public static async Task<bool> Collect(int pid, CancellationToken cancel)
    {
        if (Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{pid}-*-socket").FirstOrDefault() is not { } path)
        {
            return false;
        }
        using var session = await Connect(path, cancel);
        await session.SendAsync(Message(CollectTracing2, CollectPayload()), cancel);
        var sessionId = await ReadOk(session, cancel);
        // The session streams its events on this connection until it is stopped: read them and let them go.
        var drain = Task.Run(async () =>
        {
            var sink = new byte[65536];
            try
            {
                while (await session.ReceiveAsync(sink, cancel) > 0)
                {
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The stream ends with the session; how does not matter.
            }
        }, CancellationToken.None);
        await Task.Delay(CollectFor, cancel);
        using (var stop = await Connect(path, cancel))
        {
            var id = new byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(id, sessionId);
            await stop.SendAsync(Message(StopTracing, id), cancel);
            await ReadOk(stop, cancel);
        }
        await Task.WhenAny(drain, Task.Delay(TimeSpan.FromSeconds(10), cancel));
        return true;
    }

    private static async Task<Socket> Connect(string path, CancellationToken cancel)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancel);
        return socket;
    }

    /// <summary>circularBufferMB, format (nettrace), requestRundown (no), one provider: keywords, level, name, no filter.</summary>
    private static byte[] CollectPayload()
    {
        var name = Encoding.Unicode.GetBytes("Microsoft-Windows-DotNETRuntime\0");
        var payload = new byte[4 + 4 + 1 + 4 + 8 + 4 + 4 + name.Length + 4];
        var at = 0;
        void UInt32(uint value)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(at), value);
            at += 4;
        }
        UInt32(16);
        UInt32(1);
        payload[at++] = 0;
        UInt32(1);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(at), GcHeapCollectKeyword);
        at += 8;
        UInt32(Informational);
        UInt32((uint)(name.Length / 2));
        name.CopyTo(payload, at);
        at += name.Length;
        UInt32(0);
        return payload;
    }

    /// <summary>The IPC header (magic, total size, command set, command, reserved) and the payload.</summary>
    private static byte[] Message(byte command, byte[] payload)
    {
        var message = new byte[20 + payload.Length];
        "DOTNET_IPC_V1\0"u8.CopyTo(message);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(14), (ushort)message.Length);
        message[16] = EventPipeCommands;
        message[17] = command;
        payload.CopyTo(message, 20);
        return message;
    }

    /// <summary>Reads a reply's header and its 8-byte session id; throws unless the reply is OK (server set 0xFF, code 0).</summary>
    private static async Task<ulong> ReadOk(Socket socket, CancellationToken cancel)
    {
        var reply = new byte[28];
        var read = 0;
        while (read < reply.Length)
        {
            var count = await socket.ReceiveAsync(reply.AsMemory(read), cancel);
            if (count == 0)
            {
                break;
            }
            read += count;
        }
        if (read < 24 || reply[16] != 0xFF || reply[17] != 0x00)
        {
            throw new IOException($"the diagnostic IPC refused the request (reply of {read} bytes, command {reply[16]:X2}/{reply[17]:X2})");
        }
        return BinaryPrimitives.ReadUInt64LittleEndian(reply.AsSpan(20));
    }
}
