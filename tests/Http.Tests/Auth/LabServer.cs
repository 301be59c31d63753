namespace AkkaMcpEcho.Http.Tests.Auth;

/// <summary>A server in lab mode with a known key (so tests can mint tokens), requiring mcp:basic, and mcp:echo mcp:extra for echo.</summary>
public sealed class LabServer() : ServerFixture([.. LabAuthority.Settings(Key).Select(s => (s.Key, s.Value!))])
{
    public static readonly string Key = LabAuthority.NewKey();
}
