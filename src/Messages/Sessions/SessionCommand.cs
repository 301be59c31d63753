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
public sealed record SessionAnswer<TReply>(string SessionId, TReply? Reply) : IWithSessionId, IEchoMessage where TReply : class;

public static class SessionCommands
{
    /// <summary>The answer that carries <paramref name="reply"/> for <paramref name="command"/>.</summary>
    public static SessionAnswer<TReply> Answer<TReply>(this ISessionCommand<TReply> command, TReply reply) where TReply : class =>
        new(command.SessionId, reply);
}
