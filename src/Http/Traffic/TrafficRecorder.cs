using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Akka.Actor;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Traffic;

namespace AkkaMcpEcho.Http.Traffic;

/// <summary>
/// Records every exchange on /mcp for the traffic page: what it sees of each frame as it goes out, and, when the
/// exchange ends, one <see cref="ExchangeRecord"/> to this node's traffic log (which passes it on to the ring of the
/// session or handle it belongs to). Registered last, so it records what was really written.
/// </summary>
internal sealed class TrafficRecorder(EchoSettings settings, TimeProvider clock, IRequiredActor<TrafficLogKey> log) : McpTap
{
    private readonly TrafficSettings _traffic = settings.Traffic;
    private readonly HeaderRedactor _headers = new(settings.Traffic.RevealSecrets);
    private string? _node;

    public override bool Enabled => _traffic.Enabled;

    /// <summary>
    /// A GET stream may stay open for hours: the live pages see it at once, as an exchange whose end is "open" (not kept
    /// in any ring), and again, with the same id, when it ends.
    /// </summary>
    public override ValueTask OnRequest(McpExchange exchange)
    {
        if (HttpMethods.IsGet(exchange.Http.Request.Method))
        {
            log.ActorRef.Tell(new RecordTraffic(Record(exchange, null) with { Status = 0, End = ExchangeRecord.Open }));
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask<TapFrame?> OnFrame(McpExchange exchange, TapFrame frame)
    {
        if (frame.Kind == FrameKind.Json)
        {
            // The usual answer, one JSON body, costs no capture object (about 70 bytes per echo request when it did).
            exchange.RecordedAnswer = RecordedTexts.Of(frame.Bytes, _traffic.BodyBytes, _traffic.RevealSecrets);
            return ValueTask.FromResult<TapFrame?>(frame);
        }
        var features = exchange.Http.Features;
        var capture = features.Get<TrafficCapture>();
        if (capture is null)
        {
            capture = new TrafficCapture(_traffic, exchange.Started);
            features.Set(capture);
        }
        capture.Add(frame, clock.GetUtcNow());
        return ValueTask.FromResult<TapFrame?>(frame);
    }

    public override void OnEnd(McpExchange exchange)
    {
        log.ActorRef.Tell(new RecordTraffic(Record(exchange, exchange.Http.Features.Get<TrafficCapture>())));
    }

    private ExchangeRecord Record(McpExchange exchange, TrafficCapture? capture)
    {
        var (request, response) = (exchange.Http.Request, exchange.Http.Response);
        var names = exchange.RpcParams is { } rpcParams ? ExchangeFacts.Names(rpcParams) : RequestNames.None;
        var versionHeader = request.Headers[McpHeaders.ProtocolVersion].ToString();
        var era = exchange.Era ?? EraOf(versionHeader, exchange.RequestedSession);
        var session = era == ExchangeEra.Modern && !exchange.ViaHandle ? null : exchange.SessionId;
        var error = ExchangeFacts.ErrorIn(exchange.RecordedAnswer ?? capture?.LastEvent);
        return new ExchangeRecord(
            _node ??= Node(exchange.Http.Connection), exchange.Sequence, exchange.Started.UtcTicks,
            Math.Round((clock.GetUtcNow() - exchange.Started).TotalMilliseconds, 3),
            era is null ? "unknown" : era == ExchangeEra.Modern ? "modern" : "legacy",
            names.MetaVersion ?? (versionHeader.Length > 0 ? versionHeader : null),
            session, session is null ? null : exchange.ViaHandle ? "handle" : "session",
            exchange.RpcMethod, exchange.RpcIdJson, exchange.RpcMethod == "tools/call" ? names.Tool : null, request.Method,
            request.QueryString.HasValue ? request.Path + request.QueryString : request.Path.Value ?? "",
            exchange.End == ExchangeEnd.Dropped ? 0 : response.StatusCode, End(exchange, capture, error),
            Fields(request.Headers), Fields(response.Headers),
            exchange.RequestBody is { } body ? RecordedTexts.Of(body, _traffic.BodyBytes, _traffic.RevealSecrets) : null,
            exchange.RecordedAnswer, capture?.Events ?? [], capture?.EventsDropped ?? 0, error)
        {
            Fault = exchange.Fault?.Label,
            AuthVerdict = exchange.AuthVerdict,
        };
    }

    private ImmutableArray<HeaderField> Fields(IHeaderDictionary headers)
    {
        var fields = new HeaderField[headers.Count];
        var count = 0;
        foreach (var (name, values) in headers)
        {
            if (count < fields.Length)
            {
                fields[count++] = _headers.Field(name, values.ToString());
            }
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(count == fields.Length ? fields : fields[..count]);
    }

    /// <summary>A request refused before the POST handler chose its rules: its headers tell which generation sent it.</summary>
    private static ExchangeEra? EraOf(string versionHeader, string? session) =>
        string.CompareOrdinal(versionHeader, ProtocolVersions.V20260728) >= 0 ? ExchangeEra.Modern
        : session is not null || versionHeader.Length > 0 ? ExchangeEra.Legacy
        : null;

    /// <summary>
    /// How the exchange ended. A streamed answer to a request that closed without the response was cancelled (the
    /// client's notifications/cancelled, after which no response is sent).
    /// </summary>
    private static string End(McpExchange exchange, TrafficCapture? capture, Messages.Traffic.RecordedError? error) => exchange.End switch
    {
        ExchangeEnd.ClientGone => "client-gone",
        ExchangeEnd.TimedOut => "timed-out",
        ExchangeEnd.Dropped => "dropped",
        _ when exchange.Http.Request.Method == HttpMethods.Post && exchange.RpcIdJson is not null && capture?.LastEvent is { } last
            && error is null && !ExchangeFacts.IsResponse(last.Text) => "cancelled",
        _ => "answered",
    };

    public static string Node(ConnectionInfo connection) =>
        connection.LocalIpAddress is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } v6
            ? $"[{v6}]:{connection.LocalPort}"
            : $"{connection.LocalIpAddress}:{connection.LocalPort}";
}
