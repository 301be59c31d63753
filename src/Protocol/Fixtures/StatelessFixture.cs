using System.Collections.Immutable;
using System.Text.Json;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>
/// What a fixture tool or prompt sees in a 2026-07-28 request: its arguments, the request's metadata (capabilities,
/// log level, progress token), the client's <c>inputResponses</c> (empty on a first try) and the data of a
/// <c>requestState</c> the server sealed earlier (verified before the fixture runs; null when none came).
/// </summary>
public sealed record StatelessCall(
    string Name, JsonElement Arguments, RequestMeta Meta, IReadOnlyDictionary<string, JsonElement> Responses, JsonElement? State);

/// <summary>What a fixture answers a 2026-07-28 request.</summary>
public abstract record StatelessOutcome;

/// <summary>
/// A complete result (<paramref name="ResultJson"/>: the result object without the revision's members, which the
/// server adds), and a change to announce to listening clients, if the fixture made one.
/// </summary>
public sealed record Completed(string ResultJson, ListChanged? Announce = null) : StatelessOutcome;

/// <summary>An input_required result: what the client must supply, and data to seal into the requestState (or none).</summary>
public sealed record AskInput(ImmutableArray<InputRequest> Requests, string? StateJson = null) : StatelessOutcome;

/// <summary>A refusal with its HTTP status (-32021 for an undeclared capability); the server sets the request id.</summary>
public sealed record RefusedCall(StatelessRefusal Refusal) : StatelessOutcome;

/// <summary>A JSON-RPC error answering the request (HTTP 200), e.g. -32602 for an input that is not what was asked.</summary>
public sealed record CallError(int Code, string Message, string? DataJson = null) : StatelessOutcome;

/// <summary>A session-revision fixture's script, played on the request's own stream (server requests become input_required).</summary>
public sealed record Scripted(FixtureScript Script) : StatelessOutcome;
