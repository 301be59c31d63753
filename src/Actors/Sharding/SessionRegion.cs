namespace AkkaMcpEcho.Actors.Sharding;

/// <summary>Registry key of the node's shard region of sessions (cluster mode only; HTTP never uses it directly).</summary>
public sealed class SessionRegion
{
    /// <summary>The sharding type name: every node must use the same one.</summary>
    public const string TypeName = "session";
}
