using System.Collections.Immutable;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Auth;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>Copies what tools may inspect out of the live request, so no HttpContext crosses into actors.</summary>
internal static class RequestFactsCapture
{
    public static RequestFacts From(HttpContext context, long startedUtcTicks)
    {
        var request = context.Request;
        var headers = ImmutableArray.CreateBuilder<HeaderField>(request.Headers.Count);
        foreach (var (name, values) in request.Headers)
        {
            headers.Add(new HeaderField(name, values.ToString()));
        }
        return new RequestFacts(
            request.Method,
            request.Path.Value ?? "/",
            context.Connection.RemoteIpAddress?.ToString(),
            startedUtcTicks,
            headers.MoveToImmutable())
        {
            Verdict = context.Features.Get<TokenVerdict>(),
        };
    }
}
