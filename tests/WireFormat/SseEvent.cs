using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AkkaMcpEcho.Tests.WireFormat;

/// <summary>One server-sent event: its own id, event name, data (its data lines joined with '\n') and retry.</summary>
public sealed class SseEvent(string? id, string? name, byte[]? data, int? retry)
{
    public string? Id => id;

    public string? Event => name;

    /// <summary>The UTF-8 data; null when the event had no data line, empty for a bare <c>data:</c> (a priming event).</summary>
    public byte[]? Data => data;

    public int? Retry => retry;

    public bool HasData => data is { Length: > 0 };

    public string Text => data is null ? "" : Encoding.UTF8.GetString(data);

    /// <summary>The data as JSON: the JSON-RPC message the event carries.</summary>
    public JsonElement Json => JsonElement.Parse(data);
}

/// <summary>
/// Reads a text/event-stream line by line: collects the fields of an event until the blank line that ends it. Lines are
/// UTF-8 without their '\n' (a trailing '\r' is dropped); comments and unknown fields are skipped, as the SSE rules say.
/// </summary>
public sealed class SseEventBuilder
{
    private readonly List<byte> _data = [];
    private string? _id;
    private string? _name;
    private int? _retry;
    private bool _hasData;
    private bool _started;

    /// <summary>Every event of a whole body, the last one even without its closing blank line.</summary>
    public static List<SseEvent> Events(ReadOnlySpan<byte> body)
    {
        var builder = new SseEventBuilder();
        var events = new List<SseEvent>(1);
        var used = builder.Feed(body, events);
        if (builder.Add(body[used..]) is { } unterminated)
        {
            events.Add(unterminated);
        }
        if (builder.Add([]) is { } last)
        {
            events.Add(last);
        }
        return events;
    }

    /// <summary>
    /// Adds every complete line of <paramref name="text"/> (each ended by '\n'), appending the events they finish to
    /// <paramref name="events"/>; returns how many bytes it used: the rest is the start of a line yet to come.
    /// </summary>
    public int Feed(ReadOnlySpan<byte> text, List<SseEvent> events)
    {
        var used = 0;
        int end;
        while ((end = text[used..].IndexOf((byte)'\n')) >= 0)
        {
            if (Add(text.Slice(used, end)) is { } item)
            {
                events.Add(item);
            }
            used += end + 1;
        }
        return used;
    }

    /// <summary>Adds one line; returns the event a blank line ends, or null.</summary>
    public SseEvent? Add(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }
        if (line.IsEmpty)
        {
            return _started ? Finish() : null;
        }
        if (line[0] == (byte)':')
        {
            return null;
        }
        var colon = line.IndexOf((byte)':');
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? [] : line[(colon + 1)..];
        if (!value.IsEmpty && value[0] == (byte)' ')
        {
            value = value[1..];
        }
        Set(field, value);
        return null;
    }

    private void Set(ReadOnlySpan<byte> field, ReadOnlySpan<byte> value)
    {
        if (field.SequenceEqual("data"u8))
        {
            if (_hasData)
            {
                _data.Add((byte)'\n');
            }
            _data.AddRange(value);
            _hasData = true;
        }
        else if (field.SequenceEqual("id"u8))
        {
            _id = Encoding.UTF8.GetString(value);
        }
        else if (field.SequenceEqual("event"u8))
        {
            _name = value.SequenceEqual("message"u8) ? "message" : Encoding.UTF8.GetString(value);
        }
        else if (field.SequenceEqual("retry"u8) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var retry))
        {
            _retry = retry;
        }
        else
        {
            return;
        }
        _started = true;
    }

    private SseEvent Finish()
    {
        var item = new SseEvent(_id, _name, _hasData ? [.. _data] : null, _retry);
        _data.Clear();
        (_id, _name, _retry, _hasData, _started) = (null, null, null, false, false);
        return item;
    }
}
