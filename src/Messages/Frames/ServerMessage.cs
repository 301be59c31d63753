using System.Text.Json.Serialization;

namespace AkkaMcpEcho.Messages.Frames;

/// <summary>
/// A JSON-RPC message the server sends, before it is written: actors publish these, and only the protocol layer turns
/// them into JSON-RPC text. Ids, params, results and error data are raw JSON, written back unchanged.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ServerNotification), "notification")]
[JsonDerivedType(typeof(ServerRequest), "request")]
[JsonDerivedType(typeof(ServerResult), "result")]
[JsonDerivedType(typeof(ServerError), "error")]
public abstract record ServerMessage;

/// <summary>A notification (progress, log message, list changed, ...); <paramref name="ParamsJson"/> null: no params.</summary>
public sealed record ServerNotification(string Method, string? ParamsJson) : ServerMessage;

/// <summary>A server-to-client request (sampling, elicitation, ping) the client answers with a POSTed response.</summary>
public sealed record ServerRequest(string IdJson, string Method, string? ParamsJson) : ServerMessage;

/// <summary>The response to a client's request.</summary>
public sealed record ServerResult(string IdJson, string ResultJson) : ServerMessage;

/// <summary>An error response; <paramref name="IdJson"/> null when the request's id could not be read.</summary>
public sealed record ServerError(string? IdJson, int Code, string Message, string? DataJson = null) : ServerMessage;
