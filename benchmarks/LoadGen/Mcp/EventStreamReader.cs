using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Tests.WireFormat;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

/// <summary>How a GET stream ended: the server completed it, this client closed it, or it failed.</summary>
public enum StreamEnd
{
    Completed,
    Closed,
    Failed,
}

/// <summary>
/// Reads a session's open GET stream in the background: counts its <c>notifications/message</c> events, checks that
/// event ids rise and that no replay-gap warning arrives, and notes how the stream ended.
/// </summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    private readonly RawHttpConnection _connection;
    private readonly CancellationTokenSource _stop;
    private long _messages;
    private long _lastId;
    private string? _problem;

    private EventStreamReader(RawHttpConnection connection, CancellationToken cancel)
    {
        _connection = connection;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Ended = Task.Run(Read, CancellationToken.None);
    }

    /// <summary>Starts reading a stream whose response head <see cref="McpSession.OpenStream"/> has accepted.</summary>
    public static EventStreamReader Start(RawHttpConnection connection, CancellationToken cancel) => new(connection, cancel);

    public Task<StreamEnd> Ended { get; }

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>The first thing wrong with the stream (a failed read, a falling id, a gap); null while all is well.</summary>
    public string? Problem => Volatile.Read(ref _problem);

    /// <summary>True once at least <paramref name="count"/> messages have arrived, false if they do not within the time.</summary>
    public async Task<bool> WaitForMessages(long count, TimeSpan within)
    {
        var started = Stopwatch.GetTimestamp();
        while (Messages < count && !Ended.IsCompleted && Stopwatch.GetElapsedTime(started) < within)
        {
            await Task.Delay(5);
        }
        return Messages >= count;
    }

    /// <summary>How the stream ended, or null when it is still open after <paramref name="within"/>.</summary>
    public async Task<StreamEnd?> WaitForEnd(TimeSpan within) =>
        await Task.WhenAny(Ended, Task.Delay(within)) == Ended ? await Ended : null;

    /// <summary>Closes the stream from this side (if still open) and its connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Ended;
        _connection.Dispose();
        _stop.Dispose();
    }

    private async Task<StreamEnd> Read()
    {
        var events = new SseEventBuilder();
        var pending = new List<byte>();
        var finished = new List<SseEvent>();
        try
        {
            while (await _connection.ReadChunk(_stop.Token) is { } chunk)
            {
                pending.AddRange(chunk);
                pending.RemoveRange(0, events.Feed(CollectionsMarshal.AsSpan(pending), finished));
                finished.ForEach(Check);
                finished.Clear();
            }
            return StreamEnd.Completed;
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            return StreamEnd.Closed;
        }
        catch (Exception e)
        {
            Report($"stream: {e.GetType().Name}: {e.Message}");
            return StreamEnd.Failed;
        }
    }

    /// <summary>Event ids must rise; a message counts unless it is a replay-gap warning (events were dropped).</summary>
    private void Check(SseEvent item)
    {
        if (item.Id is { } text)
        {
            var id = long.Parse(text, CultureInfo.InvariantCulture);
            if (id <= _lastId)
            {
                Report($"stream: event id {id} after {_lastId}");
            }
            _lastId = id;
        }
        if (item.Data is not { } data || data.AsSpan().IndexOf("notifications/message"u8) < 0)
        {
            return;
        }
        if (data.AsSpan().IndexOf("replay-gap"u8) >= 0)
        {
            Report("stream: a replay-gap warning (events were dropped)");
        }
        else
        {
            Interlocked.Increment(ref _messages);
        }
    }

    private void Report(string problem) => Interlocked.CompareExchange(ref _problem, problem, null);
}
