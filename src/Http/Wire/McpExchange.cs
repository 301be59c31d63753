using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Http.Wire;

/// <summary>
/// One HTTP request to the MCP endpoint and its answer, as the taps see it: created before any other handling, filled
/// in by the handlers as they learn (JSON-RPC method and id, session), ended when the response is complete.
/// Lives in the request's features; owned by that request.
/// </summary>
public sealed class McpExchange(HttpContext http, Taps taps, long sequence, DateTimeOffset started)
{
    public HttpContext Http { get; } = http;

    internal Taps Taps { get; } = taps;

    /// <summary>Numbers the exchanges of this node, from 1.</summary>
    public long Sequence { get; } = sequence;

    public DateTimeOffset Started { get; } = started;

    /// <summary>The POST body as it arrived (null until read, or for GET and DELETE).</summary>
    public byte[]? RequestBody { get; set; }

    public string? RpcMethod { get; set; }

    public string? RpcIdJson { get; set; }

    /// <summary>The request's params as parsed (owning their memory), for taps that read more than the method.</summary>
    public System.Text.Json.JsonElement? RpcParams { get; set; }

    /// <summary>The session the request named, or the one initialize created, or the handle a 2026-07-28 call used.</summary>
    public string? SessionId { get; set; }

    /// <summary>Whether <see cref="SessionId"/> is a 2026-07-28 session handle.</summary>
    public bool ViaHandle { get; set; }

    /// <summary>Which rules served the request, once the POST handler has decided (null before, and for GET and DELETE).</summary>
    public ExchangeEra? Era { get; set; }

    /// <summary>The injected fault the request carries, if any.</summary>
    internal Faults.FaultState? Fault { get; set; }

    /// <summary>Why the resource server refused the request (401 or 403), if it did.</summary>
    public Messages.Auth.AuthRefusal? AuthVerdict { get; set; }

    /// <summary>The server span of the request's MCP operation, while telemetry records one (null otherwise).</summary>
    public System.Diagnostics.Activity? Span { get; set; }

    /// <summary>What telemetry measures of the request's MCP operation, while it records (null otherwise).</summary>
    internal Telemetry.ExchangeObservation? Observation { get; set; }

    /// <summary>The JSON answer as the traffic recording keeps it, while it records one (null otherwise).</summary>
    public Messages.Traffic.RecordedText? RecordedAnswer { get; set; }

    /// <summary>How the exchange ended; set just before <see cref="McpTap.OnEnd"/>.</summary>
    public ExchangeEnd End { get; set; }

    public static McpExchange? Of(HttpContext context) => context.Features.Get<McpExchange>();

    /// <summary>The request has been read (<paramref name="body"/> null for GET and DELETE): the taps see it now.</summary>
    public static ValueTask Requested(HttpContext context, byte[]? body)
    {
        if (Of(context) is not { } exchange)
        {
            return ValueTask.CompletedTask;
        }
        exchange.RequestBody = body;
        exchange.SessionId ??= exchange.RequestedSession;
        return exchange.Taps.Request(exchange);
    }

    /// <summary>Notes what JSON-RPC message the request carries ("(batch)" for a batch).</summary>
    public static void Carries(HttpContext context, string? method, string? idJson, System.Text.Json.JsonElement? rpcParams = null)
    {
        if (Of(context) is { } exchange)
        {
            exchange.RpcMethod = method;
            exchange.RpcIdJson = idJson;
            exchange.RpcParams = rpcParams;
            exchange.Taps.Message(exchange);
        }
    }

    /// <summary>Notes which rules serve the request.</summary>
    public static void Serving(HttpContext context, ExchangeEra era)
    {
        Of(context)?.Era = era;
    }

    /// <summary>Notes the 2026-07-28 session handle a call ran in.</summary>
    public static void InHandle(HttpContext context, string handle)
    {
        if (Of(context) is { } exchange)
        {
            exchange.SessionId = handle;
            exchange.ViaHandle = true;
        }
    }

    /// <summary>The session the request names in its header, when it has one.</summary>
    public string? RequestedSession =>
        Http.Request.Headers[McpHeaders.SessionId].ToString() is { Length: > 0 } id ? id : null;
}

public enum ExchangeEnd
{
    Answered,
    ClientGone,

    /// <summary>An actor did not answer within the ask timeout (503).</summary>
    TimedOut,

    /// <summary>An injected fault closed the connection before any answer.</summary>
    Dropped,
}

/// <summary>The protocol generation whose rules served a request.</summary>
public enum ExchangeEra
{
    /// <summary>2025 sessions (and the revisions before).</summary>
    Legacy,

    /// <summary>2026-07-28, stateless.</summary>
    Modern,
}

public enum FrameKind
{
    /// <summary>A whole JSON answer (application/json).</summary>
    Json,

    /// <summary>One server-sent event (a whole <c>event:/id:/data:</c> block).</summary>
    Event,

    /// <summary>A keep-alive on an idle stream (a comment, or a ping event).</summary>
    KeepAlive,
}

/// <summary>One frame on its way out: what kind, and its exact bytes.</summary>
public sealed record TapFrame(FrameKind Kind, byte[] Bytes);
