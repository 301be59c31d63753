namespace AkkaMcpEcho.Messages.Sessions;

/// <summary>The <c>clientInfo</c> of an initialize request; absent fields stay null.</summary>
public sealed record ClientInfo(string? Name, string? Version)
{
    public static readonly ClientInfo Unknown = new(null, null);
}
