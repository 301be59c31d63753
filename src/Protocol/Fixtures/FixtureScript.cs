using System.Collections.Immutable;
using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>
/// What a fixture tool does, as data: a run of steps that ends in <see cref="FinishStep"/> (the result) or in
/// <see cref="AskClientStep"/> (a server-to-client request whose answer yields the next script). The
/// <see cref="Calls.CallRunner"/> actor carries the steps out; the tools themselves stay pure functions.
/// </summary>
public sealed record FixtureScript(ImmutableArray<FixtureStep> Steps)
{
    public static FixtureScript Of(params FixtureStep[] steps) => new([.. steps]);

    public static FixtureScript Result(string resultJson) => Of(new FinishStep(resultJson));
}

public abstract record FixtureStep;

/// <summary>A notifications/message, sent only when the session's log level lets <paramref name="Level"/> through.</summary>
public sealed record LogStep(string Level, string Text) : FixtureStep;

/// <summary>A notifications/progress, sent only when the request carried a progress token.</summary>
public sealed record ProgressStep(double Progress, double Total, string? Message = null) : FixtureStep;

public sealed record DelayStep(TimeSpan Delay) : FixtureStep;

/// <summary>
/// Closes the POST's connection (after an SSE retry field) while the call goes on; the client resumes with GET and
/// Last-Event-ID. Only on resumable streams (2025-11-25 sessions); skipped elsewhere.
/// </summary>
public sealed record DisconnectStep(TimeSpan Retry) : FixtureStep;

/// <summary>
/// A request to the client (sampling/createMessage, elicitation/create). <paramref name="OnAnswer"/> receives the
/// client's whole JSON-RPC response (with result or error), or null when the client did not answer in time.
/// </summary>
public sealed record AskClientStep(string Method, string ParamsJson, Func<JsonElement?, FixtureScript> OnAnswer) : FixtureStep;

/// <summary>The tools/call result (a JSON object).</summary>
public sealed record FinishStep(string ResultJson) : FixtureStep;
