namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>Why a started session stopped.</summary>
public enum SessionCloseReason
{
    /// <summary>The client ended it (DELETE).</summary>
    Ended,

    /// <summary>Idle past the session timeout.</summary>
    Expired,

    /// <summary>Stopped while active without ending: a shard hand-off (node leaving) or a system shutdown; its state is lost.</summary>
    Lost,
}

/// <summary>A session actor reports that it started a session. Local only: sent to an observer on the same node.</summary>
public sealed record SessionOpened(string SessionId);

/// <summary>
/// A session actor reports that its session is over, and how long it lived. Local only: sent to an observer on the
/// same node.
/// </summary>
public sealed record SessionClosed(string SessionId, SessionCloseReason Reason, TimeSpan Lifetime);
