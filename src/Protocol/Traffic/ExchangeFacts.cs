using System.Text.Json;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Protocol.Traffic;

/// <summary>What a recorded request named beyond its method: the tool, a 2026-07-28 session handle, the revision it asked for.</summary>
public sealed record RequestNames(string? Tool, string? Handle, string? MetaVersion)
{
    public static readonly RequestNames None = new(null, null, null);
}

/// <summary>Reads the facts the traffic page filters by out of a request body and an answer; never throws.</summary>
public static class ExchangeFacts
{
    private const string HandleArgument = "session";

    /// <summary>The names a single JSON-RPC request carries in its params.</summary>
    public static RequestNames Names(byte[]? body)
    {
        if (body is null || body.Length == 0 || body[0] == (byte)'[')
        {
            return RequestNames.None;
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("params", out var @params)
                ? Names(@params)
                : RequestNames.None;
        }
        catch (JsonException)
        {
            return RequestNames.None;
        }
    }

    /// <summary>The names in a request's params, already parsed.</summary>
    public static RequestNames Names(JsonElement @params)
    {
        if (@params.ValueKind != JsonValueKind.Object)
        {
            return RequestNames.None;
        }
        var tool = KnownStrings.Member(@params, "name", KnownStrings.Tools);
        var handle = @params.TryGetProperty("arguments", out var arguments) ? KnownStrings.Member(arguments, HandleArgument) : null;
        // A 2026-07-28 request names its revision in _meta; initialize, the one it asks for.
        var version = (@params.TryGetProperty("_meta", out var meta)
            ? KnownStrings.Member(meta, StatelessRevision.MetaProtocolVersion, KnownStrings.Versions)
            : null) ?? KnownStrings.Member(@params, "protocolVersion", KnownStrings.Versions);
        return new RequestNames(tool, handle, version);
    }

    /// <summary>The JSON-RPC error an answer carries (a JSON body, or an SSE event's data), with its data as JSON text.</summary>
    public static RecordedError? Error(string? answer)
    {
        if (answer is null || !answer.Contains("\"error\"", StringComparison.Ordinal))
        {
            return null;
        }
        var json = answer.TrimStart().StartsWith('{') ? answer : DataOf(answer);
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var number)
                    ? new RecordedError(number, KnownStrings.Member(error, "message") ?? "",
                        error.TryGetProperty("data", out var data) ? data.GetRawText() : null)
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><see cref="Error(string?)"/> of a recorded answer, decoded only when it names an error.</summary>
    public static RecordedError? ErrorIn(RecordedText? answer) =>
        answer is null || answer.Utf8.Span.IndexOf("\"error\""u8) < 0 ? null : Error(answer.Text);

    /// <summary>Whether an SSE event carries a JSON-RPC response (a result or an error), as the last event of an answered call does.</summary>
    public static bool IsResponse(string sseEvent)
    {
        try
        {
            using var document = JsonDocument.Parse(DataOf(sseEvent));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && (document.RootElement.TryGetProperty("result", out _) || document.RootElement.TryGetProperty("error", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The data lines of one SSE event, joined.</summary>
    private static string DataOf(string sseEvent) =>
        string.Join('\n', sseEvent.Split('\n').Where(line => line.StartsWith("data:", StringComparison.Ordinal))
            .Select(line => line[5..].TrimStart(' ')));
}
