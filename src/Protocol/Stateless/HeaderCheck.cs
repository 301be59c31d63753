using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>
/// The 2026-07-28 rule that headers and body agree: <c>Mcp-Method</c> on every request, <c>Mcp-Name</c> for
/// tools/call, prompts/get and resources/read, and <c>Mcp-Param-*</c> for a called tool's mirrored parameters.
/// Header names are case-insensitive (the lookup's business), values case-sensitive.
/// </summary>
public static class HeaderCheck
{
    /// <param name="header">The request's header by name, or null when absent.</param>
    /// <param name="mirrored">The called tool's mirrored parameters (empty for other methods or an unknown tool).</param>
    public static StatelessRefusal? Refusal(string method, JsonElement parameters, string? idJson, Func<string, string?> header,
        ImmutableArray<MirroredParameter> mirrored)
    {
        if (Refusal(StatelessRevision.MethodHeader, header(StatelessRevision.MethodHeader), "params", method, idJson, sentinel: false)
            is { } byMethod)
        {
            return byMethod;
        }
        if (StatelessRevision.NamedBy(method) is { } member
            && parameters.TryGetProperty(member, out var named) && named.ValueKind == JsonValueKind.String
            && Refusal(StatelessRevision.NameHeader, header(StatelessRevision.NameHeader), $"params.{member}", named.GetString()!, idJson, sentinel: true)
                is { } byName)
        {
            return byName;
        }
        var arguments = parameters.TryGetProperty("arguments", out var given) ? given : default;
        foreach (var parameter in mirrored)
        {
            if (Refusal(parameter, At(arguments, parameter.Path), header(parameter.Header), idJson) is { } byParameter)
            {
                return byParameter;
            }
        }
        return null;
    }

    /// <param name="field">For <c>Mcp-Method</c>: "params" stands for the body's method member.</param>
    private static StatelessRefusal? Refusal(string name, string? raw, string field, string body, string? idJson, bool sentinel)
    {
        var bodyField = field == "params" ? "method" : field;
        if (raw is null)
        {
            return StatelessRefusal.HeaderMissing(idJson, name, $"'{body}' (the body's {bodyField})");
        }
        var (value, problem) = Read(raw, sentinel);
        return problem is not null ? StatelessRefusal.HeaderInvalid(idJson, name, raw, problem)
            : value == body ? null
            : StatelessRefusal.HeaderMismatch(idJson, name, raw, value != HeaderValue.Trim(raw) ? value : null, bodyField, body);
    }

    private static StatelessRefusal? Refusal(MirroredParameter parameter, JsonElement body, string? raw, string? idJson)
    {
        var present = body.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
        if (!present)
        {
            return raw is null ? null : StatelessRefusal.HeaderMismatch(idJson, parameter.Header, raw, null, parameter.BodyField, "(absent)");
        }
        var expected = body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText();
        if (raw is null)
        {
            return StatelessRefusal.HeaderMissing(idJson, parameter.Header, $"'{expected}' (the body's {parameter.BodyField})");
        }
        var (value, problem) = Read(raw, sentinel: true);
        if (problem is not null)
        {
            return StatelessRefusal.HeaderInvalid(idJson, parameter.Header, raw, problem);
        }
        var decoded = value != HeaderValue.Trim(raw) ? value : null;
        return Matches(value!, body) ? null : StatelessRefusal.HeaderMismatch(idJson, parameter.Header, raw, decoded, parameter.BodyField, expected);
    }

    private static (string? Value, string? Problem) Read(string raw, bool sentinel)
    {
        var value = HeaderValue.Trim(raw);
        if (HeaderValue.Invalid(value) is { } invalid)
        {
            return (null, invalid);
        }
        return sentinel && HeaderValue.IsSentinel(value) ? HeaderValue.Decode(value) : (value, null);
    }

    /// <summary>Strings compare exactly, numbers numerically (42 equals 42.0), booleans as true/false.</summary>
    private static bool Matches(string header, JsonElement body) => body.ValueKind switch
    {
        JsonValueKind.String => header == body.GetString(),
        JsonValueKind.Number => decimal.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && body.TryGetDecimal(out var expected) && number == expected,
        JsonValueKind.True => header == "true",
        JsonValueKind.False => header == "false",
        _ => false,
    };

    private static JsonElement At(JsonElement arguments, ImmutableArray<string> path)
    {
        var current = arguments;
        foreach (var step in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out current))
            {
                return default;
            }
        }
        return current;
    }
}
