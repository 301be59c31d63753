using System.Globalization;
using System.Text.Json;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Auth;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Http.Traffic;

/// <summary>The traffic page's JSON: one exchange, and a session's state (the shapes the page and the JSON Lines export read).</summary>
internal static class TrafficJson
{
    public static readonly JsonWriterOptions Options = Security.AdminJson.Options;

    public static void Exchange(Utf8JsonWriter json, ExchangeRecord record)
    {
        json.WriteStartObject();
        json.WriteString("id", record.Id);
        json.WriteString("node", record.Node);
        json.WriteNumber("seq", record.Sequence);
        json.WriteString("started", Time(record.StartedUtcTicks));
        json.WriteNumber("durationMs", record.DurationMs);
        json.WriteString("era", record.Era);
        json.WriteString("protocolVersion", record.ProtocolVersion);
        json.WriteString("session", record.Session);
        json.WriteString("sessionKind", record.SessionKind);
        json.WriteString("method", record.RpcMethod);
        json.WriteString("rpcId", record.RpcIdJson);
        json.WriteString("tool", record.Tool);
        json.WriteString("httpMethod", record.HttpMethod);
        json.WriteString("path", record.Path);
        json.WriteNumber("status", record.Status);
        json.WriteString("end", record.End);
        json.WriteString("fault", record.Fault);
        json.WritePropertyName("authVerdict");
        AuthVerdict(json, record.AuthVerdict);
        Headers(json, "requestHeaders", record.RequestHeaders);
        Headers(json, "responseHeaders", record.ResponseHeaders);
        Text(json, "requestBody", record.RequestBody);
        Text(json, "responseBody", record.ResponseBody);
        json.WriteStartArray("events");
        foreach (var item in record.Events)
        {
            json.WriteStartObject();
            json.WriteNumber("offsetMs", item.OffsetMs);
            TextMembers(json, item.Data);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("eventsDropped", record.EventsDropped);
        if (record.Error is { } error)
        {
            json.WriteStartObject("error");
            json.WriteNumber("code", error.Code);
            json.WriteString("message", error.Message);
            json.WriteString("data", error.DataJson);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("error");
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// Why /mcp refused the request (null when it did not): the challenge's reason and the facts the resource server
    /// judged: signature, issuer, audience expected and found, expiry, scopes granted, needed and missing.
    /// </summary>
    public static void AuthVerdict(Utf8JsonWriter json, AuthRefusal? refusal)
    {
        if (refusal is not { Token: var token })
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        json.WriteString("reason", token.Reason);
        json.WriteString("mode", token.Mode);
        json.WriteBoolean("signatureVerified", token.SignatureVerified);
        json.WriteString("issuer", token.Issuer);
        json.WriteStartObject("audience");
        json.WriteString("expected", token.ExpectedAudience);
        Strings(json, "found", token.Audiences);
        json.WriteBoolean("matches", token.Audiences.Contains(token.ExpectedAudience, StringComparer.Ordinal));
        json.WriteEndObject();
        if (token.ExpiresUtcTicks is { } expires)
        {
            json.WriteString("expires", Time(expires));
        }
        else
        {
            json.WriteNull("expires");
        }
        Strings(json, "scopesGranted", token.Scopes);
        Strings(json, "scopesNeeded", refusal.ScopesNeeded);
        Strings(json, "scopesMissing", refusal.ScopesMissing);
        json.WriteEndObject();
    }

    public static void Session(Utf8JsonWriter json, SessionState state)
    {
        json.WriteStartObject();
        json.WriteString("id", state.SessionId);
        json.WriteString("kind", state.Kind == SessionKind.Handle ? "handle" : "session");
        json.WriteString("protocolVersion", state.ProtocolVersion);
        json.WriteStartObject("client");
        json.WriteString("name", state.Client.Name);
        json.WriteString("version", state.Client.Version);
        json.WriteEndObject();
        json.WriteString("created", Time(state.CreatedUtcTicks));
        json.WriteString("lastActivity", Time(state.LastActivityUtcTicks));
        json.WriteNumber("requests", state.RequestCount);
        json.WriteNumber("echoes", state.EchoCount);
        json.WriteEndObject();
    }

    public static string Time(long utcTicks) =>
        new DateTime(utcTicks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Headers(Utf8JsonWriter json, string name, IEnumerable<HeaderField> headers)
    {
        json.WriteStartArray(name);
        foreach (var header in headers)
        {
            json.WriteStartArray();
            json.WriteStringValue(header.Name);
            json.WriteStringValue(header.Value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter json, string name, RecordedText? text)
    {
        if (text is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        TextMembers(json, text);
        json.WriteEndObject();
    }

    private static void TextMembers(Utf8JsonWriter json, RecordedText text)
    {
        json.WriteString("text", text.Utf8.Span);
        json.WriteNumber("bytes", text.Bytes);
        json.WriteBoolean("truncated", text.Truncated);
    }
}
