using System.Text.Json;

namespace AkkaMcpEcho.Protocol.JsonRpc;

public enum JsonRpcKind
{
    Request,
    Notification,
    Response,
}

/// <summary>
/// A structurally valid JSON-RPC 2.0 message. <see cref="IdJson"/> is the id's raw JSON (string or integer),
/// written back unchanged; <see cref="Params"/> is Undefined when absent; <see cref="Raw"/> is the whole message.
/// </summary>
public readonly record struct JsonRpcMessage(JsonRpcKind Kind, string? IdJson, string? Method, JsonElement Params,
    JsonElement Raw = default);

/// <summary>Why a JSON value is not a JSON-RPC message; <see cref="IdJson"/> when the id could still be read.</summary>
public sealed record JsonRpcProblem(int Code, string Message, string? IdJson = null);

public static class JsonRpcReader
{
    public static JsonRpcProblem? TryRead(JsonElement value, out JsonRpcMessage message)
    {
        message = default;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return new(JsonRpcErrors.InvalidRequest, $"Invalid Request: expected a JSON-RPC object, got {Kind(value.ValueKind)}");
        }

        string? idJson = null;
        var hasId = value.TryGetProperty("id", out var id);
        if (hasId)
        {
            if (id.ValueKind == JsonValueKind.String || (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out _)))
            {
                idJson = id.GetRawText();
            }
            else
            {
                return new(JsonRpcErrors.InvalidRequest, "Invalid Request: id must be a string or an integer");
            }
        }

        if (!value.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String
            || !version.ValueEquals("2.0"))
        {
            return new(JsonRpcErrors.InvalidRequest, "Invalid Request: jsonrpc must be \"2.0\"", idJson);
        }

        var hasParams = value.TryGetProperty("params", out var parameters);
        var hasResult = value.TryGetProperty("result", out _);
        var hasError = value.TryGetProperty("error", out _);
        if (value.TryGetProperty("method", out var method))
        {
            if (hasResult || hasError)
            {
                return new(JsonRpcErrors.InvalidRequest,
                    $"Invalid Request: a message with a method is a request or notification and must not carry {(hasResult ? "result" : "error")}",
                    idJson);
            }
            if (method.ValueKind != JsonValueKind.String || KnownStrings.Read(method, KnownStrings.Methods) is not { Length: > 0 } name)
            {
                return new(JsonRpcErrors.InvalidRequest, "Invalid Request: method must be a non-empty string", idJson);
            }
            message = new(hasId ? JsonRpcKind.Request : JsonRpcKind.Notification, idJson, name, hasParams ? parameters : default, value);
            return null;
        }

        if (hasResult && hasError)
        {
            return new(JsonRpcErrors.InvalidRequest,
                "Invalid Request: a response carries exactly one of result or error, this one carries both", idJson);
        }
        if (hasResult || hasError)
        {
            message = new(JsonRpcKind.Response, idJson, null, default, value);
            return null;
        }
        return new(JsonRpcErrors.InvalidRequest, "Invalid Request: a message needs a method (request or notification) or a result or error (response)", idJson);
    }

    public static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        _ => "nothing",
    };
}
