using System.Text.Json;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>
/// Why a 2026-07-28 request is refused, with the HTTP status the revision requires for it. Every refusal says exactly
/// what was wrong, in its message and structured in its <c>data</c>: the header or field, what was expected, and what
/// arrived.
/// </summary>
public sealed record StatelessRefusal(int Status, int Code, string Message, string? DataJson, string? IdJson)
{
    public static StatelessRefusal InvalidMeta(string? idJson, string field, string expected, string received) =>
        new(400, JsonRpcErrors.InvalidParams, $"Invalid params: {field}: expected {expected}; got {received}",
            Data(json => Diagnosis(json, field, expected, received)), idJson);

    public static StatelessRefusal InvalidRequest(string? idJson, string message) =>
        new(400, JsonRpcErrors.InvalidRequest, $"Invalid Request: {message}", null, idJson);

    public static StatelessRefusal HeaderMissing(string? idJson, string header, string expected) =>
        new(400, JsonRpcErrors.HeaderMismatch, $"Header mismatch: the {header} header is required; expected {expected}",
            Data(json =>
            {
                json.WriteString("header", header);
                json.WriteString("expected", expected);
                json.WriteNull("received");
            }), idJson);

    /// <param name="received">The header's value as sent; <paramref name="decoded"/> is what a base64 sentinel decoded to.</param>
    public static StatelessRefusal HeaderMismatch(string? idJson, string header, string received, string? decoded, string bodyField,
        string bodyValue) =>
        new(400, JsonRpcErrors.HeaderMismatch,
            $"Header mismatch: {header} header value '{Shown(decoded ?? received)}'{(decoded is null ? "" : $" (decoded from '{Shown(received)}')")} "
            + $"does not match body value {bodyField} = '{Shown(bodyValue)}'",
            Data(json =>
            {
                json.WriteString("header", header);
                json.WriteString("received", received);
                if (decoded is not null)
                {
                    json.WriteString("decoded", decoded);
                }
                json.WriteString("bodyField", bodyField);
                json.WriteString("expected", bodyValue);
            }), idJson);

    public static StatelessRefusal HeaderInvalid(string? idJson, string header, string received, string problem) =>
        new(400, JsonRpcErrors.HeaderMismatch, $"Header mismatch: the {header} header value '{Shown(received)}' is malformed: {problem}",
            Data(json =>
            {
                json.WriteString("header", header);
                json.WriteString("received", received);
                json.WriteString("problem", problem);
            }), idJson);

    public static StatelessRefusal UnsupportedVersion(string? idJson, string requested, IEnumerable<string> supported) =>
        new(400, JsonRpcErrors.UnsupportedProtocolVersion,
            $"Unsupported protocol version: {Shown(requested)}; this server supports {string.Join(", ", supported)}",
            Data(json =>
            {
                json.WriteStartArray("supported");
                foreach (var version in supported)
                {
                    json.WriteStringValue(version);
                }
                json.WriteEndArray();
                json.WriteString("requested", requested);
            }), idJson);

    public static StatelessRefusal MethodNotFound(string? idJson, string method, string? why = null) =>
        new(404, JsonRpcErrors.MethodNotFound, $"Method not found: {Shown(method)}{(why is null ? "" : $" ({why})")}",
            Data(json => json.WriteString("method", method)), idJson);

    public static StatelessRefusal MissingCapabilities(string? idJson, IReadOnlyCollection<string> capabilities) =>
        new(400, JsonRpcErrors.MissingClientCapability,
            $"Missing required client capability: {string.Join(", ", capabilities)} (declare it in params._meta[\"{StatelessRevision.MetaClientCapabilities}\"])",
            Data(json =>
            {
                json.WriteStartObject("requiredCapabilities");
                foreach (var capability in capabilities)
                {
                    json.WriteStartObject(capability);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }), idJson);

    private static void Diagnosis(Utf8JsonWriter json, string field, string expected, string received)
    {
        json.WriteString("field", field);
        json.WriteString("expected", expected);
        json.WriteString("received", received);
    }

    private static string Data(Action<Utf8JsonWriter> members) => JsonText.Object(members);

    /// <summary>A value quoted in a message: control characters shown as '?', long values cut.</summary>
    private static string Shown(string value)
    {
        var cut = value.Length > 200 ? value[..200] + "..." : value;
        return string.Create(cut.Length, cut, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '?' : text[i];
            }
        });
    }
}
