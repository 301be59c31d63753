namespace AkkaMcpEcho.Messages.Sessions;

/// <summary>
/// The <c>clientInfo</c> of an initialize request (absent fields stay null), and which of the client capabilities
/// that allow server-to-client requests it declared: the server sends sampling or elicitation requests only then.
/// </summary>
public sealed record ClientInfo(string? Name, string? Version)
{
    public static readonly ClientInfo Unknown = new(null, null);

    public bool DeclaresSampling { get; init; }
    public bool DeclaresElicitation { get; init; }
}
