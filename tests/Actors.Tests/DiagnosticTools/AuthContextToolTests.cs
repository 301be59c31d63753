using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class AuthContextToolTests
{
    [Fact]
    public void Shows_the_gateways_user_headers_and_a_shortened_token()
    {
        var context = Fixtures.Context("{}",
            ("Authorization", "Bearer " + Fixtures.SeedToken),
            ("X-User-Id", "12345"),
            ("X-User-Name", "johndoe"),
            ("X-Request-Id", "req_abc123"));

        var result = Fixtures.Invoke(AuthContextTool.Definition, context);

        var lines = result.Text.Split('\n');
        Assert.Equal("🔐 Authentication Context", lines[0]);
        Assert.Contains("👤 User Information:", lines);
        Assert.Contains("- User ID: 12345", lines);
        Assert.Contains("- Username: johndoe", lines);
        Assert.Contains("- GitHub User: johndoe", lines);
        Assert.Contains("🎫 Token Details:", lines);
        Assert.Contains("- Token Type: Bearer", lines);
        Assert.Contains($"- Token Length: {Fixtures.SeedToken.Length} characters", lines);
        Assert.Contains($"- Token Preview: {Fixtures.SeedToken[..6]}...{Fixtures.SeedToken[^6..]}", lines);
        Assert.Contains("🔑 Derived Information:", lines);
        Assert.Contains("- Authentication: ✅ Authenticated (gateway X-User-* headers)", lines);
        Assert.Contains($"- Session: {Fixtures.SessionId}", lines);
        Assert.Contains("- Request ID: req_abc123", lines);
        Assert.DoesNotContain(Fixtures.SeedToken, result.Text);
    }

    [Fact]
    public void Falls_back_to_the_tokens_claims_without_gateway_headers()
    {
        var context = Fixtures.Context("{}", ("Authorization", "Bearer " + Fixtures.SeedToken));

        var lines = Fixtures.Invoke(AuthContextTool.Definition, context).Text.Split('\n');

        Assert.Contains("- User ID: user123", lines);
        Assert.Contains("- Username: John Doe", lines);
        Assert.Contains("- GitHub User: not provided", lines);
        Assert.Contains("- Token Format: JWT (signature not verified)", lines);
        Assert.Contains("- Authentication: ✅ Authenticated (credentials present, not verified by this server)", lines);
    }

    [Fact]
    public void Without_credentials_it_is_not_authenticated()
    {
        var lines = Fixtures.Invoke(AuthContextTool.Definition, Fixtures.Context()).Text.Split('\n');

        Assert.Contains("- User ID: not provided", lines);
        Assert.Contains("- Token Type: none (no Authorization header)", lines);
        Assert.Contains("- Authentication: ❌ Not authenticated", lines);
        Assert.Contains("- Request ID: not provided", lines);
    }

    [Fact]
    public void A_short_credential_is_never_previewed_whole()
    {
        var context = Fixtures.Context("{}", ("Authorization", "Basic c2VjcmV0"));

        var text = Fixtures.Invoke(AuthContextTool.Definition, context).Text;

        Assert.Contains("- Token Type: Basic", text);
        Assert.Contains("- Token Preview: c2...", text);
        Assert.DoesNotContain("c2VjcmV0", text);
    }
}
