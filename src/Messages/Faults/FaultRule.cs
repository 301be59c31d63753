namespace AkkaMcpEcho.Messages.Faults;

/// <summary>What an injected fault does (the names of the <c>Echo-Fault</c> vocabulary, in README order).</summary>
public enum FaultEffect
{
    Delay,
    SlowStream,
    Status,
    RpcError,
    Drop,
    DropStreamAfter,
    ExpireSession,
    Malformed,
    ToolsChanged,
    HeaderMismatch,
    ExpireToken,
    RefuseRefresh,
    DenyConsent,
    WrongAudience,
}

/// <summary>
/// One fault as asked for: its effect, the effect's number (milliseconds, status, code or event count; 0 when it takes
/// none), its word (malformed's json/sse/content-type, header-mismatch's session-id/protocol-version) and its parameters.
/// </summary>
public sealed record FaultAction(FaultEffect Effect, int Value = 0, string? Variant = null, int? RetryAfterSeconds = null,
    string? Message = null);

/// <summary>
/// A standing fault: its action and which requests it applies to. <paramref name="Remaining"/>: how many more requests it
/// applies to (null: until removed); <paramref name="Probability"/>: the percentage of matching requests it applies to.
/// </summary>
public sealed record FaultRule(string Id, FaultAction Action, string? Method = null, string? Tool = null, int? Remaining = null,
    int Probability = 100)
{
    /// <summary>When the rule was armed (a global rule; expire-token refuses the tokens issued until then).</summary>
    public long? ArmedUtcTicks { get; init; }
}
