using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Serialization;

namespace AkkaMcpEcho.Messages.Traffic;

/// <summary>
/// A recorded body or event: its UTF-8 text (redacted, perhaps cut) and how long it really was. Kept as bytes, as it
/// went over the wire: half the memory of a string for ASCII, and no decoding on the request path.
/// </summary>
/// <param name="Utf8">What was kept, in UTF-8.</param>
/// <param name="Bytes">The length of the original, in UTF-8 bytes.</param>
/// <param name="Truncated">The text holds only the start of the original: the rest was cut at the recording's byte cap.</param>
[method: JsonConstructor]
public sealed record RecordedText(ReadOnlyMemory<byte> Utf8, int Bytes, bool Truncated)
{
    public RecordedText(string text, int bytes, bool truncated)
        : this(Encoding.UTF8.GetBytes(text), bytes, truncated)
    {
    }

    [JsonIgnore]
    public string Text => Encoding.UTF8.GetString(Utf8.Span);

    public bool Equals(RecordedText? other) =>
        other is not null && Bytes == other.Bytes && Truncated == other.Truncated && Utf8.Span.SequenceEqual(other.Utf8.Span);

    public override int GetHashCode() => HashCode.Combine(Bytes, Truncated, Utf8.Length);
}

/// <summary>One server-sent event of an answer, and when it went out (milliseconds after the request began).</summary>
public sealed record RecordedEvent(double OffsetMs, RecordedText Data);

/// <summary>Why a request was refused, as its JSON-RPC error said (code, message, data).</summary>
public sealed record RecordedError(int Code, string Message, string? DataJson);

/// <summary>
/// One exchange on /mcp as the traffic recorder saw it: who sent what, what went back, how long it took and how it
/// ended. Headers and bodies are redacted by policy before they are recorded; what was cut off is marked.
/// </summary>
public sealed record ExchangeRecord(
    string Node,
    long Sequence,
    long StartedUtcTicks,
    double DurationMs,
    string Era,
    string? ProtocolVersion,
    string? Session,
    string? SessionKind,
    string? RpcMethod,
    string? RpcIdJson,
    string? Tool,
    string HttpMethod,
    string Path,
    int Status,
    string End,
    ImmutableArray<HeaderField> RequestHeaders,
    ImmutableArray<HeaderField> ResponseHeaders,
    RecordedText? RequestBody,
    RecordedText? ResponseBody,
    ImmutableArray<RecordedEvent> Events,
    int EventsDropped,
    RecordedError? Error)
{
    /// <summary>The end of an exchange still running (a GET stream): shown live, kept nowhere until it ends.</summary>
    public const string Open = "open";

    /// <summary>The injected fault the exchange carried, as its Echo-Fault-Applied header names it; null: none.</summary>
    public string? Fault { get; init; }

    /// <summary>For a request /mcp refused with 401 or 403: the verdict that refused it; null otherwise.</summary>
    public Auth.AuthRefusal? AuthVerdict { get; init; }

    /// <summary>Unique across the cluster: the node and its own sequence.</summary>
    public string Id => $"{Node}#{Sequence}";

    /// <summary>
    /// About what the recording occupies in memory, in bytes (a body's UTF-8 bytes, two per character of a header, and a
    /// fixed share per object): what a ring counts against its byte budget.
    /// </summary>
    public long Size
    {
        get
        {
            long bytes = (RequestBody?.Utf8.Length ?? 0) + (ResponseBody?.Utf8.Length ?? 0);
            foreach (var item in Events)
            {
                bytes += item.Data.Utf8.Length + 48;
            }
            long chars = 0;
            foreach (var header in RequestHeaders)
            {
                chars += header.Name.Length + header.Value.Length + 24;
            }
            foreach (var header in ResponseHeaders)
            {
                chars += header.Name.Length + header.Value.Length + 24;
            }
            return bytes + 2 * chars + 512;
        }
    }
}
