namespace AkkaMcpEcho.Messages.Sessions;

/// <summary>A message to one session that the session answers; see <see cref="ISessionCommand{TReply}"/>.</summary>
public interface ISessionCommand : IWithSessionId, IEchoMessage
{
    /// <summary>The answer when the session does not exist (never issued, expired or ended): HTTP answers 404.</summary>
    IEchoMessage NotFound();
}

/// <summary>A session command whose answer is a <see cref="SessionAnswer{TReply}"/>: its reply, or "not found".</summary>
public interface ISessionCommand<TReply> : ISessionCommand where TReply : class
{
    IEchoMessage ISessionCommand.NotFound() => new SessionAnswer<TReply>(SessionId, null);
}

/// <summary>What a session answers a command: <paramref name="Reply"/>, or null when the session does not exist.</summary>
public sealed record SessionAnswer<TReply>(string SessionId, TReply? Reply) : IWithSessionId, IEchoMessage where TReply : class
{
    /// <summary>
    /// A rule of the session's that applies to this request; the HTTP layer applies it. A fault that refuses the request
    /// (status, rpc-error, drop) comes with no reply: the command did not run. Left out of the wire when null (almost always).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Faults.FaultRule? Fault { get; init; }
}

public static class SessionCommands
{
    /// <summary>The answer that carries <paramref name="reply"/> for <paramref name="command"/>.</summary>
    /// <param name="fault">The session's fault rule that applies to the request, for the HTTP layer to apply.</param>
    public static SessionAnswer<TReply> Answer<TReply>(this ISessionCommand<TReply> command, TReply reply, Faults.FaultRule? fault = null)
        where TReply : class =>
        new(command.SessionId, reply) { Fault = fault };

    /// <summary>The answer of a command a fault refused: no reply, the rule that refused it.</summary>
    public static SessionAnswer<TReply> Refused<TReply>(this ISessionCommand<TReply> command, Faults.FaultRule fault) where TReply : class =>
        new(command.SessionId, null) { Fault = fault };
}
